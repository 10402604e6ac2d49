import { Percent, Token } from "@uniswap/sdk-core";
import {
  encodeSqrtRatioX96,
  type FeeAmount,
  nearestUsableTick,
  Pool,
  Position,
  TICK_SPACINGS,
  TickMath,
} from "@uniswap/v3-sdk";
import JSBI from "jsbi";
import type { Address } from "viem";

/** Fee tiers of the V3 factory (0.01% enabled as on mainnet), in hundredths of a basis point. */
export const FEE_TIERS = [100, 500, 3000, 10_000] as const;
export type FeeTier = (typeof FEE_TIERS)[number];

export const tickSpacing = (fee: FeeTier): number => TICK_SPACINGS[fee as FeeAmount];

/**
 * The ticks a position may use: a V3 fee tier (its spacing is fixed by the factory), or any pool with its own
 * spacing (a Uniswap V4 pool key).
 */
export type TickGrid = FeeTier | { tickSpacing: number };

const spacingOf = (grid: TickGrid): number => (typeof grid === "number" ? tickSpacing(grid) : grid.tickSpacing);

const Q96 = 2n ** 96n;
const toBig = (value: JSBI) => BigInt(value.toString());

/** The widest range a pool of this fee tier (or tick spacing) allows: V2's "full range". */
export function fullRangeTicks(grid: TickGrid): { tickLower: number; tickUpper: number } {
  const spacing = spacingOf(grid);
  return {
    tickLower: nearestUsableTick(TickMath.MIN_TICK, spacing),
    tickUpper: nearestUsableTick(TickMath.MAX_TICK, spacing),
  };
}

/** The V2 pair's price as a V3 sqrtPriceX96 (token1 per token0, raw units). */
export function sqrtPriceX96FromReserves(reserve0: bigint, reserve1: bigint): bigint {
  return toBig(encodeSqrtRatioX96(reserve1.toString(), reserve0.toString()));
}

/** Price of token0 in token1, in whole tokens, from a sqrtPriceX96. */
export function priceFromSqrtPriceX96(sqrtPriceX96: bigint, decimals0: number, decimals1: number): number {
  const raw = Number(sqrtPriceX96) / Number(Q96);
  return raw * raw * 10 ** (decimals0 - decimals1);
}

/**
 * The usable tick for a price of token0 in token1 (whole tokens), for a fee tier's (or pool's) spacing: the nearest,
 * or the one at or below (`down`) or at or above (`up`) the price, so that a range can be widened to contain it.
 */
export function tickForPrice(
  price: number,
  decimals0: number,
  decimals1: number,
  grid: TickGrid,
  rounding: "nearest" | "down" | "up" = "nearest",
): number {
  if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price must be positive, got ${price}`);
  const rawPrice = price * 10 ** (decimals1 - decimals0);
  const exact = Math.log(rawPrice) / Math.log(1.0001);
  if (rounding === "nearest") {
    const clamped = Math.min(Math.max(Math.round(exact), TickMath.MIN_TICK), TickMath.MAX_TICK);
    return nearestUsableTick(clamped, spacingOf(grid));
  }
  const spacing = spacingOf(grid);
  const snapped = (rounding === "down" ? Math.floor(exact / spacing) : Math.ceil(exact / spacing)) * spacing;
  const { tickLower, tickUpper } = fullRangeTicks(grid);
  return Math.min(Math.max(snapped, tickLower), tickUpper);
}

/** Price of token0 in token1 (whole tokens) at a tick. */
export function priceAtTick(tick: number, decimals0: number, decimals1: number): number {
  return 1.0001 ** tick * 10 ** (decimals0 - decimals1);
}

/** Relative difference between two prices given as sqrtPriceX96: |b/a − 1|. */
export function priceDeviation(sqrtPriceA: bigint, sqrtPriceB: bigint): number {
  const ratio = Number(sqrtPriceB) / Number(sqrtPriceA);
  return Math.abs(ratio * ratio - 1);
}

/**
 * sqrtPriceX96 bounds for a price allowed to move by `bps` either way: √(P·(1−d)) and √(P·(1+d)).
 * The Migrator checks the pool's price against them right before minting.
 */
export function sqrtPriceBounds(sqrtPriceX96: bigint, bps: number): { min: bigint; max: bigint } {
  const scale = 1_000_000_000n;
  const factor = (x: number) => BigInt(Math.floor(Math.sqrt(x) * Number(scale)));
  const min = (sqrtPriceX96 * factor(1 - bps / 10_000)) / scale;
  const max = (sqrtPriceX96 * factor(1 + bps / 10_000)) / scale;
  return {
    min: min < toBig(TickMath.MIN_SQRT_RATIO) ? toBig(TickMath.MIN_SQRT_RATIO) : min,
    max: max > toBig(TickMath.MAX_SQRT_RATIO) ? toBig(TickMath.MAX_SQRT_RATIO) : max,
  };
}

export interface DepositInput {
  chainId: number;
  token0: { address: Address; decimals: number };
  token1: { address: Address; decimals: number };
  fee: FeeTier;
  sqrtPriceX96: bigint;
  tickLower: number;
  tickUpper: number;
  amount0: bigint;
  amount1: bigint;
  slippageBps: number;
}

/**
 * What a V3 mint of these amounts deposits at the pool's price (the most liquidity both amounts allow, as the
 * position manager computes it), and the minimum amounts within the slippage tolerance (v3-sdk's
 * mintAmountsWithSlippage: the amounts at the edges of the tolerated price band).
 */
export function depositPreview(input: DepositInput) {
  const token0 = new Token(input.chainId, input.token0.address, input.token0.decimals);
  const token1 = new Token(input.chainId, input.token1.address, input.token1.decimals);
  const sqrtPrice = JSBI.BigInt(input.sqrtPriceX96.toString());
  const pool = new Pool(token0, token1, input.fee, sqrtPrice, 0, TickMath.getTickAtSqrtRatio(sqrtPrice));
  const position = Position.fromAmounts({
    pool,
    tickLower: input.tickLower,
    tickUpper: input.tickUpper,
    amount0: input.amount0.toString(),
    amount1: input.amount1.toString(),
    useFullPrecision: true,
  });
  const { amount0, amount1 } = position.mintAmounts;
  const minimums = position.mintAmountsWithSlippage(new Percent(input.slippageBps, 10_000));
  return {
    liquidity: toBig(position.liquidity),
    amount0: toBig(amount0),
    amount1: toBig(amount1),
    amount0Min: toBig(minimums.amount0),
    amount1Min: toBig(minimums.amount1),
  };
}
