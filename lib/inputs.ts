export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A percentage typed by a person ("50", "12.5") as basis points, with a sentence when it is not valid. */
export function parsePercentage(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter how much of the position to move, from 0.01 to 100%." };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: "Use a number such as 50 or 12.5." };
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return { ok: false, error: "Use at most two decimals." };
  const bps = Math.round(Number(trimmed) * 100);
  if (bps <= 0 || bps > 10_000) return { ok: false, error: "The percentage must be above 0 and at most 100." };
  return { ok: true, value: bps };
}

/**
 * A positive decimal number typed by a person (a price, a health factor), with a sentence naming the field and a
 * realistic example of it when it is not.
 */
export function parsePositiveNumber(text: string, label: string, example = "2500.5"): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: `Enter a ${label}.` };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed))
    return { ok: false, error: `The ${label} must be a number, e.g. ${example}.` };
  const value = Number(trimmed);
  if (!(value > 0) || !Number.isFinite(value)) return { ok: false, error: `The ${label} must be above 0.` };
  return { ok: true, value };
}

/** The slippage tolerance a batch starts with, as typed. */
export const DEFAULT_SLIPPAGE = "0.5";

/**
 * The slippage (basis points) a preview is computed with: the one typed, or the default while the field shows
 * an error, so the preview stays in place behind the error (sending waits for a valid tolerance).
 */
export const previewSlippageBps = (typed: Parsed<number>): number =>
  typed.ok ? typed.value : Math.round(Number(DEFAULT_SLIPPAGE) * 100);

/** A slippage tolerance in percent as basis points: above 0, at most 50%, at most two decimals. */
export function parseSlippage(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: "Slippage must be a number of percent, e.g. 0.5." };
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return { ok: false, error: "Use at most two decimals for slippage." };
  const bps = Math.round(Number(trimmed) * 100);
  if (bps <= 0) return { ok: false, error: "Slippage must be above 0%: a zero tolerance fails on any rounding." };
  if (bps > 5_000) return { ok: false, error: "Slippage above 50% is refused: it would let anyone take half." };
  return { ok: true, value: bps };
}
