// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AaveMigratorTest} from "../base/AaveMigratorTest.sol";
import {AaveMigrationHandler} from "./AaveMigrationHandler.sol";

/// @notice After any sequence of new V2 and V3 positions, e-mode switches, time passing and migrations of any subset
/// of a position (some faulty on purpose, each required to revert with its typed error) by the demo users: the
/// Migrator holds nothing and every allowance it ever gave is spent, moved V2 debts are gone, V3 debt is the old debt
/// as of the migration block, every moved supply arrives whole, and what was not selected stays on V2 untouched.
/// @dev `fail_on_revert` (foundry.toml): any call the handler did not expect to revert fails the campaign.
contract AaveMigrationInvariantTest is AaveMigratorTest {
    /// @dev Aave's ray rounding of a scaled balance: at most one wei per mint or transfer.
    uint256 internal constant ROUNDING_WEI = 1;

    AaveMigrationHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        uint256[] memory keys = new uint256[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        (keys[0], keys[1], keys[2]) = (aliceKey, bobKey, carolKey);
        handler = new AaveMigrationHandler(migrator, AAVE_V2_POOL, AAVE_V3_POOL, actors, keys);
        handler.addCollateralReserve(_reserve(WETH, 3000e18 / 1e18, 50 ether));
        handler.addCollateralReserve(_reserve(USDC, 1e18 / 1e6, 100_000e6));
        // Small WBTC deposits: V3's supply cap leaves 5 WBTC of room for the whole campaign.
        handler.addCollateralReserve(_reserve(WBTC, 60_000e18 / 1e8, 0.05e8));
        handler.addDebtReserve(_reserve(DAI, 1e18 / 1e18, 0));
        handler.addDebtReserve(_reserve(USDC, 1e18 / 1e6, 0));
        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = AaveMigrationHandler.openV2Position.selector;
        selectors[1] = AaveMigrationHandler.openV3Position.selector;
        selectors[2] = AaveMigrationHandler.setEMode.selector;
        selectors[3] = AaveMigrationHandler.warp.selector;
        selectors[4] = AaveMigrationHandler.migrate.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @dev One invariant checking every property after every call: each `invariant_` function runs a campaign of its
    /// own, and the checks are cheap next to the calls, so one campaign buys the same coverage at a fifth of the cost.
    function invariant_MigrationsMoveExactlyWhatWasSelected() public view {
        _assertMigratorHoldsAndApprovesNothing();
        _assertNoV2DebtLeftOnAMovedReserve();
        _assertUnselectedLegsStayOnV2();
        _assertV3DebtIsTheOldDebtOfTheMigrationBlock();
        _assertEverySupplyArrivesWhole();
    }

    function _assertMigratorHoldsAndApprovesNothing() internal view {
        _assertMigratorHoldsNoAaveAsset();
        // The Aave route keeps no standing approval: no spender is exempt.
        (address token, address spender, uint256 allowance) = handler.standingApproval(address(migrator), address(0));
        assertEq(allowance, 0, string.concat("allowance left on ", vm.toString(token), " to ", vm.toString(spender)));
    }

    function _assertNoV2DebtLeftOnAMovedReserve() internal view {
        assertEq(handler.ghostV2DebtLeft(), 0, "a migration left V2 debt behind on a reserve it moved");
    }

    function _assertUnselectedLegsStayOnV2() internal view {
        assertEq(handler.ghostUnselectedChanged(), 0, "a migration touched a V2 leg it did not select");
    }

    function _assertV3DebtIsTheOldDebtOfTheMigrationBlock() internal view {
        assertLe(handler.ghostMaxDebtGap(), ROUNDING_WEI, "V3 debt = V3 debt before + V2 debt at execution");
    }

    function _assertEverySupplyArrivesWhole() internal view {
        assertLe(handler.ghostMaxSupplyGap(), ROUNDING_WEI, "V3 supply = V3 supply before + V2 supply moved");
    }

    /// @dev Every migration approves a pool: one that succeeded with nothing recorded means the recording is broken.
    function afterInvariant() public view {
        if (handler.ghostMigrations() != 0) assertGt(handler.approvalCount(), 0, "no approval recorded");
    }

    function _reserve(address asset, uint256 usdPerUnit, uint256 maxDeposit)
        internal
        view
        returns (AaveMigrationHandler.Reserve memory)
    {
        return AaveMigrationHandler.Reserve({
            asset: asset,
            v2AToken: _v2Token(asset, ".aToken"),
            v2StableDebt: _v2Token(asset, ".stableDebtToken"),
            v2VariableDebt: _v2Token(asset, ".variableDebtToken"),
            v3AToken: _v3Token(asset, ".aToken"),
            v3VariableDebt: _v3Token(asset, ".variableDebtToken"),
            usdPerUnit: usdPerUnit,
            maxDeposit: maxDeposit
        });
    }
}
