// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../IMigrator.sol";
import {IUniswapV4DepositRoute} from "./IUniswapV4DepositRoute.sol";

/// @title IUniswapV2ToV4Route
/// @notice Route `IMigrator.Route.UniswapV2ToV4`: the caller's Uniswap V2 LP tokens → a Uniswap V4 position.
/// @dev Its `Migrated` event names the V2 pair as `source` and fills `LiquidityMigration` as `IUniswapV4DepositRoute`
/// says, with `sourceId` 0 (an ERC20 LP token) and `sourceAmount` the LP tokens burned.
interface IUniswapV2ToV4Route is IUniswapV4DepositRoute {
    /// @notice The protocol contracts the route is built for.
    /// @param weth The WETH9 contract that stands for native ETH.
    /// @param v2Factory The Uniswap V2 factory whose pairs are accepted as sources.
    /// @param v2PairInitCodeHash The init code hash of `v2Factory`'s pairs.
    /// @param v4PoolManager The Uniswap V4 PoolManager.
    /// @param v4PositionManager The Uniswap V4 PositionManager.
    struct UniswapV2ToV4Config {
        address weth;
        address v2Factory;
        bytes32 v2PairInitCodeHash;
        address v4PoolManager;
        address v4PositionManager;
    }

    /// @notice Parameters of a Uniswap V2 LP → Uniswap V4 position migration.
    /// @param token0 The lower-sorted token of the V2 pair.
    /// @param token1 The higher-sorted token of the V2 pair.
    /// @param lpAmount The LP tokens to migrate, used when `percentageBps` is zero.
    /// @param percentageBps The share of the caller's LP balance at execution to migrate, in basis points
    /// (1..10_000); when non-zero it takes precedence over `lpAmount`.
    /// @param amount0MinWithdrawn The least token0 the V2 burn must return.
    /// @param amount1MinWithdrawn The least token1 the V2 burn must return.
    /// @param permit The caller's EIP-2612 permit on the V2 pair for the Migrator (optional).
    /// @param destination Where the tokens go, in the V4 pool's currency order; a missing pool starts at the pair's
    /// price.
    struct UniswapV2ToV4Params {
        address token0;
        address token1;
        uint256 lpAmount;
        uint16 percentageBps;
        uint256 amount0MinWithdrawn;
        uint256 amount1MinWithdrawn;
        IMigrator.PermitSignature permit;
        UniswapV4Destination destination;
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

    /// @notice The Uniswap V2 factory whose pairs are accepted as sources.
    /// @return The factory address.
    function V2_FACTORY() external view returns (address);

    /// @notice The init code hash of `V2_FACTORY`'s pairs.
    /// @return The hash.
    function V2_PAIR_INIT_CODE_HASH() external view returns (bytes32);
}

/// @title IUniswapV2ToV4RouteParams
/// @notice `UniswapV2ToV4Params` as a function input, so that the ABI, and the encoders generated from it off-chain, carry
/// the exact struct `IMigrator.Position.params` is decoded into for `IMigrator.Route.UniswapV2ToV4`. Nothing implements it.
interface IUniswapV2ToV4RouteParams {
    /// @notice The parameters of `IMigrator.Route.UniswapV2ToV4`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function encode(IUniswapV2ToV4Route.UniswapV2ToV4Params calldata params) external;
}
