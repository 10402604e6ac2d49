// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Ferry Migrator
/// @notice Moves DeFi positions to a protocol's newer version in one all-or-nothing transaction.
/// The caller is always the owner of every pulled asset and the recipient of every new position and refund.
/// @dev A call carries a batch of positions; each names a route and carries that route's abi-encoded parameters.
/// A route declares its parameters, errors and getters in its own interface under `routes/`; a new route adds an
/// enum member, that interface and a branch in the dispatcher; the entry point stays the same.
interface IMigrator {
    /// @notice The migration paths Ferry supports.
    enum Route {
        /// @notice Uniswap V2 LP tokens into a Uniswap V3 position (`IUniswapV2ToV3Route`).
        UniswapV2ToV3,
        /// @notice An Aave V2 lending position, supply and debt, into Aave V3 (`IAaveV2ToV3Route`).
        AaveV2ToV3,
        /// @notice A Uniswap V3 position (NFT) into a Uniswap V4 position (`IUniswapV3ToV4Route`).
        UniswapV3ToV4,
        /// @notice Uniswap V2 LP tokens into a Uniswap V4 position (`IUniswapV2ToV4Route`).
        UniswapV2ToV4
    }

    /// @notice One position to migrate.
    /// @param route The path the position takes.
    /// @param params The route's parameters struct (declared in its interface, see `Route`), abi-encoded.
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

    /// @notice The complete accounting of one migrated liquidity position.
    /// @dev Each route's interface says how it fills the ids (see `IUniswapV2ToV3Route`).
    /// @param sourceId The source position's id (0 for an ERC20 LP token such as a V2 pair).
    /// @param sourceAmount The source liquidity removed (V2: LP tokens burned).
    /// @param destination The destination pool's identity: a Uniswap V3 pool as `bytes32(uint256(uint160(pool)))`,
    /// a Uniswap V4 pool as its PoolId.
    /// @param positionManager The contract holding the destination position (V3: the NonfungiblePositionManager).
    /// @param tokenId The destination position's id in `positionManager`.
    /// @param liquidity The liquidity added to the destination position.
    /// @param token0 The lower-sorted token.
    /// @param token1 The higher-sorted token.
    /// @param amount0Withdrawn token0 taken out of the source.
    /// @param amount1Withdrawn token1 taken out of the source.
    /// @param amount0Deposited token0 put into the destination.
    /// @param amount1Deposited token1 put into the destination.
    /// @param amount0Refunded token0 sent back to the user: `withdrawn - deposited`, or more when the destination paid
    /// part of the deposit itself (a V3 position manager spending ETH it held for a WETH leg).
    /// @param amount1Refunded token1 sent back to the user, likewise.
    /// @param refundedAsEth Whether a WETH refund was unwrapped and sent as ETH.
    struct LiquidityMigration {
        uint256 sourceId;
        uint256 sourceAmount;
        bytes32 destination;
        address positionManager;
        uint256 tokenId;
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

    /// @notice Thrown when sending ETH back to the user fails: an unwrapped WETH refund, or the ETH sent with the call.
    /// @param to The user.
    /// @param amount The ETH amount.
    error EthTransferFailed(address to, uint256 amount);

    /// @notice Thrown when a position would migrate nothing.
    /// @param source The source contract.
    error NothingToMigrate(address source);

    /// @notice Thrown when, after the optional permit, the caller's allowance to the Migrator is too low.
    /// @param token The token pulled.
    /// @param allowance The caller's allowance to the Migrator.
    /// @param needed The amount to pull.
    error InsufficientAllowance(address token, uint256 allowance, uint256 needed);

    /// @notice Thrown when a position (an ERC-721 token) to take from or add to is not the caller's.
    /// @param positionManager The ERC-721 contract holding the position.
    /// @param tokenId The position.
    /// @param owner Its owner.
    error PositionNotOwned(address positionManager, uint256 tokenId, address owner);

    /// @notice Thrown when, after the optional ERC-721 permit, the Migrator is neither approved for the caller's
    /// position nor an operator of all the caller's positions.
    /// @param positionManager The ERC-721 contract holding the position.
    /// @param tokenId The position.
    error PositionNotApproved(address positionManager, uint256 tokenId);

    /// @notice Thrown when the Migrator's balance of a token taken out of the source differs from its accounting:
    /// right after the withdrawal, when less or more arrived than the source reported sending; or after the
    /// refunds, when the balance is not back to what it was before the withdrawal. The token takes a fee on
    /// transfer or rebases. Such tokens are not supported; nothing is moved.
    /// @param token The token.
    /// @param expected The balance the Migrator should hold: its balance before the withdrawal, plus the amount
    /// reported sent (after the withdrawal) or plus nothing (after the refunds).
    /// @param actual The balance it holds.
    error TokenBalanceMismatch(address token, uint256 expected, uint256 actual);

    /// @notice Migrates a batch of the caller's positions; any failing position reverts the whole call.
    /// @dev Every pulled asset belongs to `msg.sender`; every new position and refund goes to `msg.sender`. ETH sent
    /// with the call is used or refunded, never kept: no route spends `msg.value` today (a native-ETH destination is
    /// paid with the source's unwrapped WETH), so all of it comes back at the end of the batch, with
    /// `EthTransferFailed` if the caller cannot receive it. After the call the Migrator holds no token and no ETH. Its
    /// only allowances are standing approvals of tokens to a route's immutable position manager, which can pull only
    /// during a mint the Migrator itself calls.
    /// @dev Warning: fee-on-transfer and rebasing tokens are not supported. Each token taken out of a V2 pair must
    /// raise the Migrator's balance by exactly the amount the pair reports, and the balance must be back to where
    /// it was after the refunds, or the call reverts with `TokenBalanceMismatch`.
    /// @param positions The positions to migrate, in order.
    /// @param deadline The last timestamp at which the call may execute; set it minutes ahead, never to
    /// `block.timestamp` at execution (that protects nothing).
    /// @param unwrapWeth Whether WETH refunds are unwrapped and sent as ETH.
    function migrate(Position[] calldata positions, uint256 deadline, bool unwrapWeth) external payable;

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

    /// @notice The contract route `UniswapV3ToV4` runs in, by `delegatecall` (`IUniswapV3ToV4Route`).
    /// @return The route contract.
    function UNISWAP_V3_TO_V4_ROUTE() external view returns (address);

    /// @notice The contract route `UniswapV2ToV4` runs in, by `delegatecall` (`IUniswapV2ToV4Route`).
    /// @return The route contract.
    function UNISWAP_V2_TO_V4_ROUTE() external view returns (address);
}
