// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../IMigrator.sol";
import {IUniswapV4DepositRoute} from "./IUniswapV4DepositRoute.sol";

/// @title IUniswapV3ToV4Route
/// @notice Route `IMigrator.Route.UniswapV3ToV4`: the caller's Uniswap V3 position (NFT) → a Uniswap V4 position.
/// @dev Its `Migrated` event names the V3 NonfungiblePositionManager as `source` and fills `LiquidityMigration` as
/// `IUniswapV4DepositRoute` says, with `sourceId` the V3 token id, `sourceAmount` the V3 liquidity removed and the
/// withdrawn amounts including the fees collected.
interface IUniswapV3ToV4Route is IUniswapV4DepositRoute {
    /// @notice The protocol contracts the route is built for.
    /// @param weth The WETH9 contract that stands for native ETH.
    /// @param v3PositionManager The Uniswap V3 NonfungiblePositionManager whose positions are sources.
    /// @param v3Factory Its factory, whose pool price starts a missing V4 pool.
    /// @param v3PoolInitCodeHash The init code hash of `v3Factory`'s pools.
    /// @param v4PoolManager The Uniswap V4 PoolManager.
    /// @param v4PositionManager The Uniswap V4 PositionManager.
    struct UniswapV3ToV4Config {
        address weth;
        address v3PositionManager;
        address v3Factory;
        bytes32 v3PoolInitCodeHash;
        address v4PoolManager;
        address v4PositionManager;
    }

    /// @notice Parameters of a Uniswap V3 position → Uniswap V4 position migration.
    /// @param tokenId The caller's V3 position.
    /// @param percentageBps The share of the position's liquidity to migrate, in basis points (1..10_000). 10_000
    /// takes it all and burns the NFT; less decreases it and leaves the NFT with the caller.
    /// @param amount0MinWithdrawn The least V3 token0 the decrease must return (principal, fees not counted).
    /// @param amount1MinWithdrawn The least V3 token1 the decrease must return, likewise.
    /// @param depositFees Whether the position's uncollected fees (all of them, whatever the percentage) join the
    /// deposit; otherwise they are refunded.
    /// @param permit The caller's ERC-721 permit of `tokenId` to the Migrator on the V3 position manager (optional:
    /// `deadline == 0` when the caller approved the Migrator beforehand; `value` is unused).
    /// @param destination Where the tokens go, in the V4 pool's currency order.
    struct UniswapV3ToV4Params {
        uint256 tokenId;
        uint16 percentageBps;
        uint256 amount0MinWithdrawn;
        uint256 amount1MinWithdrawn;
        bool depositFees;
        IMigrator.PermitSignature permit;
        UniswapV4Destination destination;
    }

    /// @notice Thrown when `percentageBps` is 0 or above 10_000.
    /// @param percentageBps The given percentage.
    error InvalidPercentage(uint16 percentageBps);

    /// @notice Thrown when the source returns fewer tokens than the caller's minimums.
    /// @param amount0 token0 withdrawn.
    /// @param amount1 token1 withdrawn.
    /// @param amount0Min The caller's token0 minimum.
    /// @param amount1Min The caller's token1 minimum.
    error WithdrawalSlippage(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min);

    /// @notice The Uniswap V3 NonfungiblePositionManager whose positions are sources.
    /// @return The position manager address.
    function V3_POSITION_MANAGER() external view returns (address);

    /// @notice The Uniswap V3 factory whose pool price starts a missing V4 pool.
    /// @return The factory address.
    function V3_FACTORY() external view returns (address);

    /// @notice The init code hash of `V3_FACTORY`'s pools.
    /// @return The hash.
    function V3_POOL_INIT_CODE_HASH() external view returns (bytes32);
}

/// @title IUniswapV3ToV4RouteParams
/// @notice `UniswapV3ToV4Params` as a function input, so that the ABI, and the encoders generated from it off-chain, carry
/// the exact struct `IMigrator.Position.params` is decoded into for `IMigrator.Route.UniswapV3ToV4`. Nothing implements it.
interface IUniswapV3ToV4RouteParams {
    /// @notice The parameters of `IMigrator.Route.UniswapV3ToV4`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function encode(IUniswapV3ToV4Route.UniswapV3ToV4Params calldata params) external;
}
