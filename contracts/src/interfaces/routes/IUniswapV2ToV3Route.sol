// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../IMigrator.sol";

/// @title IUniswapV2ToV3Route
/// @notice Route `IMigrator.Route.UniswapV2ToV3`: the caller's Uniswap V2 LP tokens → a Uniswap V3 position.
/// @dev Its `Migrated` event fills `LiquidityMigration` as follows: `sourceId` 0 (an ERC20 LP token), `sourceAmount`
/// the LP tokens burned, `destination` the V3 pool's address as `bytes32(uint256(uint160(pool)))`,
/// `positionManager` the NonfungiblePositionManager, `tokenId` the position minted or added to.
interface IUniswapV2ToV3Route {
    /// @notice The protocol contracts the route is built for.
    /// @param v2Factory The Uniswap V2 factory whose pairs are accepted as sources.
    /// @param v2PairInitCodeHash The init code hash of `v2Factory`'s pairs.
    /// @param v3Factory The Uniswap V3 factory whose pools are destinations.
    /// @param v3PoolInitCodeHash The init code hash of `v3Factory`'s pools.
    /// @param positionManager The Uniswap V3 NonfungiblePositionManager that mints destination positions.
    struct UniswapV2ToV3Config {
        address v2Factory;
        bytes32 v2PairInitCodeHash;
        address v3Factory;
        bytes32 v3PoolInitCodeHash;
        address positionManager;
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
        IMigrator.PermitSignature permit;
    }

    /// @notice Thrown when no Uniswap V2 pair exists for the given tokens (unsorted tokens included).
    /// @param token0 The given token0.
    /// @param token1 The given token1.
    error PairNotFound(address token0, address token1);

    /// @notice Thrown when `percentageBps` is above 10_000.
    /// @param percentageBps The given percentage.
    error InvalidPercentage(uint16 percentageBps);

    /// @notice Thrown when the source returns fewer tokens than the caller's minimums.
    /// @param amount0 token0 withdrawn.
    /// @param amount1 token1 withdrawn.
    /// @param amount0Min The caller's token0 minimum.
    /// @param amount1Min The caller's token1 minimum.
    error WithdrawalSlippage(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min);

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
}

/// @title IUniswapV2ToV3RouteParams
/// @notice `UniswapV2ToV3Params` as a function input, so that the ABI, and the encoders generated from it off-chain, carry
/// the exact struct `IMigrator.Position.params` is decoded into for `IMigrator.Route.UniswapV2ToV3`. Nothing implements it.
interface IUniswapV2ToV3RouteParams {
    /// @notice The parameters of `IMigrator.Route.UniswapV2ToV3`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function encode(IUniswapV2ToV3Route.UniswapV2ToV3Params calldata params) external;
}
