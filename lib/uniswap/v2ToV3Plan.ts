import type { Address } from "viem";
import { NO_PERMIT } from "../migrator/encoding";
import type { UniswapV2ToV3Params } from "../routes/uniswapV2ToV3/params";
import { lpUnderlying, shareOf, withdrawalMinimum } from "./v2/liquidity";
import type { V2Position } from "./v2/positions";
import { depositPreview, type FeeTier, priceDeviation, sqrtPriceBounds, sqrtPriceX96FromReserves } from "./v3/poolMath";

export interface V2ToV3Settings {
  percentageBps: number;
  fee: FeeTier;
  tickLower: number;
  tickUpper: number;
  slippageBps: number;
  /** A held position in the same pool and range to add to (the Migrator's increaseLiquidity); 0n or absent mints. */
  tokenId?: bigint;
}

/** The destination pool as read on-chain; `sqrtPriceX96 = 0n` when it does not exist or is not initialised. */
export interface V3PoolState {
  address: Address;
  sqrtPriceX96: bigint;
}

/** A pool of one fee tier and how deep it is: its in-range liquidity and the tokens it holds (all 0n when absent). */
export interface V3FeeTierPool extends V3PoolState {
  fee: FeeTier;
  liquidity: bigint;
  balance0: bigint;
  balance1: bigint;
}

/**
 * Everything the Migrator needs for one V2 → V3 position, and what the user should expect, computed from the
 * position and the pool as read on-chain. A missing pool is created at the V2 price, so that price is the
 * reference; otherwise the pool's own price is.
 */
export function planV2ToV3(position: V2Position, pool: V3PoolState, settings: V2ToV3Settings, chainId: number) {
  const lpAmount = shareOf(position.lpBalance, settings.percentageBps);
  const withdrawn = lpUnderlying(lpAmount, position.lpTotalSupply, position.reserve0, position.reserve1);
  const v2SqrtPriceX96 = sqrtPriceX96FromReserves(position.reserve0, position.reserve1);
  const poolExists = pool.sqrtPriceX96 > 0n;
  const mintSqrtPriceX96 = poolExists ? pool.sqrtPriceX96 : v2SqrtPriceX96;
  const deposit = depositPreview({
    chainId,
    token0: position.token0,
    token1: position.token1,
    fee: settings.fee,
    sqrtPriceX96: mintSqrtPriceX96,
    tickLower: settings.tickLower,
    tickUpper: settings.tickUpper,
    amount0: withdrawn.amount0,
    amount1: withdrawn.amount1,
    slippageBps: settings.slippageBps,
  });
  const bounds = sqrtPriceBounds(mintSqrtPriceX96, settings.slippageBps);

  const params: UniswapV2ToV3Params = {
    token0: position.token0.address,
    token1: position.token1.address,
    lpAmount,
    percentageBps: 0,
    amount0MinWithdrawn: withdrawalMinimum(withdrawn.amount0, settings.slippageBps),
    amount1MinWithdrawn: withdrawalMinimum(withdrawn.amount1, settings.slippageBps),
    fee: settings.fee,
    tickLower: settings.tickLower,
    tickUpper: settings.tickUpper,
    sqrtPriceX96Min: bounds.min,
    sqrtPriceX96Max: bounds.max,
    amount0MinDeposited: deposit.amount0Min,
    amount1MinDeposited: deposit.amount1Min,
    tokenId: settings.tokenId ?? 0n,
    permit: NO_PERMIT,
  };
  return {
    params,
    lpAmount,
    withdrawn,
    deposit,
    refund: { amount0: withdrawn.amount0 - deposit.amount0, amount1: withdrawn.amount1 - deposit.amount1 },
    poolExists,
    v2SqrtPriceX96,
    mintSqrtPriceX96,
    deviation: poolExists ? priceDeviation(v2SqrtPriceX96, pool.sqrtPriceX96) : 0,
  };
}

export type V2ToV3Plan = ReturnType<typeof planV2ToV3>;
