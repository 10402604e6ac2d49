import type { Address } from "viem";
import { type TokenSymbol, unitsForUsd } from "./config";
import type { Tokens } from "./tokens";

const Q96 = 2n ** 96n;
export const MIN_TICK = -887272;
export const MAX_TICK = 887272;

export function sqrtBigInt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = BigInt(Math.floor(Math.sqrt(Number(value))));
  // Newton steps correct the float estimate to the exact floor.
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x && x * x <= value && (x + 1n) * (x + 1n) > value) return x;
    x = next;
  }
}

export interface SortedPair {
  token0: Address;
  token1: Address;
  symbol0: TokenSymbol;
  symbol1: TokenSymbol;
}

export function sortPair(tokens: Tokens, a: TokenSymbol, b: TokenSymbol): SortedPair {
  const aFirst = BigInt(tokens[a]) < BigInt(tokens[b]);
  const [symbol0, symbol1] = aFirst ? [a, b] : [b, a];
  return { token0: tokens[symbol0], token1: tokens[symbol1], symbol0, symbol1 };
}

/** sqrt(token1 per token0 in raw units) as Q64.96, at the world's USD prices. */
export function worldSqrtPriceX96(pair: SortedPair): bigint {
  const usd = 1_000_000;
  return sqrtBigInt((unitsForUsd(pair.symbol1, usd) << 192n) / unitsForUsd(pair.symbol0, usd));
}

export function tickAtSqrtPrice(sqrtPriceX96: bigint): number {
  const price = (Number(sqrtPriceX96) / Number(Q96)) ** 2;
  return Math.floor(Math.log(price) / Math.log(1.0001));
}

export const alignTick = (tick: number, spacing: number) => Math.floor(tick / spacing) * spacing;

export const fullRange = (spacing: number) => ({
  tickLower: Math.ceil(MIN_TICK / spacing) * spacing,
  tickUpper: alignTick(MAX_TICK, spacing),
});

/** Liquidity a full-range position gets from these amounts (L = amount0·√P = amount1/√P), rounded down by 1 %. */
export function fullRangeLiquidity(sqrtPriceX96: bigint, amount0: bigint, amount1: bigint): bigint {
  const from0 = (amount0 * sqrtPriceX96) / Q96;
  const from1 = (amount1 * Q96) / sqrtPriceX96;
  return ((from0 < from1 ? from0 : from1) * 99n) / 100n;
}
