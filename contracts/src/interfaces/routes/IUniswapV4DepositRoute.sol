// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IDelegatedRoute} from "./IDelegatedRoute.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";

/// @title IUniswapV4DepositRoute
/// @notice What every route into Uniswap V4 shares: the destination, its errors and the V4 contracts.
/// @dev Such a route fills `LiquidityMigration` as follows: `destination` the V4 PoolId, `positionManager` the V4
/// PositionManager, `tokenId` the V4 position minted or added to, `token0`/`token1` the pool's currencies (the zero
/// address for native ETH) and every amount in the pool's currency order. The withdrawn tokens go straight to the V4
/// PositionManager, which pays the PoolManager from them (`payerIsUser = false`) and sends what is left to the caller:
/// no Permit2 allowance is asked of the caller and nothing stays in the Migrator.
interface IUniswapV4DepositRoute is IDelegatedRoute {
    /// @notice Where the withdrawn tokens go in Uniswap V4.
    /// @param poolKey The pool. Native ETH is `currency0 = address(0)`: a WETH leg is unwrapped into it. A pool with a
    /// hook is used only when named here, and refused when its hook may return an add-liquidity delta.
    /// @param tickLower The lower tick of the position.
    /// @param tickUpper The upper tick of the position.
    /// @param sqrtPriceX96Min The lowest pool price accepted right before the deposit (after any initialisation).
    /// @param sqrtPriceX96Max The highest pool price accepted right before the deposit (after any initialisation).
    /// @param amount0MinDeposited The least currency0 the deposit must take.
    /// @param amount1MinDeposited The least currency1 the deposit must take.
    /// @param tokenId 0 to mint a new position to the caller; otherwise a V4 position the caller owns in the same pool
    /// and range, for which the caller approved the Migrator, which receives the liquidity instead (its own accrued
    /// fees go to the caller too).
    struct UniswapV4Destination {
        PoolKey poolKey;
        int24 tickLower;
        int24 tickUpper;
        uint160 sqrtPriceX96Min;
        uint160 sqrtPriceX96Max;
        uint256 amount0MinDeposited;
        uint256 amount1MinDeposited;
        uint256 tokenId;
    }

    /// @notice Thrown when the pool's hook has the after-add-liquidity-returns-delta permission: it could take part
    /// of the deposit.
    /// @param hooks The hook.
    error HookMayTakeDeposit(address hooks);

    /// @notice Thrown when the pool's currencies are not the source's tokens (WETH may stand for native ETH).
    /// @param token0 The source's token0.
    /// @param token1 The source's token1.
    /// @param currency0 The pool's currency0.
    /// @param currency1 The pool's currency1.
    error CurrencyMismatch(address token0, address token1, address currency0, address currency1);

    /// @notice Thrown when the pool's price, right before the deposit, is outside the caller's bounds.
    /// @param poolId The pool.
    /// @param sqrtPriceX96 The pool's price.
    /// @param sqrtPriceX96Min The caller's lower bound.
    /// @param sqrtPriceX96Max The caller's upper bound.
    error V4PoolPriceOutOfBounds(
        bytes32 poolId, uint160 sqrtPriceX96, uint160 sqrtPriceX96Min, uint160 sqrtPriceX96Max
    );

    /// @notice Thrown when the amounts offered buy no liquidity in the range at the pool's price.
    /// @param amount0 currency0 offered.
    /// @param amount1 currency1 offered.
    error NoLiquidityToDeposit(uint256 amount0, uint256 amount1);

    /// @notice Thrown when the V4 position to add liquidity to is in another pool or range than the destination says.
    /// @param tokenId The position.
    error PositionMismatch(uint256 tokenId);

    /// @notice Thrown when the destination takes fewer tokens than the caller's minimums.
    /// @param amount0 currency0 deposited.
    /// @param amount1 currency1 deposited.
    /// @param amount0Min The caller's currency0 minimum.
    /// @param amount1Min The caller's currency1 minimum.
    error DepositSlippage(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min);

    /// @notice The WETH9 contract that stands for native ETH.
    /// @return The WETH9 address.
    function WETH() external view returns (address);

    /// @notice The Uniswap V4 PoolManager holding the destination pools.
    /// @return The PoolManager address.
    function V4_POOL_MANAGER() external view returns (address);

    /// @notice The Uniswap V4 PositionManager that mints destination positions.
    /// @return The PositionManager address.
    function V4_POSITION_MANAGER() external view returns (address);
}
