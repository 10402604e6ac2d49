import { formatPrice } from "../../format";
import { type Parsed, parsePositiveNumber } from "../../inputs";
import type { PairKind } from "../pairKind";
import { fullRangeTicks, priceAtTick, type TickGrid, tickForPrice } from "./poolMath";

/** Half-widths of the one-click ranges, sized to how far each kind of pair usually moves. */
const PRESET_WIDTHS = {
  stable: { wide: 0.01, medium: 0.005, narrow: 0.001 },
  volatile: { wide: 0.5, medium: 0.25, narrow: 0.1 },
} as const satisfies Record<PairKind, Record<string, number>>;

type SizedPresetId = keyof (typeof PRESET_WIDTHS)[PairKind];
/** "full" is where V2 liquidity comes from and the default; "custom" takes typed bounds. */
export type RangePresetId = "full" | SizedPresetId | "custom";

const widthLabel = (width: number) => `±${Number((width * 100).toFixed(2))}%`;

/** The ranges offered in one click for a kind of pair, in the order shown. */
export function rangePresets(kind: PairKind): { id: RangePresetId; label: string }[] {
  const widths = PRESET_WIDTHS[kind];
  return [
    { id: "full", label: "Full range" },
    { id: "wide", label: widthLabel(widths.wide) },
    { id: "medium", label: widthLabel(widths.medium) },
    { id: "narrow", label: widthLabel(widths.narrow) },
    { id: "custom", label: "Custom" },
  ];
}

/** The typical price moves of a kind of pair: its presets' half-widths, narrowest first. */
export const typicalMoves = (kind: PairKind): number[] => Object.values(PRESET_WIDTHS[kind]).reverse();

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

/**
 * Turns a range choice into ticks snapped to the fee tier's (or pool's) spacing, around the current `price` of token0.
 * A preset is widened to the next usable ticks, so it always contains the price even when narrower than one tick
 * spacing.
 */
export function resolveRange(
  choice: RangeChoice,
  price: number,
  decimals0: number,
  decimals1: number,
  grid: TickGrid,
  kind: PairKind,
): Parsed<ResolvedRange> {
  if (choice.preset === "full") return { ok: true, value: { ...fullRangeTicks(grid), inRange: true } };

  let tickLower: number;
  let tickUpper: number;
  if (choice.preset === "custom") {
    const min = parsePositiveNumber(choice.minPrice, "min price");
    if (!min.ok) return min;
    const max = parsePositiveNumber(choice.maxPrice, "max price");
    if (!max.ok) return max;
    if (min.value >= max.value) return { ok: false, error: "The min price must be below the max price." };
    tickLower = tickForPrice(min.value, decimals0, decimals1, grid);
    tickUpper = tickForPrice(max.value, decimals0, decimals1, grid);
  } else {
    const width = PRESET_WIDTHS[kind][choice.preset];
    tickLower = tickForPrice(price * (1 - width), decimals0, decimals1, grid, "down");
    tickUpper = tickForPrice(price * (1 + width), decimals0, decimals1, grid, "up");
  }
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
 * The range choice after the user picks `preset`. Custom opens on the bounds of the preset picked before (the
 * widest one after full range) rather than empty, so it starts valid; bounds the user typed are kept.
 */
export function pickRangePreset(
  current: RangeChoice,
  preset: RangePresetId,
  price: number,
  kind: PairKind,
): RangeChoice {
  if (preset !== "custom" || current.minPrice !== "" || current.maxPrice !== "") return { ...current, preset };
  const from = current.preset === "full" || current.preset === "custom" ? "wide" : current.preset;
  const width = PRESET_WIDTHS[kind][from];
  return { preset, minPrice: formatPrice(price * (1 - width)), maxPrice: formatPrice(price * (1 + width)) };
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
  grid: TickGrid,
): ResolvedRange {
  const full = fullRangeTicks(grid);
  if (tickLower === full.tickLower && tickUpper === full.tickUpper) return { tickLower, tickUpper, inRange: true };
  const priceLower = priceAtTick(tickLower, decimals0, decimals1);
  const priceUpper = priceAtTick(tickUpper, decimals0, decimals1);
  return { tickLower, tickUpper, priceLower, priceUpper, inRange: price >= priceLower && price < priceUpper };
}

/**
 * A held position's range as the user's own choice would show it (full range, or custom bounds): what a range picker
 * shows, read-only, for a position the migration adds to.
 */
export function rangeChoiceOfTicks(
  tickLower: number,
  tickUpper: number,
  decimals0: number,
  decimals1: number,
  grid: TickGrid,
): RangeChoice {
  const { priceLower, priceUpper } = rangeFromTicks(tickLower, tickUpper, 0, decimals0, decimals1, grid);
  return priceLower === undefined || priceUpper === undefined
    ? { preset: "full", minPrice: "", maxPrice: "" }
    : { preset: "custom", minPrice: formatPrice(priceLower), maxPrice: formatPrice(priceUpper) };
}
