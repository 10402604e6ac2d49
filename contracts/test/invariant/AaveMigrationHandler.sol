// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IAaveV2ToV3Route} from "../../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IAaveV2LendingPool} from "../utils/interfaces/IAaveV2.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Drives Aave V2 → V3 migrations like a crowd of borrowers would: new V2 supplies and debts, time passing,
/// whole-position migrations; measures each migration from the outside, on both markets.
contract AaveMigrationHandler is CommonBase, StdCheats, StdUtils {
    uint256 internal constant STABLE = 1;
    uint256 internal constant VARIABLE = 2;

    /// @dev One market's tokens for an asset.
    struct Reserve {
        address asset;
        address v2AToken;
        address v2StableDebt;
        address v2VariableDebt;
        address v3AToken;
        address v3VariableDebt;
        /// @dev USD per smallest unit, scaled by 1e18.
        uint256 usdPerUnit;
        uint256 maxDeposit;
    }

    Migrator internal immutable MIGRATOR;
    address internal immutable V2_POOL;
    address[] internal actors;
    Reserve[] internal collateralReserves;
    /// @dev New debt is taken in the first; the demo users also owe the others.
    Reserve[] internal debtReserves;

    uint256 public ghostMigrations;
    /// @dev V2 debt found right after any migration, summed: must stay zero.
    uint256 public ghostV2DebtLeft;
    /// @dev The largest gap, in wei, between a V3 balance after a migration and its balance before plus what moved.
    uint256 public ghostMaxSupplyGap;
    uint256 public ghostMaxDebtGap;

    constructor(Migrator migrator, address v2Pool, address[] memory actors_) {
        MIGRATOR = migrator;
        V2_POOL = v2Pool;
        actors = actors_;
    }

    function addCollateralReserve(Reserve memory reserve) external {
        collateralReserves.push(reserve);
    }

    function addDebtReserve(Reserve memory reserve) external {
        debtReserves.push(reserve);
    }

    // ---------------------------------------------------------------- actions

    /// @notice An actor supplies a collateral asset on V2 and may borrow the first debt asset against up to 40%
    /// of it.
    function openV2Position(uint256 actorSeed, uint256 reserveSeed, uint256 amount, uint256 debtShareBps, bool stable)
        external
    {
        address actor = actors[actorSeed % actors.length];
        Reserve memory reserve = collateralReserves[reserveSeed % collateralReserves.length];
        amount = bound(amount, reserve.maxDeposit / 1000, reserve.maxDeposit);
        deal(reserve.asset, actor, IERC20(reserve.asset).balanceOf(actor) + amount);
        vm.startPrank(actor);
        IERC20(reserve.asset).approve(V2_POOL, amount);
        IAaveV2LendingPool(V2_POOL).deposit(reserve.asset, amount, actor, 0);
        Reserve memory debtReserve = debtReserves[0];
        uint256 debt = amount * reserve.usdPerUnit * bound(debtShareBps, 0, 4000) / 10_000 / debtReserve.usdPerUnit;
        if (debt != 0) {
            IAaveV2LendingPool(V2_POOL).borrow(debtReserve.asset, debt, stable ? STABLE : VARIABLE, 0, actor);
        }
        vm.stopPrank();
    }

    function warp(uint256 seconds_) external {
        skip(bound(seconds_, 1, 30 days));
    }

    /// @notice An actor migrates every V2 supply and debt it has (approvals were given up front).
    function migrate(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _wholePosition(actor);
        if (params.collateral.length == 0) return;

        uint256 n = params.collateral.length;
        uint256[] memory moved = new uint256[](n);
        uint256[] memory v3Before = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Reserve memory reserve = _collateralReserve(params.collateral[i].asset);
            moved[i] = IERC20(reserve.v2AToken).balanceOf(actor);
            v3Before[i] = IERC20(reserve.v3AToken).balanceOf(actor);
        }
        uint256[] memory debtMoved = new uint256[](debtReserves.length);
        uint256[] memory v3DebtBefore = new uint256[](debtReserves.length);
        for (uint256 i; i < debtReserves.length; ++i) {
            debtMoved[i] = _v2Debt(actor, debtReserves[i]);
            v3DebtBefore[i] = IERC20(debtReserves[i].v3VariableDebt).balanceOf(actor);
        }

        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = IMigrator.Position({route: IMigrator.Route.AaveV2ToV3, params: abi.encode(params)});
        vm.prank(actor);
        MIGRATOR.migrate(positions, block.timestamp, false);
        ++ghostMigrations;

        for (uint256 i; i < n; ++i) {
            uint256 v3After = IERC20(_collateralReserve(params.collateral[i].asset).v3AToken).balanceOf(actor);
            ghostMaxSupplyGap = _max(ghostMaxSupplyGap, _gap(v3After, v3Before[i] + moved[i]));
        }
        for (uint256 i; i < debtReserves.length; ++i) {
            uint256 v3DebtAfter = IERC20(debtReserves[i].v3VariableDebt).balanceOf(actor);
            ghostMaxDebtGap = _max(ghostMaxDebtGap, _gap(v3DebtAfter, v3DebtBefore[i] + debtMoved[i]));
            ghostV2DebtLeft += _v2Debt(actor, debtReserves[i]);
        }
    }

    // ---------------------------------------------------------------- helpers

    function _wholePosition(address actor) internal view returns (IAaveV2ToV3Route.AaveV2ToV3Params memory params) {
        uint256 count;
        for (uint256 i; i < collateralReserves.length; ++i) {
            if (IERC20(collateralReserves[i].v2AToken).balanceOf(actor) != 0) ++count;
        }
        params.collateral = new IAaveV2ToV3Route.AaveCollateral[](count);
        count = 0;
        for (uint256 i; i < collateralReserves.length; ++i) {
            if (IERC20(collateralReserves[i].v2AToken).balanceOf(actor) != 0) {
                params.collateral[count++].asset = collateralReserves[i].asset;
            }
        }
        count = 0;
        for (uint256 i; i < debtReserves.length; ++i) {
            if (_v2Debt(actor, debtReserves[i]) != 0) ++count;
        }
        params.debt = new IAaveV2ToV3Route.AaveDebt[](count);
        count = 0;
        for (uint256 i; i < debtReserves.length; ++i) {
            if (_v2Debt(actor, debtReserves[i]) != 0) params.debt[count++].asset = debtReserves[i].asset;
        }
        params.minHealthFactor = 1e18;
    }

    function _v2Debt(address actor, Reserve memory reserve) internal view returns (uint256) {
        return IERC20(reserve.v2StableDebt).balanceOf(actor) + IERC20(reserve.v2VariableDebt).balanceOf(actor);
    }

    function _collateralReserve(address asset) internal view returns (Reserve memory) {
        for (uint256 i; i < collateralReserves.length; ++i) {
            if (collateralReserves[i].asset == asset) return collateralReserves[i];
        }
        revert("AaveMigrationHandler: unknown asset");
    }

    function _gap(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
