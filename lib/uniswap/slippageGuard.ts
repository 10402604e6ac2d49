/**
 * Slippage tolerances worth a word before signing (basis points). Uniswap's interface warns above 5% that the
 * transaction may be front-run; above 20% Ferry asks the user to confirm, since anyone can take that share.
 */
export const SLIPPAGE_GUARD = { warnAboveBps: 500, confirmAboveBps: 2_000 } as const;

export type SlippageGuardLevel = "ok" | "warn" | "confirm";

export function slippageGuardLevel(bps: number): SlippageGuardLevel {
  if (bps > SLIPPAGE_GUARD.confirmAboveBps) return "confirm";
  if (bps > SLIPPAGE_GUARD.warnAboveBps) return "warn";
  return "ok";
}
