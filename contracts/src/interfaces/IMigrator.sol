// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Ferry Migrator
/// @notice Moves DeFi positions to a protocol's newer version in one all-or-nothing transaction.
/// The caller is always the owner of every pulled asset and the recipient of every new position and refund.
/// @dev A call carries a batch of positions; each names a route and carries that route's abi-encoded parameters.
/// New routes add an enum member, a parameter struct and a branch in the dispatcher; the entry point stays the same.
interface IMigrator {
    /// @notice The migration paths Ferry supports.
    enum Route {
        /// @notice Uniswap V2 LP tokens into a Uniswap V3 position (params: `UniswapV2ToV3Params`).
        UniswapV2ToV3,
        /// @notice An Aave V2 lending position, supply and debt, into Aave V3 (params: `AaveV2ToV3Params`).
        AaveV2ToV3
    }

    /// @notice One position to migrate.
    /// @param route The path the position takes.
    /// @param params The route's parameters, abi-encoded (for `Route.UniswapV2ToV3`: `UniswapV2ToV3Params`; for
    /// `Route.AaveV2ToV3`: `AaveV2ToV3Params`).
    struct Position {
        Route route;
        bytes params;
    }

    /// @notice An EIP-2612 permit signed by the caller for the Migrator.
    /// @dev `deadline == 0` means "no permit": the caller approved the Migrator beforehand.
    /// @param value The allowance the signature grants.
    /// @param deadline The signature's expiry.
    /// @param v The signature's recovery byte.
    /// @param r The signature's first half.
    /// @param s The signature's second half.
    struct PermitSignature {
        uint256 value;
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice Parameters of a Uniswap V2 LP → Uniswap V3 position migration.
    /// @param token0 The lower-sorted token of the V2 pair and of the V3 pool.
    /// @param token1 The higher-sorted token of the V2 pair and of the V3 pool.
    /// @param lpAmount The LP tokens to migrate, used when `percentageBps` is zero.
    /// @param percentageBps The share of the caller's LP balance at execution to migrate, in basis points
    /// (1..10_000); when non-zero it takes precedence over `lpAmount`.
    /// @param amount0MinWithdrawn The least token0 the V2 burn must return.
    /// @param amount1MinWithdrawn The least token1 the V2 burn must return.
    /// @param fee The V3 pool's fee tier (e.g. 500, 3000, 10000).
    /// @param tickLower The lower tick of the new position.
    /// @param tickUpper The upper tick of the new position.
    /// @param sqrtPriceX96Min The lowest V3 pool price accepted right before minting (after any initialisation).
    /// @param sqrtPriceX96Max The highest V3 pool price accepted right before minting (after any initialisation).
    /// @param amount0MinDeposited The least token0 the V3 mint must deposit.
    /// @param amount1MinDeposited The least token1 the V3 mint must deposit.
    /// @param tokenId 0 to mint a new position; otherwise a position the caller owns in the same pool and range
    /// (`token0`, `token1`, `fee`, `tickLower`, `tickUpper` must match it), which receives the liquidity instead.
    /// @param permit The caller's EIP-2612 permit on the V2 pair for the Migrator (optional).
    struct UniswapV2ToV3Params {
        address token0;
        address token1;
        uint256 lpAmount;
        uint16 percentageBps;
        uint256 amount0MinWithdrawn;
        uint256 amount1MinWithdrawn;
        uint24 fee;
        int24 tickLower;
        int24 tickUpper;
        uint160 sqrtPriceX96Min;
        uint160 sqrtPriceX96Max;
        uint256 amount0MinDeposited;
        uint256 amount1MinDeposited;
        uint256 tokenId;
        PermitSignature permit;
    }

    /// @notice One Aave V2 supply to move to Aave V3, authorised by an aToken permit.
    /// @param asset The underlying asset (e.g. WETH); the V2 aToken is looked up in the V2 pool, never taken from here.
    /// @param permit The caller's EIP-2612 permit on the V2 aToken for the Migrator (optional). The whole live
    /// aToken balance moves, so sign a value a little above the balance shown: it grows until the call is mined.
    struct AaveCollateral {
        address asset;
        PermitSignature permit;
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
        PermitSignature delegation;
    }

    /// @notice Parameters of an Aave V2 → Aave V3 lending position migration.
    /// @dev Each listed supply moves whole (the live aToken balance); each listed debt moves whole (stable and
    /// variable). The V3 debt is opened at the variable rate by a premium-free V3 flash loan on the caller's behalf.
    /// @param collateral The V2 supplies to move.
    /// @param debt The V2 debts to move; empty for a supply-only migration.
    /// @param minHealthFactor The lowest V3 health factor accepted after the migration (1e18 = 1.0).
    struct AaveV2ToV3Params {
        AaveCollateral[] collateral;
        AaveDebt[] debt;
        uint256 minHealthFactor;
    }

    /// @notice The complete accounting of one migrated liquidity position.
    /// @param sourceId The source position's id (0 for an ERC20 LP token such as a V2 pair).
    /// @param sourceAmount The source liquidity removed (V2: LP tokens burned).
    /// @param destination The destination pool (V3: the pool address).
    /// @param destinationId The destination position's id (V3: the NonfungiblePositionManager token id).
    /// @param liquidity The liquidity added to the destination position.
    /// @param token0 The lower-sorted token.
    /// @param token1 The higher-sorted token.
    /// @param amount0Withdrawn token0 taken out of the source.
    /// @param amount1Withdrawn token1 taken out of the source.
    /// @param amount0Deposited token0 put into the destination.
    /// @param amount1Deposited token1 put into the destination.
    /// @param amount0Refunded token0 sent back to the user (`withdrawn - deposited`).
    /// @param amount1Refunded token1 sent back to the user (`withdrawn - deposited`).
    /// @param refundedAsEth Whether a WETH refund was unwrapped and sent as ETH.
    struct LiquidityMigration {
        uint256 sourceId;
        uint256 sourceAmount;
        address destination;
        uint256 destinationId;
        uint128 liquidity;
        address token0;
        address token1;
        uint256 amount0Withdrawn;
        uint256 amount1Withdrawn;
        uint256 amount0Deposited;
        uint256 amount1Deposited;
        uint256 amount0Refunded;
        uint256 amount1Refunded;
        bool refundedAsEth;
    }

    /// @notice Emitted once per migrated liquidity position.
    /// @param user The caller, owner of the source and of the destination position.
    /// @param route The path the position took.
    /// @param source The source contract (V2: the pair).
    /// @param migration The amounts and ids moved.
    event Migrated(address indexed user, Route indexed route, address indexed source, LiquidityMigration migration);

    /// @notice The complete accounting of one migrated lending position.
    /// @param destination The destination pool (Aave V3: the Pool).
    /// @param collateralAssets The underlying assets moved from supply to supply.
    /// @param collateralAmounts The source supply moved, per collateral asset (Aave: the aToken balance; the
    /// destination supply equals it up to a wei of the source's rounding).
    /// @param debtAssets The underlying assets whose debt moved.
    /// @param debtAmounts The debt repaid at the source and opened at the destination (variable), per debt asset.
    /// @param sourceHealthFactorAfter The caller's source health factor after the call (1e18 = 1.0; max = no debt).
    /// @param destinationHealthFactorAfter The caller's destination health factor after the call.
    struct LendingMigration {
        address destination;
        address[] collateralAssets;
        uint256[] collateralAmounts;
        address[] debtAssets;
        uint256[] debtAmounts;
        uint256 sourceHealthFactorAfter;
        uint256 destinationHealthFactorAfter;
    }

    /// @notice Emitted once per migrated lending position.
    /// @param user The caller, owner of the source and of the destination position.
    /// @param route The path the position took.
    /// @param source The source pool (Aave V2: the LendingPool).
    /// @param migration The assets and amounts moved and the health factors after.
    event LendingMigrated(
        address indexed user, Route indexed route, address indexed source, LendingMigration migration
    );

    /// @notice Emitted when the guardian pauses or unpauses migrations.
    /// @param paused The new state.
    event PausedSet(bool paused);

    /// @notice Thrown when `migrate` is called while the guardian has paused the Migrator.
    error MigrationsPaused();

    /// @notice Thrown when a caller other than the guardian tries to pause or unpause.
    /// @param caller The rejected caller.
    error NotGuardian(address caller);

    /// @notice Thrown when the call is mined after its deadline.
    /// @param deadline The caller's deadline.
    /// @param timestamp The block's timestamp.
    error DeadlinePassed(uint256 deadline, uint256 timestamp);

    /// @notice Thrown when `migrate` is called with an empty batch.
    error NoPositions();

    /// @notice Thrown when the Migrator is re-entered during a migration.
    error Reentrancy();

    /// @notice Thrown when ETH arrives from anyone but WETH (which pays out unwrapped refunds).
    /// @param sender The rejected sender.
    error EthNotAccepted(address sender);

    /// @notice Thrown when sending an unwrapped WETH refund to the user fails.
    /// @param to The user.
    /// @param amount The ETH amount.
    error EthTransferFailed(address to, uint256 amount);

    /// @notice Thrown when no Uniswap V2 pair exists for the given tokens (unsorted tokens included).
    /// @param token0 The given token0.
    /// @param token1 The given token1.
    error PairNotFound(address token0, address token1);

    /// @notice Thrown when `percentageBps` is above 10_000.
    /// @param percentageBps The given percentage.
    error InvalidPercentage(uint16 percentageBps);

    /// @notice Thrown when a position would migrate nothing.
    /// @param source The source contract.
    error NothingToMigrate(address source);

    /// @notice Thrown when, after the optional permit, the caller's allowance to the Migrator is too low.
    /// @param token The token pulled.
    /// @param allowance The caller's allowance to the Migrator.
    /// @param needed The amount to pull.
    error InsufficientAllowance(address token, uint256 allowance, uint256 needed);

    /// @notice Thrown when the source returns fewer tokens than the caller's minimums.
    /// @param amount0 token0 withdrawn.
    /// @param amount1 token1 withdrawn.
    /// @param amount0Min The caller's token0 minimum.
    /// @param amount1Min The caller's token1 minimum.
    error WithdrawalSlippage(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min);

    /// @notice Thrown when the Migrator's balance of a token taken out of the source differs from its accounting:
    /// right after the withdrawal, when less or more arrived than the source reported sending; or after the
    /// refunds, when the balance is not back to what it was before the withdrawal. The token takes a fee on
    /// transfer or rebases. Such tokens are not supported; nothing is moved.
    /// @param token The token.
    /// @param expected The balance the Migrator should hold: its balance before the withdrawal, plus the amount
    /// reported sent (after the withdrawal) or plus nothing (after the refunds).
    /// @param actual The balance it holds.
    error TokenBalanceMismatch(address token, uint256 expected, uint256 actual);

    /// @notice Thrown when the destination pool's price, right before minting, is outside the caller's bounds.
    /// @param pool The destination pool.
    /// @param sqrtPriceX96 The pool's price.
    /// @param sqrtPriceX96Min The caller's lower bound.
    /// @param sqrtPriceX96Max The caller's upper bound.
    error PoolPriceOutOfBounds(address pool, uint160 sqrtPriceX96, uint160 sqrtPriceX96Min, uint160 sqrtPriceX96Max);

    /// @notice Thrown when the position to add liquidity to is not the caller's.
    /// @param tokenId The position.
    /// @param owner Its owner.
    error NotPositionOwner(uint256 tokenId, address owner);

    /// @notice Thrown when the position to add liquidity to is in another pool or range than the parameters say.
    /// @param tokenId The position.
    error PositionMismatch(uint256 tokenId);

    /// @notice Thrown when the destination takes fewer tokens than the caller's minimums.
    /// @param amount0 token0 deposited.
    /// @param amount1 token1 deposited.
    /// @param amount0Min The caller's token0 minimum.
    /// @param amount1Min The caller's token1 minimum.
    error DepositSlippage(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min);

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

    /// @notice Thrown when the caller's Aave V3 e-mode category does not include a debt asset.
    /// @param asset The debt asset.
    /// @param userCategory The caller's e-mode category on V3.
    /// @param assetCategory The asset's e-mode category on V3 (0: none).
    error AaveV3EModeMismatch(address asset, uint256 userCategory, uint256 assetCategory);

    /// @notice Thrown when the caller's Aave V3 health factor after the migration is below their minimum.
    /// @param healthFactor The health factor after the migration (1e18 = 1.0).
    /// @param minHealthFactor The caller's minimum.
    error HealthFactorTooLow(uint256 healthFactor, uint256 minHealthFactor);

    /// @notice Thrown when the flash-loan callback is not Ferry's own flash loan from the Aave V3 pool during a
    /// migration.
    /// @param caller The callback's caller.
    /// @param initiator The flash loan's initiator.
    error UnexpectedFlashLoan(address caller, address initiator);

    /// @notice Migrates a batch of the caller's positions; any failing position reverts the whole call.
    /// @dev Every pulled asset belongs to `msg.sender`; every new position and refund goes to `msg.sender`.
    /// After the call the Migrator holds no token and no ETH. Its only allowances are standing approvals of
    /// tokens to the immutable `POSITION_MANAGER`, which can pull only during a mint the Migrator itself calls.
    /// @dev Warning: fee-on-transfer and rebasing tokens are not supported. Each token taken out of a V2 pair must
    /// raise the Migrator's balance by exactly the amount the pair reports, and the balance must be back to where
    /// it was after the refunds, or the call reverts with `TokenBalanceMismatch`.
    /// @param positions The positions to migrate, in order.
    /// @param deadline The last timestamp at which the call may execute; set it minutes ahead, never to
    /// `block.timestamp` at execution (that protects nothing).
    /// @param unwrapWeth Whether WETH refunds are unwrapped and sent as ETH.
    function migrate(Position[] calldata positions, uint256 deadline, bool unwrapWeth) external;

    /// @notice Pauses or unpauses `migrate`. Only the guardian; it has no other power.
    /// @param paused_ The new state.
    function setPaused(bool paused_) external;

    /// @notice Whether `migrate` is paused.
    /// @return Whether `migrate` is paused.
    function paused() external view returns (bool);

    /// @notice The only account allowed to pause.
    /// @return The guardian.
    function GUARDIAN() external view returns (address);

    /// @notice The WETH9 contract whose refunds may be unwrapped.
    /// @return The WETH9 address.
    function WETH() external view returns (address);

    /// @notice The Uniswap V2 factory whose pairs are accepted as sources.
    /// @return The factory address.
    function V2_FACTORY() external view returns (address);

    /// @notice The init code hash of `V2_FACTORY`'s pairs, used to derive a pair's address without a call.
    /// @return The hash.
    function V2_PAIR_INIT_CODE_HASH() external view returns (bytes32);

    /// @notice The Uniswap V3 factory whose pools are destinations.
    /// @return The factory address.
    function V3_FACTORY() external view returns (address);

    /// @notice The init code hash of `V3_FACTORY`'s pools, used to derive a pool's address without a call.
    /// @return The hash.
    function V3_POOL_INIT_CODE_HASH() external view returns (bytes32);

    /// @notice The Uniswap V3 NonfungiblePositionManager that mints destination positions.
    /// @return The position manager address.
    function POSITION_MANAGER() external view returns (address);

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
