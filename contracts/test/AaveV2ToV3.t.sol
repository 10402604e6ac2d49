// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {AaveMigratorTest} from "./base/AaveMigratorTest.sol";
import {IAaveV3CreditDelegation, IAaveV3PoolConfigurator} from "./base/ProtocolInterfaces.sol";
import {IAaveProtocolDataProvider} from "./utils/interfaces/IAaveV3.sol";
import {IERC20Minimal} from "./utils/interfaces/IERC20Minimal.sol";

/// @notice Route `AaveV2ToV3` on the world's demo positions: alice supplies WETH; bob supplies WETH and owes USDC
/// at the variable rate; carol supplies WBTC (8 decimals) and owes DAI at the stable rate.
contract AaveV2ToV3Test is AaveMigratorTest {
    function test_Deployment_IsBuiltForTheWorldsAaveMarkets() public view {
        assertEq(migrator.AAVE_V2_POOL(), AAVE_V2_POOL, "Aave V2 pool");
        assertEq(migrator.AAVE_V3_POOL(), AAVE_V3_POOL, "Aave V3 pool");
    }

    function test_MigrateAave_SupplyOnly_MovesTheLiveBalanceAsCollateral() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(WETH), _noAssets());
        // The aToken grows between signing and sending; the permit's buffer covers it.
        skip(SIGN_TO_SEND_DELAY);
        uint256 balance = _v2Supply(alice, WETH);

        IMigrator.LendingMigration memory m = _migrateAave(alice, params);

        assertEq(_v2Supply(alice, WETH), 0, "no V2 supply left");
        assertApproxEqAbs(_v3Supply(alice, WETH), balance, 1, "V3 supply equals the live V2 balance");
        (,,,,,,,, bool collateral) = IAaveProtocolDataProvider(AAVE_V3_DATA_PROVIDER).getUserReserveData(WETH, alice);
        assertTrue(collateral, "V3 supply enabled as collateral");
        assertEq(m.destination, AAVE_V3_POOL, "event: destination");
        assertEq(m.collateralAssets[0], WETH, "event: collateral asset");
        assertEq(m.collateralAmounts[0], balance, "event: collateral amount");
        assertEq(m.debtAssets.length, 0, "event: no debt");
        assertEq(m.sourceHealthFactorAfter, type(uint256).max, "event: no V2 debt");
        assertEq(m.destinationHealthFactorAfter, type(uint256).max, "event: no V3 debt");
        _assertMigratorHoldsNoAaveAsset();
    }

    function test_MigrateAave_VariableDebt_OpensTheSameDebtOnV3() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        skip(SIGN_TO_SEND_DELAY);
        uint256 debt = _v2Debt(bob, USDC);
        uint256 supply = _v2Supply(bob, WETH);

        IMigrator.LendingMigration memory m = _migrateAave(bob, params);

        assertEq(_v2Debt(bob, USDC), 0, "V2 debt repaid");
        assertEq(_v2Supply(bob, WETH), 0, "V2 supply moved");
        assertApproxEqAbs(_v3VariableDebt(bob, USDC), debt, 1, "V3 debt = V2 debt at execution");
        assertApproxEqAbs(_v3Supply(bob, WETH), supply, 1, "V3 supply = V2 supply");
        assertEq(m.debtAssets[0], USDC, "event: debt asset");
        assertEq(m.debtAmounts[0], debt, "event: debt amount");
        (,,,,, uint256 v3Health) = aaveV3.getUserAccountData(bob);
        assertEq(m.destinationHealthFactorAfter, v3Health, "event: V3 health factor");
        assertGt(v3Health, 1.5e18, "bob stays healthy on V3");
        assertEq(m.sourceHealthFactorAfter, type(uint256).max, "event: V2 has no debt left");
        _assertMigratorHoldsNoAaveAsset();
    }

    function test_MigrateAave_StableDebtAndEightDecimalCollateral() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(carolKey, _assets(WBTC), _assets(DAI));
        skip(SIGN_TO_SEND_DELAY);
        uint256 debt = _v2Debt(carol, DAI);

        IMigrator.LendingMigration memory m = _migrateAave(carol, params);

        assertEq(_v2Debt(carol, DAI), 0, "V2 stable debt repaid");
        assertApproxEqAbs(_v3VariableDebt(carol, DAI), debt, 1, "V3 variable debt = V2 stable debt at execution");
        assertEq(_v3Supply(carol, WBTC), 1e8, "1 WBTC supplied on V3");
        assertEq(m.collateralAmounts[0], 1e8, "event: 1 WBTC");
        _assertMigratorHoldsNoAaveAsset();
    }

    function test_MigrateAave_SeveralReservesAndBothRateModes() public {
        _depositV2(bob, USDC, 20_000e6);
        _depositV2(bob, WBTC, 1e8);
        _borrowV2(bob, DAI, 5_000e18, STABLE);
        address[] memory collateral = new address[](3);
        (collateral[0], collateral[1], collateral[2]) = (WETH, USDC, WBTC);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, collateral, _assets(USDC, DAI));
        skip(SIGN_TO_SEND_DELAY);
        (uint256 usdcDebt, uint256 daiDebt) = (_v2Debt(bob, USDC), _v2Debt(bob, DAI));

        IMigrator.LendingMigration memory m = _migrateAave(bob, params);

        for (uint256 i; i < collateral.length; ++i) {
            assertEq(_v2Supply(bob, collateral[i]), 0, "every V2 supply moved");
            assertApproxEqAbs(_v3Supply(bob, collateral[i]), m.collateralAmounts[i], 1, "V3 supply = amount moved");
        }
        assertApproxEqAbs(_v3VariableDebt(bob, USDC), usdcDebt, 1, "USDC debt moved");
        assertApproxEqAbs(_v3VariableDebt(bob, DAI), daiDebt, 1, "DAI debt moved");
        assertEq(_v2Debt(bob, USDC) + _v2Debt(bob, DAI), 0, "no V2 debt left");
        _assertMigratorHoldsNoAaveAsset();
    }

    function test_MigrateAave_SameAssetOwedAtBothRates() public {
        _borrowV2(bob, USDC, 2_000e6, STABLE);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        skip(SIGN_TO_SEND_DELAY);
        uint256 debt = _v2Debt(bob, USDC);
        assertGt(debt, 12_000e6, "bob owes USDC at both rates");

        IMigrator.LendingMigration memory m = _migrateAave(bob, params);

        assertEq(_v2Debt(bob, USDC), 0, "both V2 rate modes repaid");
        assertApproxEqAbs(_v3VariableDebt(bob, USDC), debt, 1, "one V3 variable debt of their sum");
        assertEq(m.debtAmounts[0], debt, "event: the sum");
    }

    function test_MigrateAave_MixedWithAUniswapPositionInOneBatch() public {
        IMigrator.Position[] memory positions = new IMigrator.Position[](2);
        positions[0] = _position(_permittedParams(wethUsdcPair, bobKey, FEE_MEDIUM, 10_000));
        positions[1] = _aavePosition(_signedParams(bobKey, _assets(WETH), _assets(USDC)));

        IMigrator.LendingMigration[] memory lending = _migrateLending(bob, positions);

        assertEq(lending.length, 1, "one lending event");
        assertEq(IERC20Minimal(wethUsdcPair).balanceOf(bob), 0, "LP migrated in the same call");
        assertEq(_v2Debt(bob, USDC), 0, "debt migrated in the same call");
        _assertMigratorHoldsNoAaveAsset();
    }

    function test_MigrateAave_WithApprovalsInsteadOfSignatures() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        delete params.collateral[0].permit;
        delete params.debt[0].delegation;
        vm.startPrank(bob);
        IERC20Minimal(_v2Token(WETH, ".aToken")).approve(address(migrator), type(uint256).max);
        IAaveV3CreditDelegation(_v3Token(USDC, ".variableDebtToken")).approveDelegation(address(migrator), 20_000e6);
        vm.stopPrank();

        _migrateAave(bob, params);

        assertEq(_v2Debt(bob, USDC), 0, "debt migrated with a plain delegation");
        assertEq(_v2Supply(bob, WETH), 0, "supply migrated with a plain approval");
    }

    function test_MigrateAave_LeavesNoAllowanceOfTheMigrator() public {
        _migrateAave(bob, _signedParams(bobKey, _assets(WETH), _assets(USDC)));

        address[2] memory spenders = [AAVE_V2_POOL, AAVE_V3_POOL];
        address[2] memory assets = [WETH, USDC];
        for (uint256 i; i < assets.length; ++i) {
            for (uint256 j; j < spenders.length; ++j) {
                assertEq(
                    IERC20Minimal(assets[i]).allowance(address(migrator), spenders[j]), 0, "no standing Aave approval"
                );
            }
        }
    }

    // ---------------------------------------------------------------- preconditions

    function test_RevertWhen_NothingListed() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params;
        vm.expectRevert(abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, AAVE_V2_POOL));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_NoSupplyOfTheAsset() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(USDC), _noAssets());
        vm.expectRevert(abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, _v2Token(USDC, ".aToken")));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_NoDebtOfTheAsset() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(DAI));
        vm.expectRevert(
            abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, _v2Token(DAI, ".variableDebtToken"))
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_AssetNotListedOnV2() public {
        address unlisted = makeAddr("unlisted");
        IAaveV2ToV3Route.AaveV2ToV3Params memory params;
        params.collateral = new IAaveV2ToV3Route.AaveCollateral[](1);
        params.collateral[0].asset = unlisted;
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV2ReserveMissing.selector, unlisted));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_ReserveFrozenOnV3() public {
        _depositV2(alice, UNI, 100 ether);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(UNI), _noAssets());
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3ReserveFrozen.selector, UNI));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_ReserveInactiveOnV3() public {
        _deactivateV3Reserve(UNI);
        _depositV2(alice, UNI, 100 ether);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(UNI), _noAssets());
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3ReserveMissing.selector, UNI));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_SupplyCapReached() public {
        _depositV2(alice, WBTC, 6e8);
        uint256 room = 30e8 - IERC20Minimal(_v3Token(WBTC, ".aToken")).totalSupply();
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(WBTC), _noAssets());
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3SupplyCapReached.selector, WBTC, 6e8, room));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_BorrowCapReached() public {
        _depositV2(alice, WETH, 490 ether);
        _borrowV2(alice, WBTC, 16e8, VARIABLE);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(WETH), _assets(WBTC));
        uint256 room = 15e8 - IERC20Minimal(_v3Token(WBTC, ".variableDebtToken")).totalSupply()
            - IERC20Minimal(_v3Token(WBTC, ".stableDebtToken")).totalSupply();
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3BorrowCapReached.selector, WBTC, 16e8, room));
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_BorrowingDisabledOnV3() public {
        IAaveV3PoolConfigurator configurator = IAaveV3PoolConfigurator(_address(".aaveV3.configurator"));
        vm.startPrank(deployer);
        configurator.setReserveStableRateBorrowing(USDC, false);
        configurator.setReserveBorrowing(USDC, false);
        vm.stopPrank();
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3BorrowingDisabled.selector, USDC));
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_IsolatedCollateralWouldBackDebt() public {
        _depositV2(bob, LINK, 100 ether);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH, LINK), _assets(USDC));
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3IsolatedCollateral.selector, LINK));
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_DebtMovesIntoAnIsolatedV3Account() public {
        deal(LINK, bob, 100 ether);
        vm.startPrank(bob);
        IERC20Minimal(LINK).approve(AAVE_V3_POOL, 100 ether);
        aaveV3.supply(LINK, 100 ether, bob, 0);
        aaveV3.setUserUseReserveAsCollateral(LINK, true);
        vm.stopPrank();
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3IsolatedCollateral.selector, LINK));
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_MigrateAave_DebtMovesNextToANonIsolatedV3Collateral() public {
        deal(DAI, bob, 1_000e18);
        vm.startPrank(bob);
        IERC20Minimal(DAI).approve(AAVE_V3_POOL, 1_000e18);
        aaveV3.supply(DAI, 1_000e18, bob, 0);
        vm.stopPrank();

        _migrateAave(bob, _signedParams(bobKey, _assets(WETH), _assets(USDC)));

        assertEq(_v2Debt(bob, USDC), 0, "debt moved next to the existing V3 collateral");
    }

    /// @dev Debt stays on both sides: each health factor in the event is the pool's own, not the no-debt value the
    /// route reads from the user's configuration otherwise.
    function test_MigrateAave_SupplyOnly_ReportsHealthFactorsWhereDebtStays() public {
        deal(DAI, bob, 1_000e18);
        vm.startPrank(bob);
        IERC20Minimal(DAI).approve(AAVE_V3_POOL, 1_000e18);
        aaveV3.supply(DAI, 1_000e18, bob, 0);
        aaveV3.borrow(USDC, 100e6, VARIABLE, 0, bob);
        vm.stopPrank();
        _depositV2(bob, DAI, 1_000e18);

        IMigrator.LendingMigration memory m = _migrateAave(bob, _signedParams(bobKey, _assets(DAI), _noAssets()));

        (,,,,, uint256 v2Health) = aaveV2.getUserAccountData(bob);
        (,,,,, uint256 v3Health) = aaveV3.getUserAccountData(bob);
        assertLt(v2Health, type(uint256).max, "bob still owes USDC on V2");
        assertLt(v3Health, type(uint256).max, "bob owes USDC on V3");
        assertEq(m.sourceHealthFactorAfter, v2Health, "event: V2 health factor");
        assertEq(m.destinationHealthFactorAfter, v3Health, "event: V3 health factor");
    }

    function test_MigrateAave_IsolatedSupplyWithoutDebtMovesAsPlainSupply() public {
        _depositV2(alice, LINK, 100 ether);
        _migrateAave(alice, _signedParams(aliceKey, _assets(LINK), _noAssets()));

        assertEq(_v3Supply(alice, LINK), 100 ether, "LINK supplied on V3");
        (,,,,,,,, bool collateral) = IAaveProtocolDataProvider(AAVE_V3_DATA_PROVIDER).getUserReserveData(LINK, alice);
        assertFalse(collateral, "isolated LINK is not enabled as collateral on the user's behalf");
    }

    function test_RevertWhen_DebtOutsideTheUsersEModeCategory() public {
        vm.prank(bob);
        aaveV3.setUserEMode(1);
        _borrowV2(bob, WETH, 1 ether, VARIABLE);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC, WETH));
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3EModeMismatch.selector, WETH, 1, 0));
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_HealthFactorBelowTheUsersMinimum() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        uint256 snapshot = vm.snapshotState();
        uint256 healthFactor = _migrateAave(bob, params).destinationHealthFactorAfter;
        vm.revertToState(snapshot);
        params.minHealthFactor = healthFactor + 1;

        vm.expectRevert(
            abi.encodeWithSelector(IAaveV2ToV3Route.HealthFactorTooLow.selector, healthFactor, healthFactor + 1)
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    /// @dev Moving one of two supplies leaves the V2 debt on less collateral: the caller's minimum bounds that too.
    function test_RevertWhen_SourceHealthFactorBelowTheUsersMinimum() public {
        _depositV2(bob, DAI, 5000e18);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(DAI), _noAssets());
        (,,,,, uint256 before) = aaveV2.getUserAccountData(bob);
        uint256 snapshot = vm.snapshotState();
        uint256 healthFactor = _migrateAave(bob, params).sourceHealthFactorAfter;
        vm.revertToState(snapshot);
        assertLt(healthFactor, before, "precondition: the V2 account left behind is weaker");
        params.minSourceHealthFactor = healthFactor + 1;

        vm.expectRevert(
            abi.encodeWithSelector(IAaveV2ToV3Route.SourceHealthFactorTooLow.selector, healthFactor, healthFactor + 1)
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_MigrateAave_SourceHealthFactorAtTheUsersMinimum() public {
        _depositV2(bob, DAI, 5000e18);
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(DAI), _noAssets());
        uint256 snapshot = vm.snapshotState();
        uint256 healthFactor = _migrateAave(bob, params).sourceHealthFactorAfter;
        vm.revertToState(snapshot);
        params.minSourceHealthFactor = healthFactor;

        assertEq(_migrateAave(bob, params).sourceHealthFactorAfter, healthFactor, "migrates at the minimum");
        assertEq(_v2Supply(bob, DAI), 0, "the DAI supply moved");
        assertGt(_v2Debt(bob, USDC), 0, "the USDC debt stayed on V2");
    }

    /// @dev Withdraws every supply of `asset` from V3 (only the deployer supplied it) and deactivates the reserve,
    /// as governance does before delisting.
    function _deactivateV3Reserve(address asset) private {
        vm.startPrank(deployer);
        IAaveV3PoolConfigurator configurator = IAaveV3PoolConfigurator(_address(".aaveV3.configurator"));
        configurator.setReserveFreeze(asset, false);
        aaveV3.withdraw(asset, type(uint256).max, deployer);
        configurator.setReserveActive(asset, false);
        vm.stopPrank();
    }
}
