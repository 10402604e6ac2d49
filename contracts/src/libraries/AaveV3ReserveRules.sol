// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAaveAToken, IAaveDebtToken} from "../interfaces/external/IAaveTokens.sol";
import {IAaveV3Pool} from "../interfaces/external/IAaveV3Pool.sol";
import {IAaveV2ToV3Route} from "../interfaces/routes/IAaveV2ToV3Route.sol";

/// @title AaveV3ReserveRules
/// @notice Checks that an Aave V3 reserve accepts a supply or a debt, so that a refusal is a typed error the app can
/// explain rather than one of Aave's numeric codes. Debt rules run before anything moves; a supply's, only once the
/// pool has refused it, except where the supply must back moved debt.
/// @dev Supports Aave V3.0 to V3.x. The fields read from `ReserveConfigurationMap` (active, frozen, borrowing,
/// paused, decimals, caps, debt ceiling) keep their bits in every V3 version. Two rules changed in V3.2: a reserve's
/// e-mode category (bits 168–175 up to V3.1, unused since) gave way to per-category bitmaps of borrowable reserve ids,
/// and stable debt is gone (its token address may be zero). `eModeOf` tells the two apart by whether the pool has
/// V3.2's `getEModeCategoryBorrowableBitmap`.
library AaveV3ReserveRules {
    /// @notice A user's e-mode as the borrow check needs it.
    /// @param category The user's e-mode category (0: none).
    /// @param hasBitmap Whether the pool lists borrowable reserves per category (V3.2+), in `borrowableBitmap`;
    /// otherwise each reserve names its one category in its configuration (V3.0, V3.1).
    /// @param borrowableBitmap V3.2+: bit `reserve.id` is set when the category lets its users borrow that reserve.
    struct EMode {
        uint256 category;
        bool hasBitmap;
        uint128 borrowableBitmap;
    }

    uint256 private constant RAY = 1e27;
    uint256 private constant DECIMALS_SHIFT = 48;
    uint256 private constant ACTIVE_BIT = 56;
    uint256 private constant FROZEN_BIT = 57;
    uint256 private constant BORROWING_BIT = 58;
    uint256 private constant PAUSED_BIT = 60;
    uint256 private constant BORROW_CAP_SHIFT = 80;
    uint256 private constant SUPPLY_CAP_SHIFT = 116;
    /// @dev V3.0 and V3.1 only.
    uint256 private constant LEGACY_EMODE_SHIFT = 168;
    uint256 private constant DEBT_CEILING_SHIFT = 212;
    uint256 private constant CAP_MASK = (1 << 36) - 1;
    uint256 private constant DEBT_CEILING_MASK = (1 << 40) - 1;
    /// @dev `UserConfiguration.COLLATERAL_MASK`: the odd bits of a user's configuration.
    uint256 private constant COLLATERAL_MASK = 0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;

    /// @notice Requires that `pool` accepts `amount` of `asset` as a new supply; with `hasDebt`, also that the supply
    /// can back debt (an isolated asset is not enabled as collateral on the user's behalf).
    function requireSupplyAllowed(IAaveV3Pool pool, address asset, uint256 amount, bool hasDebt) internal view {
        IAaveV3Pool.ReserveData memory reserve = _openReserve(pool, asset);
        uint256 config = reserve.configuration;
        uint256 cap = (config >> SUPPLY_CAP_SHIFT) & CAP_MASK;
        if (cap != 0) {
            // As `ValidationLogic.validateSupply` counts it: supply and the treasury's accrual at today's index.
            uint256 supplied = _rayMul(
                IAaveAToken(reserve.aTokenAddress).scaledTotalSupply() + reserve.accruedToTreasury,
                pool.getReserveNormalizedIncome(asset)
            );
            uint256 room = _room(cap * _unit(config), supplied);
            if (amount > room) revert IAaveV2ToV3Route.AaveV3SupplyCapReached(asset, amount, room);
        }
        if (hasDebt && (config >> DEBT_CEILING_SHIFT) & DEBT_CEILING_MASK != 0) {
            revert IAaveV2ToV3Route.AaveV3IsolatedCollateral(asset);
        }
    }

    /// @notice `user`'s e-mode on `pool`, with the borrowable bitmap of their category when the pool has one (V3.2+).
    /// @dev Costs one call more only for users in e-mode. A V3.0/V3.1 pool has no such getter and reverts.
    function eModeOf(IAaveV3Pool pool, address user) internal view returns (EMode memory eMode) {
        eMode.category = pool.getUserEMode(user);
        if (eMode.category == 0) return eMode;
        try pool.getEModeCategoryBorrowableBitmap(uint8(eMode.category)) returns (uint128 bitmap) {
            (eMode.hasBitmap, eMode.borrowableBitmap) = (true, bitmap);
        } catch {} // solhint-disable-line no-empty-blocks
    }

    /// @notice Requires that `pool` lends `amount` of `asset` at the variable rate to a user in `eMode`.
    /// @return variableDebtToken The reserve's variable debt token, on which the user delegates credit.
    function requireBorrowAllowed(IAaveV3Pool pool, address asset, uint256 amount, EMode memory eMode)
        internal
        view
        returns (address variableDebtToken)
    {
        IAaveV3Pool.ReserveData memory reserve = _openReserve(pool, asset);
        uint256 config = reserve.configuration;
        if (!_bit(config, BORROWING_BIT)) revert IAaveV2ToV3Route.AaveV3BorrowingDisabled(asset);
        uint256 cap = (config >> BORROW_CAP_SHIFT) & CAP_MASK;
        if (cap != 0) {
            uint256 room = _room(cap * _unit(config), _totalDebt(reserve));
            if (amount > room) revert IAaveV2ToV3Route.AaveV3BorrowCapReached(asset, amount, room);
        }
        (bool borrowable, uint256 assetCategory) = borrowableInEMode(config, reserve.id, eMode);
        if (!borrowable) revert IAaveV2ToV3Route.AaveV3EModeMismatch(asset, eMode.category, assetCategory);
        return reserve.variableDebtTokenAddress;
    }

    /// @notice Whether a user in `eMode` may borrow the reserve with configuration `config` and id `reserveId`, as
    /// `ValidationLogic.validateBorrow` decides it in the pool's version.
    /// @return borrowable Whether the user's category allows the borrow (always, outside e-mode).
    /// @return assetCategory The reserve's category on V3.0/V3.1; 0 on V3.2+, where categories list reserves instead.
    function borrowableInEMode(uint256 config, uint16 reserveId, EMode memory eMode)
        internal
        pure
        returns (bool borrowable, uint256 assetCategory)
    {
        if (eMode.hasBitmap) return (eMode.borrowableBitmap >> reserveId & 1 == 1, 0);
        assetCategory = (config >> LEGACY_EMODE_SHIFT) & 0xff;
        borrowable = eMode.category == 0 || assetCategory == eMode.category;
    }

    /// @notice Requires that `user` is not in isolation mode on `pool`: there, new supplies are not enabled as
    /// collateral, so moved debt would rest on the isolated asset alone.
    function requireNotIsolated(IAaveV3Pool pool, address user) internal view {
        uint256 collateralBits = pool.getUserConfiguration(user) & COLLATERAL_MASK;
        // Isolation mode: exactly one collateral, and it has a debt ceiling.
        if (collateralBits == 0 || collateralBits & (collateralBits - 1) != 0) return;
        uint16 reserveId;
        while (collateralBits >> (2 * reserveId + 1) != 1) ++reserveId;
        address collateral = pool.getReserveAddressById(reserveId);
        if ((pool.getReserveData(collateral).configuration >> DEBT_CEILING_SHIFT) & DEBT_CEILING_MASK != 0) {
            revert IAaveV2ToV3Route.AaveV3IsolatedCollateral(collateral);
        }
    }

    /// @dev The reserve of `asset`, required to exist, be active and accept new positions.
    function _openReserve(IAaveV3Pool pool, address asset)
        private
        view
        returns (IAaveV3Pool.ReserveData memory reserve)
    {
        reserve = pool.getReserveData(asset);
        if (reserve.aTokenAddress == address(0) || !_bit(reserve.configuration, ACTIVE_BIT)) {
            revert IAaveV2ToV3Route.AaveV3ReserveMissing(asset);
        }
        if (_bit(reserve.configuration, FROZEN_BIT) || _bit(reserve.configuration, PAUSED_BIT)) {
            revert IAaveV2ToV3Route.AaveV3ReserveFrozen(asset);
        }
    }

    /// @dev The reserve's debt as the borrow cap counts it: variable plus stable, where a stable debt token still
    /// exists (V3.2+ may report none).
    function _totalDebt(IAaveV3Pool.ReserveData memory reserve) private view returns (uint256 debt) {
        debt = IAaveDebtToken(reserve.variableDebtTokenAddress).totalSupply();
        if (reserve.stableDebtTokenAddress != address(0)) {
            debt += IAaveDebtToken(reserve.stableDebtTokenAddress).totalSupply();
        }
    }

    /// @dev What a cap of `limit` still allows once `used` is taken (zero when a cap was lowered below use).
    function _room(uint256 limit, uint256 used) private pure returns (uint256) {
        return limit > used ? limit - used : 0;
    }

    function _unit(uint256 config) private pure returns (uint256) {
        return 10 ** ((config >> DECIMALS_SHIFT) & 0xff);
    }

    function _bit(uint256 config, uint256 bit) private pure returns (bool) {
        return (config >> bit) & 1 == 1;
    }

    /// @dev Aave's `WadRayMath.rayMul`: rounds half up.
    function _rayMul(uint256 a, uint256 b) private pure returns (uint256) {
        return (a * b + RAY / 2) / RAY;
    }
}
