import type { Context } from "ponder:registry";
import { type Address, type ContractFunctionReturnType, type Hex, zeroAddress } from "viem";
import { boundedCredit, type PointsRule, poolDeviationBps, usdValue } from "../../lib/campaign/points";
import { uniswapV3PoolAbi, uniswapV4StateViewAbi } from "../../lib/generated/abis";
import { positionAmounts } from "../../lib/uniswap/v3/positionAmounts";
import { type IndexedChain, isV4PositionManager } from "../chains";
import { type Holding, nothing, quotesOf, type SnapshotBlock } from "./holdings";
import type { TokenQuote } from "./prices";
import { type Call, readAll } from "./readAll";

/**
 * A migrated Uniswap position as its row knows it (`pool`: a V3 pool, or a V4 PoolId), with its chain state
 * (src/positionState.ts; null fields: not read, or burnt).
 */
export interface HeldPosition {
  positionManager: Address;
  user: Address;
  owner: Address;
  pool: Hex;
  migratedUsd: bigint;
  positionLiquidity: bigint | null;
  tickLower: number | null;
  tickUpper: number | null;
  token0: Address | null;
  token1: Address | null;
}

type V3Slot0 = ContractFunctionReturnType<typeof uniswapV3PoolAbi, "view", "slot0">;
type V4Slot0 = ContractFunctionReturnType<typeof uniswapV4StateViewAbi, "view", "getSlot0">;

/** A pool's current price, as both versions' slot0 start. */
interface PoolPrice {
  sqrtPriceX96: bigint;
  tick: number;
}

/**
 * Migrated Uniswap positions (V3 and V4 alike) valued at the snapshot block: each one's liquidity, followed from its
 * events, at its pool's current price, at the oracle's prices, never more than was migrated into it. Reads only each
 * pool's price (V3: the pool's `slot0`; V4: StateView's `getSlot0`) in one batch of multicalls, and the oracle's prices.
 */
export async function valueUniswapPositions(
  context: Context,
  chain: IndexedChain,
  rule: PointsRule,
  block: SnapshotBlock,
  helds: readonly HeldPosition[],
): Promise<Holding[]> {
  const pools = new Map<Hex, Call>();
  for (const { pool, positionManager } of helds) {
    if (pools.has(pool)) continue;
    pools.set(
      pool,
      isV4PositionManager(chain, positionManager)
        ? { address: chain.v4StateView, abi: uniswapV4StateViewAbi, functionName: "getSlot0", args: [pool] }
        : { address: pool as Address, abi: uniswapV3PoolAbi, functionName: "slot0" },
    );
  }
  const [slot0s, quotes] = await Promise.all([
    readAll(context, [...pools.values()]),
    quotesOf(
      context,
      chain,
      block,
      helds.flatMap(({ token0, token1 }) => (token0 && token1 ? [token0, token1] : [])),
    ),
  ]);
  const priceByPool = new Map(
    [...pools.keys()].map((pool, i) => {
      const slot0 = slot0s[i] as V3Slot0 | V4Slot0 | undefined;
      return [pool, slot0 && { sqrtPriceX96: slot0[0], tick: slot0[1] }] as const;
    }),
  );
  return helds.map((held) => liquidityHolding(rule, held, priceByPool.get(held.pool), quotes));
}

/**
 * One Uniswap position's credit. It earns nothing when burnt or emptied (withdrawn), when it left the migrator
 * (transferred), a token cannot be valued (unpriced), the pool is off the oracle's price by more than the rule's bound
 * (off-market: value could be drained through it), or is out of range and the rule says so.
 */
export function liquidityHolding(
  rule: PointsRule,
  held: HeldPosition,
  /** The pool's current price, undefined when it could not be read. */
  price: PoolPrice | undefined,
  quotes: Map<Address, TokenQuote>,
): Holding {
  if (held.owner === zeroAddress) return nothing("withdrawn");
  if (held.owner.toLowerCase() !== held.user.toLowerCase()) return nothing("transferred");
  const { positionLiquidity, tickLower, tickUpper, token0, token1 } = held;
  if (!positionLiquidity || tickLower === null || tickUpper === null || !token0 || !token1) {
    return nothing("withdrawn");
  }
  const quote0 = quotes.get(token0);
  const quote1 = quotes.get(token1);
  if (price === undefined || !quote0 || !quote1 || "unpriced" in quote0 || "unpriced" in quote1) {
    return nothing("unpriced");
  }
  const { sqrtPriceX96, tick } = price;
  const deviation = poolDeviationBps(sqrtPriceX96, quote0.decimals, quote1.decimals, quote0.price, quote1.price);
  if (deviation > BigInt(rule.maxPoolDeviationBps)) return nothing("off-market");

  const amounts = positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, positionLiquidity);
  if (!amounts.inRange && !rule.outOfRangeEarns) return nothing("out-of-range");
  const value =
    usdValue(amounts.amount0, quote0.decimals, quote0.price) + usdValue(amounts.amount1, quote1.decimals, quote1.price);
  return { heldUsd: boundedCredit(value, held.migratedUsd), state: amounts.inRange ? "earning" : "out-of-range" };
}
