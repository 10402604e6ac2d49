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
