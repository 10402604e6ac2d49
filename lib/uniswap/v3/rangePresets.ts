import { type Parsed, parsePositiveNumber } from "../../inputs";
import { type FeeTier, fullRangeTicks, priceAtTick, tickForPrice } from "./poolMath";

/** Ranges offered in one click; "full" is where V2 liquidity comes from and the default. */
export const RANGE_PRESETS = [
  { id: "full", label: "Full range", width: undefined },
  { id: "wide", label: "±50%", width: 0.5 },
  { id: "medium", label: "±25%", width: 0.25 },
  { id: "narrow", label: "±10%", width: 0.1 },
  { id: "custom", label: "Custom", width: undefined },
] as const;

export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];

export interface RangeChoice {
  preset: RangePresetId;
  /** Custom bounds as typed, in token1 per token0. */
  minPrice: string;
  maxPrice: string;
}

export interface ResolvedRange {
  tickLower: number;
  tickUpper: number;
  /** Bounds as the snapped ticks give them; undefined for full range. */
  priceLower?: number;
  priceUpper?: number;
  /** Whether the current price lies inside: an out-of-range position earns no fees and holds one token. */
  inRange: boolean;
}

/** Turns a range choice into ticks snapped to the fee tier's spacing, around the current `price` of token0. */
export function resolveRange(
  choice: RangeChoice,
  price: number,
  decimals0: number,
  decimals1: number,
  fee: FeeTier,
): Parsed<ResolvedRange> {
  if (choice.preset === "full") return { ok: true, value: { ...fullRangeTicks(fee), inRange: true } };

  let lower: number;
  let upper: number;
  if (choice.preset === "custom") {
    const min = parsePositiveNumber(choice.minPrice, "min price");
    if (!min.ok) return min;
    const max = parsePositiveNumber(choice.maxPrice, "max price");
    if (!max.ok) return max;
    if (min.value >= max.value) return { ok: false, error: "The min price must be below the max price." };
    [lower, upper] = [min.value, max.value];
  } else {
    const width = RANGE_PRESETS.find((preset) => preset.id === choice.preset)?.width ?? 0;
    [lower, upper] = [price * (1 - width), price * (1 + width)];
  }
  const tickLower = tickForPrice(lower, decimals0, decimals1, fee);
  const tickUpper = tickForPrice(upper, decimals0, decimals1, fee);
  if (tickLower >= tickUpper) {
    return { ok: false, error: "The range is narrower than one tick of this fee tier: widen it." };
  }
  const priceLower = priceAtTick(tickLower, decimals0, decimals1);
  const priceUpper = priceAtTick(tickUpper, decimals0, decimals1);
  return {
    ok: true,
    value: { tickLower, tickUpper, priceLower, priceUpper, inRange: price >= priceLower && price < priceUpper },
  };
}

/**
 * The range of ticks fixed elsewhere (a held position's), with its price bounds and whether `price` (token0 in
 * token1) lies inside; the fee tier's widest range reads as full range, as `resolveRange` gives it.
 */
export function rangeFromTicks(
  tickLower: number,
  tickUpper: number,
  price: number,
  decimals0: number,
  decimals1: number,
  fee: FeeTier,
): ResolvedRange {
  const full = fullRangeTicks(fee);
  if (tickLower === full.tickLower && tickUpper === full.tickUpper) return { tickLower, tickUpper, inRange: true };
  const priceLower = priceAtTick(tickLower, decimals0, decimals1);
  const priceUpper = priceAtTick(tickUpper, decimals0, decimals1);
  return { tickLower, tickUpper, priceLower, priceUpper, inRange: price >= priceLower && price < priceUpper };
}
