import { Alert } from "@/components/Alert";
import type { PriceGuardLevel } from "@/lib/uniswap/priceGuard";

/**
 * What the price guard says about depositing at the destination pool's price, `deviation` away from the source's:
 * nothing, a note, a confirmation the user must tick, or a refusal.
 */
export function PriceGuardAlert({
  guard,
  deviation,
  from,
  to,
  confirmed,
  onConfirm,
}: {
  guard: PriceGuardLevel;
  /** |destination / source − 1|. */
  deviation: number;
  /** "V2". */
  from: string;
  /** "V3". */
  to: string;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const away = `${(deviation * 100).toFixed(2)}%`;
  if (guard === "warn") {
    return (
      <Alert tone="info">
        The {to} pool's price is {away} away from {from}. You deposit at the {to} price; arbitrage may move it.
      </Alert>
    );
  }
  if (guard === "confirm") {
    return (
      <Alert tone="error">
        The {to} pool's price is {away} away from {from}: depositing there loses value to arbitrage.{" "}
        <label className="mt-2 flex items-center gap-2 font-medium">
          <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} />I
          understand and want to migrate at the {to} price
        </label>
      </Alert>
    );
  }
  if (guard === "block") {
    return (
      <Alert tone="error">
        The {to} pool's price is {away} away from {from}. Ferry will not migrate into a pool this far off; pick another
        fee tier.
      </Alert>
    );
  }
  return null;
}
