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

/**
 * A token amount rounded for reading ("0.00018", "5.00", "10,000"): two significant digits below 1, cents up to a
 * thousand, whole units above. Show the exact `formatUnits` figure beside it (a title) where the exact value matters.
 */
export function formatRounded(amount: bigint, decimals: number): string {
  const value = Number(formatUnits(amount, decimals));
  if (value === 0) return "0";
  if (value < 1) return value.toLocaleString("en-US", { maximumSignificantDigits: 2 });
  if (value < 1_000) return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return value.toLocaleString("en-US", { maximumFractionDigits: 0 });
}

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "always" });
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 20 minutes" / "3 hours ago": whole units, rounded toward now, so a deadline never reads later than it is. */
function relativeTime(seconds: number): string {
  const size = Math.abs(seconds);
  if (size < MINUTE) return seconds >= 0 ? "in less than a minute" : "less than a minute ago";
  const [unit, length] =
    size < 2 * HOUR
      ? (["minute", MINUTE] as const)
      : size < 2 * DAY
        ? (["hour", HOUR] as const)
        : (["day", DAY] as const);
  return RELATIVE.format(Math.trunc(seconds / length), unit);
}

/**
 * A moment (unix seconds) for people, relative to `now` and at the reader's local clock: "in 20 minutes, at 14:32",
 * with the date when it is not today ("in 2 days, at 09:15 on 3 Dec"). `timeZone` defaults to the reader's own.
 */
export function formatMoment(at: number, now: number, timeZone?: string): string {
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
  const day = date.format(at * 1000);
  const sameDay = day === date.format(now * 1000);
  return `${relativeTime(at - now)}, at ${clock.format(at * 1000)}${sameDay ? "" : ` on ${day}`}`;
}

/** The exact moment (unix seconds) in UTC, for a title beside `formatMoment`: "2023-11-14 22:23:20 UTC". */
export const formatUtc = (at: number) => `${new Date(at * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`;
