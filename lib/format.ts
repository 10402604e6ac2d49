import { formatUnits } from "viem";

/** A token amount for people: at most `digits` significant fraction digits, grouped thousands. */
export function formatAmount(amount: bigint, decimals: number, digits = 6): string {
  const [whole = "0", fraction = ""] = formatUnits(amount, decimals).split(".");
  const grouped = BigInt(whole).toLocaleString("en-US");
  const trimmed = fraction.slice(0, digits).replace(/0+$/, "");
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** A USD value for people: "$1,234.57". */
export const formatUsd = (usd: number) =>
  usd.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

/** A price (one token in the other, whole tokens) to six significant digits. */
export const formatPrice = (price: number): string => price.toPrecision(6);
