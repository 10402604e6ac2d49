// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MigratorTest} from "../base/MigratorTest.sol";
import {MigratorHandler} from "./MigratorHandler.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice After any sequence of migrations (half of them faulty on purpose, each required to revert with its typed
/// error), trades and new V2 liquidity by several users: the Migrator holds nothing, every allowance it ever gave is
/// spent except the position manager's, and every token withdrawn was deposited or refunded.
/// @dev `fail_on_revert` (foundry.toml): any call the handler did not expect to revert fails the campaign.
contract MigratorInvariantTest is MigratorTest {
    /// @dev Per migration, at most this many wei may go missing to rounding (none observed).
    uint256 internal constant ROUNDING_WEI_PER_MIGRATION = 2;

    MigratorHandler internal handler;
    address[] internal tokens;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        uint256[] memory keys = new uint256[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        (keys[0], keys[1], keys[2]) = (aliceKey, bobKey, carolKey);
        handler = new MigratorHandler(migrator, WETH, V3_SWAP_ROUTER, guardian, actors, keys);
        handler.addRoute(wethUsdcPair, v3Pool("WETH_USDC_3000"), 3000, 60);
        handler.addRoute(v2Pair("DAI_USDC"), v3Pool("DAI_USDC_100"), 100, 1);
        handler.addRoute(v2Pair("WBTC_WETH"), v3Pool("WBTC_WETH_3000"), 3000, 60);
        handler.seedPositions();

        tokens = [WETH, USDC, DAI, WBTC, wethUsdcPair, v2Pair("DAI_USDC"), v2Pair("WBTC_WETH")];
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = MigratorHandler.migrate.selector;
        selectors[1] = MigratorHandler.swap.selector;
        selectors[2] = MigratorHandler.addV2Liquidity.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @dev One invariant checking every property after every call: each `invariant_` function runs a campaign of its
    /// own, and the checks are cheap next to the calls, so one campaign buys the same coverage at a third of the cost.
    function invariant_MigrationsLeaveNothingBehind() public view {
        _assertMigratorHoldsNothing();
        _assertNoAllowanceButPositionManager();
        _assertWithdrawnEqualsDepositedPlusRefunded();
    }

    function _assertMigratorHoldsNothing() internal view {
        for (uint256 i; i < tokens.length; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(migrator)), 0, "Migrator holds a token");
        }
        assertEq(address(migrator).balance, 0, "Migrator holds ETH");
    }

    function _assertNoAllowanceButPositionManager() internal view {
        (address token, address spender, uint256 allowance) =
            handler.standingApproval(address(migrator), migrator.POSITION_MANAGER());
        assertEq(allowance, 0, string.concat("allowance left on ", vm.toString(token), " to ", vm.toString(spender)));
    }

    function _assertWithdrawnEqualsDepositedPlusRefunded() internal view {
        uint256 tolerance = handler.ghostMigrations() * ROUNDING_WEI_PER_MIGRATION;
        for (uint256 i; i < 4; ++i) {
            address token = tokens[i];
            uint256 withdrawn = handler.ghostWithdrawn(token);
            uint256 accounted = handler.ghostDeposited(token) + handler.ghostRefunded(token);
            assertApproxEqAbs(withdrawn, accounted, tolerance, "withdrawn = deposited + refunded");
        }
    }

    /// @dev The ghost set is read from logs: a migration that minted must have shown the position manager's approval
    /// (the first one of a run approves it), or the recording itself is broken.
    function afterInvariant() public view {
        if (handler.ghostMigrations() != 0) assertGt(handler.approvalCount(), 0, "no approval recorded");
    }
}
