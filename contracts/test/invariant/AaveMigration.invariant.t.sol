// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AaveMigratorTest} from "../base/AaveMigratorTest.sol";
import {IAaveV3CreditDelegation} from "../base/ProtocolInterfaces.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";
import {AaveMigrationHandler} from "./AaveMigrationHandler.sol";

/// @notice After any sequence of new V2 positions, time passing and whole-position migrations by the demo users:
/// the Migrator holds and approves nothing, migrated users owe nothing on V2, V3 debt is the old debt as of the
/// migration block, and every supply arrives whole.
/// forge-config: default.invariant.runs = 32
/// forge-config: default.invariant.depth = 24
/// forge-config: default.invariant.fail-on-revert = true
contract AaveMigrationInvariantTest is AaveMigratorTest {
    /// @dev Aave's ray rounding of a scaled balance: at most one wei per mint or transfer.
    uint256 internal constant ROUNDING_WEI = 1;

    AaveMigrationHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        handler = new AaveMigrationHandler(migrator, AAVE_V2_POOL, actors);
        handler.addCollateralReserve(_reserve(WETH, 3000e18 / 1e18, 50 ether));
        handler.addCollateralReserve(_reserve(USDC, 1e18 / 1e6, 100_000e6));
        // Small WBTC deposits: V3's supply cap leaves 5 WBTC of room for the whole campaign.
        handler.addCollateralReserve(_reserve(WBTC, 60_000e18 / 1e8, 0.05e8));
        handler.addDebtReserve(_reserve(DAI, 1e18 / 1e18, 0));
        handler.addDebtReserve(_reserve(USDC, 1e18 / 1e6, 0));
        // Standing approvals instead of signatures: the signature paths have their own tests.
        for (uint256 i; i < actors.length; ++i) {
            vm.startPrank(actors[i]);
            address[4] memory assets = [WETH, USDC, WBTC, DAI];
            for (uint256 j; j < assets.length; ++j) {
                IERC20Minimal(_v2Token(assets[j], ".aToken")).approve(address(migrator), type(uint256).max);
            }
            for (uint256 j = 1; j < assets.length; ++j) {
                IAaveV3CreditDelegation(_v3Token(assets[j], ".variableDebtToken"))
                    .approveDelegation(address(migrator), type(uint256).max);
            }
            vm.stopPrank();
        }
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = AaveMigrationHandler.openV2Position.selector;
        selectors[1] = AaveMigrationHandler.warp.selector;
        selectors[2] = AaveMigrationHandler.migrate.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_MigratorHoldsAndApprovesNothing() public view {
        _assertMigratorHoldsNoAaveAsset();
        address[4] memory assets = [WETH, USDC, WBTC, DAI];
        for (uint256 i; i < assets.length; ++i) {
            assertEq(IERC20Minimal(assets[i]).allowance(address(migrator), AAVE_V2_POOL), 0, "allowance to V2 pool");
            assertEq(IERC20Minimal(assets[i]).allowance(address(migrator), AAVE_V3_POOL), 0, "allowance to V3 pool");
        }
    }

    function invariant_NoV2DebtLeftByAMigration() public view {
        assertEq(handler.ghostV2DebtLeft(), 0, "a migration left V2 debt behind");
    }

    function invariant_V3DebtIsTheOldDebtOfTheMigrationBlock() public view {
        assertLe(handler.ghostMaxDebtGap(), ROUNDING_WEI, "V3 debt = V3 debt before + V2 debt at execution");
    }

    function invariant_EverySupplyArrivesWhole() public view {
        assertLe(handler.ghostMaxSupplyGap(), ROUNDING_WEI, "V3 supply = V3 supply before + V2 supply moved");
    }

    function afterInvariant() public view {
        assertGt(handler.ghostMigrations(), 0, "the campaign migrated something");
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
