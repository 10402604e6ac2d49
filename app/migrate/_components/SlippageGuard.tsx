import { Alert } from "@/components/Alert";
import type { SlippageGuardLevel } from "@/lib/uniswap/slippageGuard";

/** What a high slippage tolerance risks, and above the high bound the box the user ticks to accept it. */
export function SlippageGuard({
  level,
  percent,
  confirmed,
  onConfirm,
}: {
  level: SlippageGuardLevel;
  /** The tolerance as typed, in percent. */
  percent: string;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  if (level === "ok") return null;
  const risk = `With ${percent}% slippage, bots can trade against your deposit and you may receive up to ${percent}% less than the preview.`;
  if (level === "warn") {
    return <Alert tone="info">High slippage. {risk} Most migrations need 0.5% or less.</Alert>;
  }
  return (
    <Alert tone="error">
      Very high slippage. {risk}{" "}
      <label className="mt-2 flex items-center gap-2 font-medium">
        <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} />I accept
        losing up to {percent}% to price moves
      </label>
    </Alert>
  );
}
