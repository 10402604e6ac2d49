import type { Address, Hex, PublicClient } from "viem";
import { uniswapV4StateViewAbi } from "../../generated/abis";
import { type PoolKey, poolIdOf } from "./poolKey";

/** A V4 pool as StateView reads it; `sqrtPriceX96 = 0n` when it is not initialised (the Migrator would create it). */
export interface V4PoolState {
  key: PoolKey;
  id: Hex;
  sqrtPriceX96: bigint;
  tick: number;
  /** In-range liquidity. */
  liquidity: bigint;
}

export const poolExists = (pool: Pick<V4PoolState, "sqrtPriceX96">) => pool.sqrtPriceX96 > 0n;

/** The pools of these keys, in one multicall of StateView's `getSlot0` and `getLiquidity`, in the same order. */
export async function readV4Pools(client: PublicClient, stateView: Address, keys: PoolKey[]): Promise<V4PoolState[]> {
  const ids = keys.map(poolIdOf);
  const reads = await client.multicall({
    allowFailure: false,
    contracts: ids.flatMap((id) => [
      { address: stateView, abi: uniswapV4StateViewAbi, functionName: "getSlot0", args: [id] } as const,
      { address: stateView, abi: uniswapV4StateViewAbi, functionName: "getLiquidity", args: [id] } as const,
    ]),
  });
  return keys.map((key, i) => {
    const [sqrtPriceX96, tick] = reads[2 * i] as readonly [bigint, number, number, number];
    return { key, id: ids[i] as Hex, sqrtPriceX96, tick, liquidity: reads[2 * i + 1] as bigint };
  });
}

/** The existing pool with the most in-range liquidity: where a destination defaults to. */
export function deepestPool<Pool extends V4PoolState>(pools: readonly Pool[]): Pool | undefined {
  return pools
    .filter(poolExists)
    .reduce<Pool | undefined>(
      (best, pool) => (best === undefined || pool.liquidity > best.liquidity ? pool : best),
      undefined,
    );
}

/**
 * The tokens a full-range position of the pool's in-range liquidity would hold at its price (`L/√P` and `L·√P`, raw
 * units): how deep the pool is, comparable between pools (V4 pools share one PoolManager's balances).
 */
export function fullRangeEquivalent({ sqrtPriceX96, liquidity }: V4PoolState): { amount0: bigint; amount1: bigint } {
  if (sqrtPriceX96 === 0n) return { amount0: 0n, amount1: 0n };
  return { amount0: (liquidity << 96n) / sqrtPriceX96, amount1: (liquidity * sqrtPriceX96) >> 96n };
}
