// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IAaveV2ToV3Route} from "../../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IAaveV3CreditDelegation} from "../base/ProtocolInterfaces.sol";
import {Signatures} from "../base/Signatures.sol";
import {IAaveV2AToken, IAaveV2LendingPool} from "../utils/interfaces/IAaveV2.sol";
import {IAaveV3CreditDelegationToken, IAaveV3Pool} from "../utils/interfaces/IAaveV3.sol";
import {MigratorApprovals} from "./MigratorApprovals.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Drives Aave V2 → V3 migrations like a crowd of borrowers would: V2 supplies and debts in two debt assets,
/// V3 positions already there, e-mode switched on and off, time passing, and migrations of any subset of a position
/// authorised leg by leg with signed aToken permits, signed credit delegations, standing approvals or signatures a
/// relayer submitted first. Some migrations carry one fault on purpose and must revert with its typed error; every
/// other call must succeed (the suite runs with `fail_on_revert`). Each migration is measured on both markets.
contract AaveMigrationHandler is MigratorApprovals, StdCheats, StdUtils {
    uint256 internal constant STABLE = 1;
    uint256 internal constant VARIABLE = 2;
    uint8 internal constant STABLECOIN_EMODE = 1;
    /// @dev The app's buffer over the live balance or debt in what the user signs.
    uint256 internal constant SIGNATURE_BUFFER_BPS = 100;
    /// @dev New debt is at most this share of the supply it is opened against.
    uint256 internal constant MAX_DEBT_SHARE_BPS = 4000;
    /// @dev Submits users' signatures before them, as anyone watching the mempool can.
    address internal constant RELAYER = address(0xfee1);

    /// @notice How one leg is authorised.
    enum Authorisation {
        Signature,
        StandingApproval,
        FrontRunSignature
    }

    /// @notice What a migration gets wrong on purpose (`None`: it must succeed).
    enum Fault {
        None,
        DeadlinePassed,
        NothingSelected,
        EmptySupply,
        ShortAuthorisation,
        HealthFactorUnreachable
    }

    uint256 internal constant FAULTS = 6;

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

    /// @dev Which of an actor's V2 supplies and debts a migration moves, with their live amounts.
    struct Selection {
        bool[] supplies;
        bool[] debts;
        uint256[] supplyAmounts;
        uint256[] debtAmounts;
    }

    Migrator internal immutable MIGRATOR;
    address internal immutable V2_POOL;
    address internal immutable V3_POOL;
    address[] internal actors;
    uint256[] internal keys;
    Reserve[] internal collateralReserves;
    Reserve[] internal debtReserves;

    uint256 public ghostMigrations;
    mapping(Fault fault => uint256) public ghostCalls;
    /// @dev V2 debt found right after a migration on a reserve it moved, summed: must stay zero.
    uint256 public ghostV2DebtLeft;
    /// @dev V2 supplies and debts a migration did not select that changed during it: must stay zero.
    uint256 public ghostUnselectedChanged;
    /// @dev The largest gap, in wei, between a V3 balance after a migration and its balance before plus what moved.
    uint256 public ghostMaxSupplyGap;
    uint256 public ghostMaxDebtGap;

    constructor(Migrator migrator, address v2Pool, address v3Pool, address[] memory actors_, uint256[] memory keys_) {
        MIGRATOR = migrator;
        V2_POOL = v2Pool;
        V3_POOL = v3Pool;
        actors = actors_;
        keys = keys_;
    }

    function addCollateralReserve(Reserve memory reserve) external {
        collateralReserves.push(reserve);
    }

    function addDebtReserve(Reserve memory reserve) external {
        debtReserves.push(reserve);
    }

    // ---------------------------------------------------------------- actions

    /// @notice An actor supplies a collateral asset on V2 and may borrow either debt asset against up to 40% of it,
    /// at the stable rate when V2 allows it (not against a supply of the same asset).
    function openV2Position(
        uint256 actorSeed,
        uint256 reserveSeed,
        uint256 amount,
        uint256 debtSeed,
        uint256 debtShareBps,
        bool stable
    ) external {
        address actor = actors[actorSeed % actors.length];
        Reserve memory reserve = collateralReserves[reserveSeed % collateralReserves.length];
        amount = _supply(actor, reserve, amount, V2_POOL);
        Reserve memory debtReserve = debtReserves[debtSeed % debtReserves.length];
        uint256 debt = _debtAgainst(reserve, amount, debtReserve, debtShareBps);
        if (debt == 0) return;
        bool stableAllowed = IERC20(debtReserve.v2AToken).balanceOf(actor) == 0;
        vm.prank(actor);
        IAaveV2LendingPool(V2_POOL)
            .borrow(debtReserve.asset, debt, stable && stableAllowed ? STABLE : VARIABLE, 0, actor);
    }

    /// @notice An actor already on V3: supplies there and may borrow either debt asset against up to 40% of it.
    function openV3Position(
        uint256 actorSeed,
        uint256 reserveSeed,
        uint256 amount,
        uint256 debtSeed,
        uint256 debtShareBps
    ) external {
        address actor = actors[actorSeed % actors.length];
        Reserve memory reserve = collateralReserves[reserveSeed % collateralReserves.length];
        amount = _supply(actor, reserve, amount, V3_POOL);
        Reserve memory debtReserve = debtReserves[debtSeed % debtReserves.length];
        uint256 debt = _debtAgainst(reserve, amount, debtReserve, debtShareBps);
        if (debt == 0) return;
        vm.prank(actor);
        IAaveV3Pool(V3_POOL).borrow(debtReserve.asset, debt, VARIABLE, 0, actor);
    }

    /// @notice An actor enters or leaves V3's stablecoin e-mode, whose category holds both debt assets.
    function setEMode(uint256 actorSeed, bool enter) external {
        vm.prank(actors[actorSeed % actors.length]);
        IAaveV3Pool(V3_POOL).setUserEMode(enter ? STABLECOIN_EMODE : 0);
    }

    function warp(uint256 seconds_) external {
        skip(bound(seconds_, 1, 30 days));
    }

    /// @notice An actor migrates the supplies and debts `supplySeed` and `debtSeed` pick (everything when that
    /// subset would leave either market unsafe), each leg authorised as `authSeed` says; `faultSeed` may add one
    /// fault.
    function migrate(uint256 actorSeed, uint256 supplySeed, uint256 debtSeed, uint256 authSeed, uint256 faultSeed)
        external
    {
        uint256 actorIndex = actorSeed % actors.length;
        address actor = actors[actorIndex];
        Selection memory selection = _select(actor, supplySeed, debtSeed);
        Fault fault = _fault(actor, selection, faultSeed);
        ++ghostCalls[fault];

        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _params(selection);
        _authorise(actorIndex, selection, params, authSeed);
        uint256 deadline = fault == Fault.DeadlinePassed ? block.timestamp - 1 : block.timestamp + 20 minutes;
        (bytes memory expectedError, bool selectorOnly) = _applyFault(fault, actorIndex, params, faultSeed, deadline);

        uint256[2][] memory suppliesBefore = _supplies(actor);
        uint256[2][] memory debtsBefore = _debts(actor);
        _watchApprovals();
        if (selectorOnly) vm.expectPartialRevert(bytes4(expectedError));
        else if (expectedError.length != 0) vm.expectRevert(expectedError);
        vm.prank(actor);
        MIGRATOR.migrate(_batch(params), deadline, false);
        _recordApprovals(address(MIGRATOR));
        if (expectedError.length == 0) _measure(actor, selection, suppliesBefore, debtsBefore);
    }

    // ---------------------------------------------------------------- building a migration

    /// @dev The subset the seeds pick among the actor's live V2 legs, or every leg when the subset is empty or
    /// unsafe: the debt moved must be at most half the supply moved plus V3's spare collateral, and the debt left on
    /// V2 at most half the supply left (every LTV here is at least 70%).
    function _select(address actor, uint256 supplySeed, uint256 debtSeed)
        internal
        view
        returns (Selection memory selection)
    {
        selection.supplies = new bool[](collateralReserves.length);
        selection.debts = new bool[](debtReserves.length);
        selection.supplyAmounts = new uint256[](collateralReserves.length);
        selection.debtAmounts = new uint256[](debtReserves.length);
        uint256[4] memory usd; // supply moved, supply left, debt moved, debt left
        bool any;
        for (uint256 i; i < collateralReserves.length; ++i) {
            uint256 amount = IERC20(collateralReserves[i].v2AToken).balanceOf(actor);
            selection.supplyAmounts[i] = amount;
            selection.supplies[i] = amount != 0 && (supplySeed >> i) & 1 == 1;
            usd[selection.supplies[i] ? 0 : 1] += amount * collateralReserves[i].usdPerUnit;
            any = any || selection.supplies[i];
        }
        for (uint256 i; i < debtReserves.length; ++i) {
            uint256 amount = _v2Debt(actor, debtReserves[i]);
            selection.debtAmounts[i] = amount;
            selection.debts[i] = amount != 0 && (debtSeed >> i) & 1 == 1;
            usd[selection.debts[i] ? 2 : 3] += amount * debtReserves[i].usdPerUnit;
            any = any || selection.debts[i];
        }
        if (any && 2 * usd[2] <= usd[0] + _v3SpareUsd(actor) && 2 * usd[3] <= usd[1]) return selection;
        for (uint256 i; i < selection.supplies.length; ++i) {
            selection.supplies[i] = selection.supplyAmounts[i] != 0;
        }
        for (uint256 i; i < selection.debts.length; ++i) {
            selection.debts[i] = selection.debtAmounts[i] != 0;
        }
    }

    /// @dev V3 collateral beyond twice the V3 debt, in USD scaled by 1e18 (V3 counts in USD with 8 decimals).
    function _v3SpareUsd(address actor) internal view returns (uint256) {
        (uint256 collateral, uint256 debt,,,,) = IAaveV3Pool(V3_POOL).getUserAccountData(actor);
        return collateral > 2 * debt ? (collateral - 2 * debt) * 1e10 : 0;
    }

    /// @dev Half the calls carry a fault, when the position allows it; the others must succeed.
    function _fault(address actor, Selection memory selection, uint256 faultSeed) internal view returns (Fault fault) {
        if (faultSeed % 2 == 0) return Fault.None;
        fault = Fault(1 + (faultSeed >> 1) % (FAULTS - 1));
        bool anyLeg = _count(selection.supplies) + _count(selection.debts) != 0;
        if (fault == Fault.EmptySupply && (!anyLeg || !_hasEmptySupply(selection))) return Fault.None;
        if (fault == Fault.ShortAuthorisation && !anyLeg) return Fault.None;
        if (fault == Fault.HealthFactorUnreachable) {
            (, uint256 v3Debt,,,,) = IAaveV3Pool(V3_POOL).getUserAccountData(actor);
            if (!anyLeg || (_count(selection.debts) == 0 && v3Debt == 0)) return Fault.None;
        }
    }

    function _params(Selection memory selection)
        internal
        view
        returns (IAaveV2ToV3Route.AaveV2ToV3Params memory params)
    {
        params.collateral = new IAaveV2ToV3Route.AaveCollateral[](_count(selection.supplies));
        params.debt = new IAaveV2ToV3Route.AaveDebt[](_count(selection.debts));
        uint256 n;
        for (uint256 i; i < selection.supplies.length; ++i) {
            if (selection.supplies[i]) params.collateral[n++].asset = collateralReserves[i].asset;
        }
        n = 0;
        for (uint256 i; i < selection.debts.length; ++i) {
            if (selection.debts[i]) params.debt[n++].asset = debtReserves[i].asset;
        }
        params.minHealthFactor = 1e18;
    }

    /// @dev Authorises every selected leg, each as two bits of `authSeed` say, for its live amount (signatures with
    /// the app's buffer on top, on the tokens' real EIP-712 domains, with the actor's key).
    function _authorise(
        uint256 actorIndex,
        Selection memory selection,
        IAaveV2ToV3Route.AaveV2ToV3Params memory params,
        uint256 authSeed
    ) internal {
        uint256 n;
        for (uint256 i; i < selection.supplies.length; ++i) {
            if (!selection.supplies[i]) continue;
            Authorisation how = Authorisation((authSeed >> (2 * i)) % 3);
            params.collateral[n++].permit =
                _authoriseSupply(actorIndex, collateralReserves[i].v2AToken, selection.supplyAmounts[i], how);
        }
        n = 0;
        for (uint256 i; i < selection.debts.length; ++i) {
            if (!selection.debts[i]) continue;
            Authorisation how = Authorisation((authSeed >> (2 * (i + selection.supplies.length))) % 3);
            params.debt[n++].delegation =
                _authoriseDebt(actorIndex, debtReserves[i].v3VariableDebt, selection.debtAmounts[i], how);
        }
    }

    function _authoriseSupply(uint256 actorIndex, address aToken, uint256 amount, Authorisation how)
        internal
        returns (IMigrator.PermitSignature memory permit)
    {
        address actor = actors[actorIndex];
        if (how == Authorisation.StandingApproval) {
            vm.prank(actor);
            IERC20(aToken).approve(address(MIGRATOR), amount);
            return permit;
        }
        permit = Signatures.aTokenPermit(
            keys[actorIndex], aToken, address(MIGRATOR), _withBuffer(amount), _signatureDeadline()
        );
        if (how == Authorisation.FrontRunSignature) {
            vm.prank(RELAYER);
            IAaveV2AToken(aToken)
                .permit(actor, address(MIGRATOR), permit.value, permit.deadline, permit.v, permit.r, permit.s);
        }
    }

    function _authoriseDebt(uint256 actorIndex, address debtToken, uint256 amount, Authorisation how)
        internal
        returns (IMigrator.PermitSignature memory delegation)
    {
        address actor = actors[actorIndex];
        if (how == Authorisation.StandingApproval) {
            vm.prank(actor);
            IAaveV3CreditDelegation(debtToken).approveDelegation(address(MIGRATOR), amount);
            return delegation;
        }
        delegation = Signatures.creditDelegation(
            keys[actorIndex], debtToken, address(MIGRATOR), _withBuffer(amount), _signatureDeadline()
        );
        if (how == Authorisation.FrontRunSignature) {
            vm.prank(RELAYER);
            IAaveV3CreditDelegationToken(debtToken)
                .delegationWithSig(
                    actor,
                    address(MIGRATOR),
                    delegation.value,
                    delegation.deadline,
                    delegation.v,
                    delegation.r,
                    delegation.s
                );
        }
    }

    /// @dev Applies `fault` to the built call and returns the revert it must produce: exact, or only its selector
    /// when its arguments are known only inside the call (empty: it must succeed). Mirrors the Migrator's order:
    /// deadline, an empty position, debt legs, supply legs, then the health factor.
    function _applyFault(
        Fault fault,
        uint256 actorIndex,
        IAaveV2ToV3Route.AaveV2ToV3Params memory params,
        uint256 faultSeed,
        uint256 deadline
    ) internal view returns (bytes memory, bool) {
        if (fault == Fault.DeadlinePassed) {
            return (abi.encodeWithSelector(IMigrator.DeadlinePassed.selector, deadline, block.timestamp), false);
        }
        if (fault == Fault.NothingSelected || params.collateral.length + params.debt.length == 0) {
            (params.collateral, params.debt) =
            (new IAaveV2ToV3Route.AaveCollateral[](0), new IAaveV2ToV3Route.AaveDebt[](0));
            return (abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, V2_POOL), false);
        }
        if (fault == Fault.EmptySupply) return (_addEmptySupply(actors[actorIndex], params, faultSeed), false);
        if (fault == Fault.ShortAuthorisation) return (_shortenOneLeg(actorIndex, params, faultSeed), false);
        if (fault == Fault.HealthFactorUnreachable) {
            params.minHealthFactor = type(uint256).max;
            return (abi.encodePacked(IAaveV2ToV3Route.HealthFactorTooLow.selector), true);
        }
        return ("", false);
    }

    /// @dev Appends a reserve the actor has no V2 supply in: the Migrator refuses to move nothing.
    function _addEmptySupply(address actor, IAaveV2ToV3Route.AaveV2ToV3Params memory params, uint256 faultSeed)
        internal
        view
        returns (bytes memory)
    {
        uint256 start = faultSeed >> 8;
        for (uint256 k; k < collateralReserves.length; ++k) {
            Reserve memory reserve = collateralReserves[(start + k) % collateralReserves.length];
            if (IERC20(reserve.v2AToken).balanceOf(actor) != 0) continue;
            IAaveV2ToV3Route.AaveCollateral[] memory collateral =
                new IAaveV2ToV3Route.AaveCollateral[](params.collateral.length + 1);
            for (uint256 i; i < params.collateral.length; ++i) {
                collateral[i] = params.collateral[i];
            }
            collateral[params.collateral.length].asset = reserve.asset;
            params.collateral = collateral;
            return abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, reserve.v2AToken);
        }
        revert("AaveMigrationHandler: no empty supply");
    }

    /// @dev Re-signs one selected leg for one wei less than it moves: the signature applies, and does not suffice.
    function _shortenOneLeg(uint256 actorIndex, IAaveV2ToV3Route.AaveV2ToV3Params memory params, uint256 faultSeed)
        internal
        view
        returns (bytes memory)
    {
        address actor = actors[actorIndex];
        uint256 leg = (faultSeed >> 8) % (params.collateral.length + params.debt.length);
        if (leg < params.debt.length) {
            address debtToken = _debtReserve(params.debt[leg].asset).v3VariableDebt;
            uint256 debt = _v2Debt(actor, _debtReserve(params.debt[leg].asset));
            params.debt[leg].delegation = Signatures.creditDelegation(
                keys[actorIndex], debtToken, address(MIGRATOR), debt - 1, _signatureDeadline()
            );
            return abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, debtToken, debt - 1, debt);
        }
        uint256 collateralLeg = leg - params.debt.length;
        address aToken = _collateralReserve(params.collateral[collateralLeg].asset).v2AToken;
        uint256 balance = IERC20(aToken).balanceOf(actor);
        params.collateral[collateralLeg].permit =
            Signatures.aTokenPermit(keys[actorIndex], aToken, address(MIGRATOR), balance - 1, _signatureDeadline());
        return abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, aToken, balance - 1, balance);
    }

    // ---------------------------------------------------------------- measuring a migration

    /// @dev Every selected supply arrives whole on V3, every selected debt is repaid on V2 and opened on V3, and no
    /// unselected V2 leg moves.
    function _measure(
        address actor,
        Selection memory selection,
        uint256[2][] memory suppliesBefore,
        uint256[2][] memory debtsBefore
    ) internal {
        ++ghostMigrations;
        uint256[2][] memory suppliesAfter = _supplies(actor);
        for (uint256 i; i < suppliesAfter.length; ++i) {
            if (selection.supplies[i]) {
                uint256 expected = suppliesBefore[i][1] + suppliesBefore[i][0];
                ghostMaxSupplyGap = _max(ghostMaxSupplyGap, _gap(suppliesAfter[i][1], expected));
            } else if (suppliesAfter[i][0] != suppliesBefore[i][0]) {
                ++ghostUnselectedChanged;
            }
        }
        uint256[2][] memory debtsAfter = _debts(actor);
        for (uint256 i; i < debtsAfter.length; ++i) {
            if (selection.debts[i]) {
                ghostMaxDebtGap = _max(ghostMaxDebtGap, _gap(debtsAfter[i][1], debtsBefore[i][1] + debtsBefore[i][0]));
                ghostV2DebtLeft += debtsAfter[i][0];
            } else if (debtsAfter[i][0] != debtsBefore[i][0]) {
                ++ghostUnselectedChanged;
            }
        }
    }

    /// @dev Per collateral reserve: the actor's V2 and V3 supply.
    function _supplies(address actor) internal view returns (uint256[2][] memory balances) {
        balances = new uint256[2][](collateralReserves.length);
        for (uint256 i; i < balances.length; ++i) {
            balances[i] = [
                IERC20(collateralReserves[i].v2AToken).balanceOf(actor),
                IERC20(collateralReserves[i].v3AToken).balanceOf(actor)
            ];
        }
    }

    /// @dev Per debt reserve: the actor's V2 debt (both rates) and V3 variable debt.
    function _debts(address actor) internal view returns (uint256[2][] memory balances) {
        balances = new uint256[2][](debtReserves.length);
        for (uint256 i; i < balances.length; ++i) {
            balances[i] = [_v2Debt(actor, debtReserves[i]), IERC20(debtReserves[i].v3VariableDebt).balanceOf(actor)];
        }
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Deals and supplies a bounded amount of `reserve` to V2 (`deposit`) or V3 (`supply`); returns the amount.
    function _supply(address actor, Reserve memory reserve, uint256 amount, address pool) internal returns (uint256) {
        amount = bound(amount, reserve.maxDeposit / 1000, reserve.maxDeposit);
        deal(reserve.asset, actor, IERC20(reserve.asset).balanceOf(actor) + amount);
        vm.startPrank(actor);
        IERC20(reserve.asset).approve(pool, amount);
        if (pool == V2_POOL) IAaveV2LendingPool(pool).deposit(reserve.asset, amount, actor, 0);
        else IAaveV3Pool(pool).supply(reserve.asset, amount, actor, 0);
        vm.stopPrank();
        return amount;
    }

    function _debtAgainst(Reserve memory supply, uint256 amount, Reserve memory debt, uint256 debtShareBps)
        internal
        pure
        returns (uint256)
    {
        return amount * supply.usdPerUnit * bound(debtShareBps, 0, MAX_DEBT_SHARE_BPS) / 10_000 / debt.usdPerUnit;
    }

    /// @dev Signatures stay valid across the call, also when the call's own deadline is made to pass.
    function _signatureDeadline() internal view returns (uint256) {
        return block.timestamp + 20 minutes;
    }

    function _withBuffer(uint256 amount) internal pure returns (uint256) {
        return amount + amount * SIGNATURE_BUFFER_BPS / 10_000;
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

    function _debtReserve(address asset) internal view returns (Reserve memory) {
        for (uint256 i; i < debtReserves.length; ++i) {
            if (debtReserves[i].asset == asset) return debtReserves[i];
        }
        revert("AaveMigrationHandler: unknown asset");
    }

    function _hasEmptySupply(Selection memory selection) internal pure returns (bool) {
        for (uint256 i; i < selection.supplyAmounts.length; ++i) {
            if (selection.supplyAmounts[i] == 0) return true;
        }
        return false;
    }

    function _count(bool[] memory flags) internal pure returns (uint256 n) {
        for (uint256 i; i < flags.length; ++i) {
            if (flags[i]) ++n;
        }
    }

    function _batch(IAaveV2ToV3Route.AaveV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position[] memory)
    {
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = IMigrator.Position({route: IMigrator.Route.AaveV2ToV3, params: abi.encode(params)});
        return positions;
    }

    function _gap(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
