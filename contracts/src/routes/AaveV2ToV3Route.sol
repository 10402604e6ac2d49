// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IAaveV2LendingPool} from "../interfaces/external/IAaveV2LendingPool.sol";
import {IAaveV3Pool} from "../interfaces/external/IAaveV3Pool.sol";
import {IAaveV2ToV3Route} from "../interfaces/routes/IAaveV2ToV3Route.sol";
import {AaveV3ReserveRules} from "../libraries/AaveV3ReserveRules.sol";
import {ERC20Reads} from "../libraries/ERC20Reads.sol";
import {PullAuthorization} from "../libraries/PullAuthorization.sol";
import {ERC20} from "solmate/tokens/ERC20.sol";
import {SafeTransferLib} from "solmate/utils/SafeTransferLib.sol";

/// @title AaveV2ToV3Route
/// @notice Route `AaveV2ToV3`: the caller's Aave V2 supplies and debts → the same supplies and variable debts on
/// Aave V3, in the caller's name.
/// @dev Supply only: pull the aTokens, withdraw from V2, supply to V3. With debt: a V3 flash loan in variable mode
/// on the caller's behalf lends the debt assets (no premium); the callback repays the V2 debt, moves the supplies,
/// and the pool then opens the loan as the caller's V3 debt, authorised by their credit delegation.
abstract contract AaveV2ToV3Route is IMigrator, IAaveV2ToV3Route {
    using SafeTransferLib for ERC20;

    uint256 private constant STABLE_RATE = 1;
    uint256 private constant VARIABLE_RATE = 2;
    /// @dev The borrowing bits (the even ones) of a user's configuration, the same in Aave V2 and V3.
    uint256 private constant BORROWING_MASK = 0x5555555555555555555555555555555555555555555555555555555555555555;

    /// @inheritdoc IAaveV2ToV3Route
    address public immutable AAVE_V2_POOL;
    /// @inheritdoc IAaveV2ToV3Route
    address public immutable AAVE_V3_POOL;

    /// @dev The `migrate` caller whose debt-moving flash loan is in flight; zero at any other time.
    address private transient _flashLoanUser;

    /// @dev A V2 supply to move: the aToken amount pulled from the user.
    struct CollateralLeg {
        address asset;
        address aToken;
        uint256 amount;
    }

    /// @dev A V2 debt to move, by rate mode; their sum is flash-borrowed on V3.
    struct DebtLeg {
        address asset;
        uint256 stableDebt;
        uint256 variableDebt;
    }

    constructor(AaveV2ToV3Config memory config) {
        AAVE_V2_POOL = config.v2Pool;
        AAVE_V3_POOL = config.v3Pool;
    }

    /// @inheritdoc IAaveV2ToV3Route
    function executeOperation(
        address[] calldata,
        uint256[] calldata,
        uint256[] calldata,
        address initiator,
        bytes calldata params
    ) external returns (bool) {
        address user = _flashLoanUser;
        if (msg.sender != AAVE_V3_POOL || initiator != address(this) || user == address(0)) {
            revert UnexpectedFlashLoan(msg.sender, initiator);
        }
        (CollateralLeg[] memory collateral, DebtLeg[] memory debt) = abi.decode(params, (CollateralLeg[], DebtLeg[]));
        for (uint256 i; i < debt.length; ++i) {
            _repayV2(user, debt[i]);
        }
        _moveSupplies(user, collateral);
        return true;
    }

    function _migrateAaveV2ToV3(AaveV2ToV3Params memory params) internal {
        if (params.collateral.length == 0 && params.debt.length == 0) revert NothingToMigrate(AAVE_V2_POOL);
        DebtLeg[] memory debt = _debtLegs(params.debt);
        CollateralLeg[] memory collateral = _collateralLegs(params.collateral, debt.length != 0);

        if (debt.length == 0) {
            _moveSupplies(msg.sender, collateral);
        } else {
            _flashLoanUser = msg.sender;
            _flashMoveDebt(collateral, debt);
            _flashLoanUser = address(0);
        }

        LendingMigration memory migration = _accounting(collateral, debt);
        if (migration.destinationHealthFactorAfter < params.minHealthFactor) {
            revert HealthFactorTooLow(migration.destinationHealthFactorAfter, params.minHealthFactor);
        }
        if (migration.sourceHealthFactorAfter < params.minSourceHealthFactor) {
            revert SourceHealthFactorTooLow(migration.sourceHealthFactorAfter, params.minSourceHealthFactor);
        }
        emit LendingMigrated(msg.sender, Route.AaveV2ToV3, AAVE_V2_POOL, migration);
    }

    /// @dev The caller's live V2 supplies, each authorised by the caller. With debt to move, each is checked against
    /// V3's rules up front, which also refuse an isolated asset that would have to back the debt; without, a V3
    /// refusal is named when it happens (`_supplyV3`).
    function _collateralLegs(AaveCollateral[] memory collateral, bool hasDebt)
        private
        returns (CollateralLeg[] memory legs)
    {
        legs = new CollateralLeg[](collateral.length);
        for (uint256 i; i < collateral.length; ++i) {
            address asset = collateral[i].asset;
            (address aToken,,) = _v2ReserveTokens(asset);
            uint256 amount = ERC20Reads.balanceOf(aToken, msg.sender);
            if (amount == 0) revert NothingToMigrate(aToken);
            if (hasDebt) AaveV3ReserveRules.requireSupplyAllowed(IAaveV3Pool(AAVE_V3_POOL), asset, amount, true);
            PullAuthorization.permitErc20(aToken, msg.sender, amount, collateral[i].permit);
            legs[i] = CollateralLeg({asset: asset, aToken: aToken, amount: amount});
        }
    }

    /// @dev The caller's live V2 debts, each checked against V3's rules and covered by the caller's delegation.
    function _debtLegs(AaveDebt[] memory debt) private returns (DebtLeg[] memory legs) {
        legs = new DebtLeg[](debt.length);
        if (debt.length == 0) return legs;
        IAaveV3Pool v3Pool = IAaveV3Pool(AAVE_V3_POOL);
        AaveV3ReserveRules.requireNotIsolated(v3Pool, msg.sender);
        AaveV3ReserveRules.EMode memory eMode = AaveV3ReserveRules.eModeOf(v3Pool, msg.sender);
        for (uint256 i; i < debt.length; ++i) {
            address asset = debt[i].asset;
            (, address stableDebtToken, address variableDebtToken) = _v2ReserveTokens(asset);
            DebtLeg memory leg = DebtLeg({
                asset: asset,
                stableDebt: ERC20Reads.balanceOf(stableDebtToken, msg.sender),
                variableDebt: ERC20Reads.balanceOf(variableDebtToken, msg.sender)
            });
            uint256 amount = leg.stableDebt + leg.variableDebt;
            if (amount == 0) revert NothingToMigrate(variableDebtToken);
            address v3DebtToken = AaveV3ReserveRules.requireBorrowAllowed(v3Pool, asset, amount, eMode);
            PullAuthorization.delegateCredit(v3DebtToken, msg.sender, amount, debt[i].delegation);
            legs[i] = leg;
        }
    }

    /// @dev Borrows every debt asset from V3 in variable mode on the caller's behalf; see `executeOperation`.
    function _flashMoveDebt(CollateralLeg[] memory collateral, DebtLeg[] memory debt) private {
        address[] memory assets = new address[](debt.length);
        uint256[] memory amounts = new uint256[](debt.length);
        uint256[] memory modes = new uint256[](debt.length);
        for (uint256 i; i < debt.length; ++i) {
            (assets[i], amounts[i], modes[i]) =
            (debt[i].asset, debt[i].stableDebt + debt[i].variableDebt, VARIABLE_RATE);
        }
        IAaveV3Pool(AAVE_V3_POOL)
            .flashLoan(address(this), assets, amounts, modes, msg.sender, abi.encode(collateral, debt), 0);
    }

    /// @dev Repays `user`'s V2 debt in `leg` with the flash-borrowed asset; V2 needs one repay per rate mode.
    function _repayV2(address user, DebtLeg memory leg) private {
        ERC20(leg.asset).safeApprove(AAVE_V2_POOL, leg.stableDebt + leg.variableDebt);
        if (leg.stableDebt != 0) IAaveV2LendingPool(AAVE_V2_POOL).repay(leg.asset, leg.stableDebt, STABLE_RATE, user);
        if (leg.variableDebt != 0) {
            IAaveV2LendingPool(AAVE_V2_POOL).repay(leg.asset, leg.variableDebt, VARIABLE_RATE, user);
        }
    }

    /// @dev Pulls `user`'s aTokens, withdraws their underlying from V2 and supplies it to V3 in `user`'s name; V3
    /// enables a first supply as collateral wherever its rules allow.
    function _moveSupplies(address user, CollateralLeg[] memory legs) private {
        for (uint256 i; i < legs.length; ++i) {
            CollateralLeg memory leg = legs[i];
            ERC20(leg.aToken).safeTransferFrom(user, address(this), leg.amount);
            // All the Migrator holds, so that a wei of aToken rounding never stays behind.
            uint256 withdrawn = IAaveV2LendingPool(AAVE_V2_POOL).withdraw(leg.asset, type(uint256).max, address(this));
            ERC20(leg.asset).safeApprove(AAVE_V3_POOL, withdrawn);
            _supplyV3(user, leg, withdrawn);
        }
    }

    /// @dev Supplies `withdrawn` of `leg`'s asset to V3 in `user`'s name. Whether V3 accepts a supply (active, not
    /// frozen or paused, under its cap) is the pool's own check; `AaveV3ReserveRules` only names a refusal with a
    /// typed error, so it runs here, once the pool has refused, instead of reading the reserve on every migration.
    function _supplyV3(address user, CollateralLeg memory leg, uint256 withdrawn) private {
        // solhint-disable-next-line no-empty-blocks
        try IAaveV3Pool(AAVE_V3_POOL).supply(leg.asset, withdrawn, user, 0) {}
        catch (bytes memory refusal) {
            AaveV3ReserveRules.requireSupplyAllowed(IAaveV3Pool(AAVE_V3_POOL), leg.asset, leg.amount, false);
            assembly ("memory-safe") {
                revert(add(refusal, 0x20), mload(refusal))
            }
        }
    }

    /// @dev The event's payload: what moved, and both health factors now that it has.
    function _accounting(CollateralLeg[] memory collateral, DebtLeg[] memory debt)
        private
        view
        returns (LendingMigration memory migration)
    {
        migration.destination = AAVE_V3_POOL;
        migration.collateralAssets = new address[](collateral.length);
        migration.collateralAmounts = new uint256[](collateral.length);
        for (uint256 i; i < collateral.length; ++i) {
            (migration.collateralAssets[i], migration.collateralAmounts[i]) =
            (collateral[i].asset, collateral[i].amount);
        }
        migration.debtAssets = new address[](debt.length);
        migration.debtAmounts = new uint256[](debt.length);
        for (uint256 i; i < debt.length; ++i) {
            (migration.debtAssets[i], migration.debtAmounts[i]) =
            (debt[i].asset, debt[i].stableDebt + debt[i].variableDebt);
        }
        // Both pools report a user without debt at `type(uint256).max`. The user's configuration says whether there
        // is any debt in one storage read, where `getUserAccountData` prices every reserve the user holds.
        IAaveV2LendingPool v2Pool = IAaveV2LendingPool(AAVE_V2_POOL);
        migration.sourceHealthFactorAfter = type(uint256).max;
        if (v2Pool.getUserConfiguration(msg.sender) & BORROWING_MASK != 0) {
            (,,,,, migration.sourceHealthFactorAfter) = v2Pool.getUserAccountData(msg.sender);
        }
        IAaveV3Pool v3Pool = IAaveV3Pool(AAVE_V3_POOL);
        migration.destinationHealthFactorAfter = type(uint256).max;
        if (v3Pool.getUserConfiguration(msg.sender) & BORROWING_MASK != 0) {
            (,,,,, migration.destinationHealthFactorAfter) = v3Pool.getUserAccountData(msg.sender);
        }
    }

    /// @dev The V2 reserve's aToken and debt tokens: words 7 to 9 of `getReserveData`, read without decoding the
    /// struct's nine other words. A listed reserve's aToken is non-zero.
    function _v2ReserveTokens(address asset)
        private
        view
        returns (address aToken, address stableDebtToken, address variableDebtToken)
    {
        address pool = AAVE_V2_POOL;
        assembly ("memory-safe") {
            let free := mload(0x40)
            mstore(0x00, 0x35ea6a75) // getReserveData(address)
            mstore(0x20, asset)
            if iszero(staticcall(gas(), pool, 0x1c, 0x24, 0x00, 0x00)) {
                returndatacopy(free, 0x00, returndatasize())
                revert(free, returndatasize())
            }
            if lt(returndatasize(), 0x180) { revert(0x00, 0x00) } // fewer than the struct's 12 words
            returndatacopy(free, 0xe0, 0x60)
            aToken := mload(free)
            stableDebtToken := mload(add(free, 0x20))
            variableDebtToken := mload(add(free, 0x40))
        }
        if (aToken == address(0)) revert AaveV2ReserveMissing(asset);
    }
}
