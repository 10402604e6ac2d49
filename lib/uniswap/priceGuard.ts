/**
 * How far the V3 pool's price may be from the V2 pair's before Ferry warns, asks for an explicit confirmation,
 * or refuses: migrating into a mispriced pool hands the difference to arbitrageurs.
 */
export const PRICE_GUARD = { warnAt: 0.02, confirmAt: 0.05, blockAt: 0.15 } as const;

export type PriceGuardLevel = "ok" | "warn" | "confirm" | "block";

export function priceGuardLevel(deviation: number): PriceGuardLevel {
  if (deviation >= PRICE_GUARD.blockAt) return "block";
  if (deviation >= PRICE_GUARD.confirmAt) return "confirm";
  if (deviation >= PRICE_GUARD.warnAt) return "warn";
  return "ok";
}
