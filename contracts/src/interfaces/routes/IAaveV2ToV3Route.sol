// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../IMigrator.sol";

/// @title IAaveV2ToV3Route
/// @notice Route `IMigrator.Route.AaveV2ToV3`: the caller's Aave V2 supplies and debts → the same supplies and
/// variable debts on Aave V3, in the caller's name.
/// @dev Its `LendingMigrated` event names the V2 LendingPool as `source` and the V3 Pool as `destination`.
/// Supported destinations: Aave V3.0 and V3.1 pools, and V3.2 and later (what Ethereum runs), whose e-mode categories
/// list their borrowable reserves in bitmaps and which have no stable debt. The route names a V3 refusal with a typed
/// error read in the pool's own version (`AaveV3ReserveRules`): debt rules up front, a supply's once the pool refuses
/// it (up front too when the supply must back moved debt); the pool's validation has the last word.
interface IAaveV2ToV3Route {
    /// @notice The Aave markets the route is built for.
    /// @param v2Pool The Aave V2 LendingPool whose positions are sources.
    /// @param v3Pool The Aave V3 Pool that receives them and lends the flash loan that moves debt.
    struct AaveV2ToV3Config {
        address v2Pool;
        address v3Pool;
    }

    /// @notice One Aave V2 supply to move to Aave V3, authorised by an aToken permit.
    /// @param asset The underlying asset (e.g. WETH); the V2 aToken is looked up in the V2 pool, never taken from here.
    /// @param permit The caller's EIP-2612 permit on the V2 aToken for the Migrator (optional). The whole live
    /// aToken balance moves, so sign a value a little above the balance shown: it grows until the call is mined.
    struct AaveCollateral {
        address asset;
        IMigrator.PermitSignature permit;
    }

    /// @notice One Aave V2 debt (stable and variable together) to move to Aave V3's variable rate.
    /// @param asset The underlying asset borrowed (e.g. USDC).
    /// @param delegation The caller's `delegationWithSig` on the asset's V3 variable debt token for the Migrator
    /// (optional: `deadline == 0` when the caller called `approveDelegation` beforehand). Its value must cover the
    /// debt at execution, so sign a little above the debt shown: it grows until the call is mined.
    /// @dev The unused buffer stays delegated to the Migrator, which borrows only on behalf of `msg.sender`, inside
    /// that caller's own `migrate`; the same holds for a permit's unused aToken allowance.
    struct AaveDebt {
        address asset;
        IMigrator.PermitSignature delegation;
    }

    /// @notice Parameters of an Aave V2 → Aave V3 lending position migration.
    /// @dev Each listed supply moves whole (the live aToken balance); each listed debt moves whole (stable and
    /// variable). The V3 debt is opened at the variable rate by a premium-free V3 flash loan on the caller's behalf.
    /// @param collateral The V2 supplies to move.
    /// @param debt The V2 debts to move; empty for a supply-only migration.
    /// @param minHealthFactor The lowest V3 health factor accepted after the migration (1e18 = 1.0).
    /// @param minSourceHealthFactor The lowest V2 health factor accepted after the migration (1e18 = 1.0), for what
    /// stays behind when part of a position moves; V2 reports `type(uint256).max` once no debt is left there.
    struct AaveV2ToV3Params {
        AaveCollateral[] collateral;
        AaveDebt[] debt;
        uint256 minHealthFactor;
        uint256 minSourceHealthFactor;
    }

    /// @notice Thrown when an asset has no reserve in the Aave V2 market.
    /// @param asset The asset.
    error AaveV2ReserveMissing(address asset);

    /// @notice Thrown when an asset has no active reserve in the Aave V3 market.
    /// @param asset The asset.
    error AaveV3ReserveMissing(address asset);

    /// @notice Thrown when an asset's Aave V3 reserve is frozen or paused: it accepts no new supply or debt.
    /// @param asset The asset.
    error AaveV3ReserveFrozen(address asset);

    /// @notice Thrown when the Aave V3 supply cap leaves too little room for the supply to move.
    /// @param asset The asset.
    /// @param amount The amount to supply.
    /// @param room What the cap still allows.
    error AaveV3SupplyCapReached(address asset, uint256 amount, uint256 room);

    /// @notice Thrown when the Aave V3 borrow cap leaves too little room for the debt to move.
    /// @param asset The asset.
    /// @param amount The debt to open.
    /// @param room What the cap still allows.
    error AaveV3BorrowCapReached(address asset, uint256 amount, uint256 room);

    /// @notice Thrown when an asset cannot be borrowed on Aave V3, so its debt cannot move there.
    /// @param asset The asset.
    error AaveV3BorrowingDisabled(address asset);

    /// @notice Thrown when a position with debt meets Aave V3's isolation mode: either it moves an isolated asset,
    /// which V3 does not enable as collateral on the user's behalf, or the user's V3 account is already isolated,
    /// where the moved supplies would not count as collateral.
    /// @param asset The isolated asset (moved, or the V3 account's isolated collateral).
    error AaveV3IsolatedCollateral(address asset);

    /// @notice Thrown when the caller's Aave V3 e-mode category does not let them borrow a debt asset.
    /// @param asset The debt asset.
    /// @param userCategory The caller's e-mode category on V3.
    /// @param assetCategory The asset's e-mode category on V3.0/V3.1 (0: none); always 0 on V3.2+, where a category
    /// lists the assets it lets its users borrow.
    error AaveV3EModeMismatch(address asset, uint256 userCategory, uint256 assetCategory);

    /// @notice Thrown when the caller's Aave V3 health factor after the migration is below their minimum.
    /// @param healthFactor The health factor after the migration (1e18 = 1.0).
    /// @param minHealthFactor The caller's minimum.
    error HealthFactorTooLow(uint256 healthFactor, uint256 minHealthFactor);

    /// @notice Thrown when the caller's Aave V2 health factor after the migration, on what stays there, is below their
    /// minimum.
    /// @param healthFactor The V2 health factor after the migration (1e18 = 1.0).
    /// @param minHealthFactor The caller's minimum.
    error SourceHealthFactorTooLow(uint256 healthFactor, uint256 minHealthFactor);

    /// @notice Thrown when the flash-loan callback is not Ferry's own flash loan from the Aave V3 pool during a
    /// migration.
    /// @param caller The callback's caller.
    /// @param initiator The flash loan's initiator.
    error UnexpectedFlashLoan(address caller, address initiator);

    /// @notice The Aave V2 LendingPool whose positions are sources.
    /// @return The pool address.
    function AAVE_V2_POOL() external view returns (address);

    /// @notice The Aave V3 Pool that receives lending positions and lends the flash loan that moves debt.
    /// @return The pool address.
    function AAVE_V3_POOL() external view returns (address);

    /// @notice Aave V3 flash-loan callback: repays the caller's V2 debt with the borrowed assets and moves their
    /// V2 supplies to V3, after which the pool opens the same debt on V3 in the caller's name.
    /// @dev Only the V3 pool may call it, only for a flash loan the Migrator started during `migrate`; the user is
    /// the `migrate` caller, held in transient storage, never read from `params`.
    /// @param assets The borrowed assets.
    /// @param amounts The borrowed amounts.
    /// @param premiums The premiums (zero: the loan turns into variable debt).
    /// @param initiator The flash loan's initiator; must be the Migrator.
    /// @param params The legs to move, encoded by the Migrator.
    /// @return True, as the pool requires.
    function executeOperation(
        address[] calldata assets,
        uint256[] calldata amounts,
        uint256[] calldata premiums,
        address initiator,
        bytes calldata params
    ) external returns (bool);
}

/// @title IAaveV2ToV3RouteParams
/// @notice `AaveV2ToV3Params` as a function input, so that the ABI, and the encoders generated from it off-chain, carry
/// the exact struct `IMigrator.Position.params` is decoded into for `IMigrator.Route.AaveV2ToV3`. Nothing implements it.
interface IAaveV2ToV3RouteParams {
    /// @notice The parameters of `IMigrator.Route.AaveV2ToV3`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function encode(IAaveV2ToV3Route.AaveV2ToV3Params calldata params) external;
}
