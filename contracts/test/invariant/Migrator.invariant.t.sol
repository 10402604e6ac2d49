// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MigratorTest} from "../base/MigratorTest.sol";
import {MigratorHandler} from "./MigratorHandler.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice After any sequence of migrations, trades and new V2 liquidity by several users: the Migrator holds
/// nothing, approves nothing but the position manager, and every token withdrawn was deposited or refunded.
contract MigratorInvariantTest is MigratorTest {
    /// @dev Per migration, at most this many wei may go missing to rounding (none observed).
    uint256 internal constant ROUNDING_WEI_PER_MIGRATION = 2;

    MigratorHandler internal handler;
    address[] internal tokens;
    address[] internal spenders;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        uint256[] memory keys = new uint256[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        (keys[0], keys[1], keys[2]) = (aliceKey, bobKey, carolKey);
        handler = new MigratorHandler(migrator, WETH, V3_SWAP_ROUTER, actors, keys);
        handler.addRoute(wethUsdcPair, v3Pool("WETH_USDC_3000"), 3000, 60);
        handler.addRoute(v2Pair("DAI_USDC"), v3Pool("DAI_USDC_100"), 100, 1);
        handler.addRoute(v2Pair("WBTC_WETH"), v3Pool("WBTC_WETH_3000"), 3000, 60);

        tokens = [WETH, USDC, DAI, WBTC, wethUsdcPair, v2Pair("DAI_USDC"), v2Pair("WBTC_WETH")];
        spenders = [
            V2_ROUTER,
            V3_SWAP_ROUTER,
            V3_MIGRATOR,
            PERMIT2,
            V4_POSITION_MANAGER,
            UNIVERSAL_ROUTER,
            alice,
            bob,
            carol,
            guardian,
            address(handler),
            address(migrator)
        ];
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = MigratorHandler.migrate.selector;
        selectors[1] = MigratorHandler.swap.selector;
        selectors[2] = MigratorHandler.addV2Liquidity.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_MigratorHoldsNothing() public view {
        for (uint256 i; i < tokens.length; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(migrator)), 0, "Migrator holds a token");
        }
        assertEq(address(migrator).balance, 0, "Migrator holds ETH");
    }

    function invariant_NoAllowanceButPositionManager() public view {
        for (uint256 i; i < tokens.length; ++i) {
            for (uint256 j; j < spenders.length; ++j) {
                assertEq(IERC20(tokens[i]).allowance(address(migrator), spenders[j]), 0, "Migrator allowance leaked");
            }
            for (uint256 r; r < handler.routeCount(); ++r) {
                MigratorHandler.Route memory route = handler.routeAt(r);
                assertEq(IERC20(tokens[i]).allowance(address(migrator), route.pair), 0, "allowance to a pair");
                assertEq(IERC20(tokens[i]).allowance(address(migrator), route.pool), 0, "allowance to a pool");
            }
        }
    }

    function invariant_WithdrawnEqualsDepositedPlusRefunded() public view {
        uint256 tolerance = handler.ghostMigrations() * ROUNDING_WEI_PER_MIGRATION;
        for (uint256 i; i < 4; ++i) {
            address token = tokens[i];
            uint256 withdrawn = handler.ghostWithdrawn(token);
            uint256 accounted = handler.ghostDeposited(token) + handler.ghostRefunded(token);
            assertApproxEqAbs(withdrawn, accounted, tolerance, "withdrawn = deposited + refunded");
        }
    }

    function afterInvariant() public view {
        assertGt(handler.ghostMigrations(), 0, "the campaign migrated something");
    }
}
