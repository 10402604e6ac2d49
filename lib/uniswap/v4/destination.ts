import type { Address } from "viem";
import type { iUniswapV2ToV4RouteParamsAbi } from "../../generated/abis";
import type { Parsed } from "../../inputs";
import type { RouteParams } from "../../migrator/encoding";
import { pairKind } from "../pairKind";
import type { TokenInfo } from "../v2/positions";
import { priceDeviation, priceFromSqrtPriceX96, sqrtPriceBounds } from "../v3/poolMath";
import { type RangeChoice, type ResolvedRange, rangeFromTicks, resolveRange } from "../v3/rangePresets";
import { v4DepositAmounts } from "./depositMath";
import {
  inPoolOrder,
  type PoolCurrencies,
  type PoolTier,
  poolCurrencies,
  poolIdOf,
  poolKeyFor,
  sqrtPriceInPoolOrder,
} from "./poolKey";
import { deepestPool, poolExists, type V4PoolState } from "./pools";
import { type HeldV4Position, positionsInPool } from "./positions";

/** `IUniswapV4DepositRoute.UniswapV4Destination`, typed from the contract's ABI (both V4 routes take it). */
export type UniswapV4Destination = RouteParams<typeof iUniswapV2ToV4RouteParamsAbi>["destination"];

/** What leaves the source, in the source's own token order, and its price (token1 per token0, sqrtPriceX96). */
export interface V4Source {
  token0: TokenInfo;
  token1: TokenInfo;
  amount0: bigint;
  amount1: bigint;
  /** The price a missing V4 pool is created at by the route (the V2 pair's, the V3 pool's). */
  sqrtPriceX96: bigint;
}

/** The user's V4 choices for one position, kept as typed. */
export interface V4DestinationDraft {
  /** Native ETH instead of WETH (a different pool), when the pair has WETH. */
  native: boolean;
  /** The pool's fee and tick spacing; undefined follows the deepest existing pool (0.3% when none exists). */
  tier: PoolTier | undefined;
  /** The user's own range; kept while a held position's range stands in for it, so switching back loses nothing. */
  range: RangeChoice;
  /** A V4 position of the user's in the chosen pool to add to (its range replaces `range`), or 0n for a new one. */
  tokenId: bigint;
}

export const DEFAULT_V4_DRAFT: V4DestinationDraft = {
  native: false,
  tier: undefined,
  range: { preset: "full", minPrice: "", maxPrice: "" },
  tokenId: 0n,
};

/** Where a missing pool's tier defaults to when the pair has no V4 pool: Uniswap's common 0.3%. */
const DEFAULT_TIER: PoolTier = { fee: 3000, tickSpacing: 60 };

/**
 * The pool a draft points at among the candidates read for its currencies; a tier that was not read plans as a
 * missing pool (price 0), which the simulation then checks against the chain.
 */
export function chosenPool(
  draft: V4DestinationDraft,
  candidates: readonly V4PoolState[],
  currencies: Pick<PoolCurrencies, "currency0" | "currency1">,
): V4PoolState {
  const tier = draft.tier ?? deepestPool(candidates)?.key ?? DEFAULT_TIER;
  const key = poolKeyFor(currencies, tier);
  const id = poolIdOf(key);
  return candidates.find((pool) => pool.id === id) ?? { key, id, sqrtPriceX96: 0n, tick: 0, liquidity: 0n };
}

export interface V4DestinationInput {
  source: V4Source;
  draft: V4DestinationDraft;
  /** The pools read for the draft's currencies (`candidatePoolKeys(poolCurrencies(…))`). */
  candidates: readonly V4PoolState[];
  weth: Address;
  slippageBps: number;
  /** The user's V4 positions, any pool: the one the draft names (`tokenId`) receives the deposit, in its range. */
  held?: readonly HeldV4Position[];
  /** A range fixed by the source (a V3 position's, kept), which replaces the draft's when no held position does. */
  ticks?: { tickLower: number; tickUpper: number };
}

/**
 * The held position a draft adds to: none for `tokenId` 0n (a new position), an error when the user does not hold
 * that id in the chosen pool (any more: sold, or another pool chosen since).
 */
export function heldDestination(
  tokenId: bigint,
  pool: Pick<V4PoolState, "id">,
  held: readonly HeldV4Position[],
): Parsed<HeldV4Position | undefined> {
  if (tokenId === 0n) return { ok: true, value: undefined };
  const position = positionsInPool(held, pool.id).find((candidate) => candidate.tokenId === tokenId);
  return position
    ? { ok: true, value: position }
    : { ok: false, error: `You hold no V4 position #${tokenId} in this pool: choose another destination.` };
}

/**
 * Plans a V4 destination: the pool, the range resolved around the price the deposit happens at (the pool's, or the
 * source's for a pool the route creates), the deposit as the route computes it, its minimums at the edges of the
 * slippage band (deposited currency0 falls and currency1 rises with the price, so the band's edges are the worst
 * cases), the refunds, and the `UniswapV4Destination` struct. Every amount is in the pool's currency order.
 */
export function planV4Destination(input: V4DestinationInput): Parsed<V4DestinationPlan> {
  const { source, draft, slippageBps } = input;
  const currencies = poolCurrencies(source.token0, source.token1, input.weth, draft.native);
  const pool = chosenPool(draft, input.candidates, currencies);
  const exists = poolExists(pool);
  const sourceSqrtPriceX96 = sqrtPriceInPoolOrder(source.sqrtPriceX96, currencies.flipped);
  const depositSqrtPriceX96 = exists ? pool.sqrtPriceX96 : sourceSqrtPriceX96;
  const [decimals0, decimals1] = [currencies.currency0.decimals, currencies.currency1.decimals];
  const price = priceFromSqrtPriceX96(depositSqrtPriceX96, decimals0, decimals1);
  const addsTo = heldDestination(draft.tokenId, pool, input.held ?? []);
  if (!addsTo.ok) return addsTo;
  const ticks = addsTo.value ?? input.ticks;
  const range = ticks
    ? {
        ok: true as const,
        value: rangeFromTicks(ticks.tickLower, ticks.tickUpper, price, decimals0, decimals1, pool.key),
      }
    : resolveRange(
        draft.range,
        price,
        decimals0,
        decimals1,
        pool.key,
        pairKind(currencies.currency0.symbol, currencies.currency1.symbol),
      );
  if (!range.ok) return range;
  const { tickLower, tickUpper } = range.value;
  const [amount0, amount1] = inPoolOrder(currencies.flipped, source.amount0, source.amount1);
  const depositAt = (sqrtPriceX96: bigint) => v4DepositAmounts(sqrtPriceX96, tickLower, tickUpper, amount0, amount1);
  const deposit = depositAt(depositSqrtPriceX96);
  if (deposit.liquidity === 0n) {
    return { ok: false, error: "These amounts buy no liquidity in this range at the pool's price: widen the range." };
  }
  const bounds = sqrtPriceBounds(depositSqrtPriceX96, slippageBps);
  const [atMin, atMax] = [depositAt(bounds.min), depositAt(bounds.max)];
  // biome-ignore lint/complexity/useMathMinMax: Math.min takes no bigint
  const least = (...amounts: bigint[]) => amounts.reduce((a, b) => (b < a ? b : a));
  const destination: UniswapV4Destination = {
    poolKey: pool.key,
    tickLower,
    tickUpper,
    sqrtPriceX96Min: bounds.min,
    sqrtPriceX96Max: bounds.max,
    amount0MinDeposited: least(deposit.amount0, atMin.amount0, atMax.amount0),
    amount1MinDeposited: least(deposit.amount1, atMin.amount1, atMax.amount1),
    tokenId: addsTo.value?.tokenId ?? 0n,
  };
  return {
    ok: true,
    value: {
      currencies,
      pool,
      poolExists: exists,
      depositSqrtPriceX96,
      sourceSqrtPriceX96,
      price,
      range: range.value,
      addsTo: addsTo.value,
      offered: { amount0, amount1 },
      deposit,
      refund: { amount0: amount0 - deposit.amount0, amount1: amount1 - deposit.amount1 },
      deviation: exists ? priceDeviation(sourceSqrtPriceX96, pool.sqrtPriceX96) : 0,
      destination,
    },
  };
}

export interface V4DestinationPlan {
  currencies: PoolCurrencies;
  pool: V4PoolState;
  poolExists: boolean;
  /** The price the deposit is planned at: the pool's, or the source's when the route creates the pool. */
  depositSqrtPriceX96: bigint;
  /** The source's price in the pool's order. */
  sourceSqrtPriceX96: bigint;
  /** currency0 in currency1, whole units, at `depositSqrtPriceX96`. */
  price: number;
  range: ResolvedRange;
  /** The held position the deposit adds to; a new position is minted when there is none. */
  addsTo: HeldV4Position | undefined;
  /** What the source hands over, in pool order. */
  offered: { amount0: bigint; amount1: bigint };
  deposit: { liquidity: bigint; amount0: bigint; amount1: bigint };
  refund: { amount0: bigint; amount1: bigint };
  /** |pool price / source price − 1|; 0 for a pool the route creates at the source's price. */
  deviation: number;
  destination: UniswapV4Destination;
}
