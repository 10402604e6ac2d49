/**
 * Points of a liquidity-migration campaign: points accrue per USD per day that migrated liquidity *stays* in the
 * new version, so only time in the new version earns. Pulling liquidity out stops its accrual at once, which makes
 * wash migrations (migrate, pull out, migrate again) earn no more than keeping the first migration.
 *
 * Amounts are bigints: USD and points carry 8 decimals, like the Aave oracle's prices.
 */
import type { Address } from "viem";

export const USD_DECIMALS = 8;
export const ONE_USD = 10n ** BigInt(USD_DECIMALS);
export const ONE_POINT = 10n ** BigInt(USD_DECIMALS);
const SECONDS_PER_DAY = 86_400n;
const BPS = 10_000n;

export interface PointsRule {
  /** Campaign window, unix seconds; liquidity earns only inside it (end exclusive; undefined: open-ended). */
  startTime: number;
  endTime?: number;
  /** Points for 1 USD kept in the new version for one day. */
  pointsPerUsdPerDay: number;
  /** The first `boostDays` of the campaign earn `boostMultiplierBps / 10_000` times the points. */
  boostDays: number;
  boostMultiplierBps: number;
  /** Campaign goal in USD of migrated liquidity still in place. */
  targetUsd: number;
  /** The operator's own addresses: they earn no points and stay off the leaderboards. */
  excluded: Address[];
}

/** Points (8 decimals) earned by `usd` (8 decimals) kept in the new version from `from` to `to` (unix seconds). */
export function accruedPoints(usd: bigint, from: number, to: number, rule: PointsRule): bigint {
  const start = Math.max(from, rule.startTime);
  const end = Math.min(to, rule.endTime ?? Number.POSITIVE_INFINITY);
  if (usd <= 0n || end <= start) return 0n;
  const boostEnd = rule.startTime + rule.boostDays * Number(SECONDS_PER_DAY);
  const boosted = Math.max(0, Math.min(end, boostEnd) - start);
  const plain = end - start - boosted;
  const weightedSeconds = BigInt(boosted) * BigInt(rule.boostMultiplierBps) + BigInt(plain) * BPS;
  return (usd * pointsPerUsdPerDayScaled(rule) * weightedSeconds) / (SECONDS_PER_DAY * BPS * ONE_USD);
}

/** Points per USD per day with 8 decimals, so fractional rates stay exact in bigint. */
function pointsPerUsdPerDayScaled(rule: PointsRule): bigint {
  return BigInt(Math.round(rule.pointsPerUsdPerDay * Number(ONE_POINT)));
}

export function isExcluded(user: Address, rule: PointsRule): boolean {
  const lower = user.toLowerCase();
  return rule.excluded.some((address) => address.toLowerCase() === lower);
}

/** Migrated liquidity still in a destination position, and the USD it is credited with. */
export interface RetainedLiquidity {
  liquidity: bigint;
  usd: bigint;
}

/**
 * What stays credited after `removed` liquidity leaves a position: USD falls pro rata. Every decrease counts against
 * the migrated liquidity first, so liquidity added outside Ferry cannot shield it.
 */
export function afterDecrease(retained: RetainedLiquidity, removed: bigint): RetainedLiquidity {
  if (removed >= retained.liquidity) return { liquidity: 0n, usd: 0n };
  const liquidity = retained.liquidity - removed;
  return { liquidity, usd: (retained.usd * liquidity) / retained.liquidity };
}

/** A lending migration valued in USD (8 decimals): collateral and debt moved, and the net liquidity it credits. */
export interface LendingValue {
  collateralUsd: bigint;
  debtUsd: bigint;
  /** Collateral minus debt, never below zero: the liquidity the migration actually brought to the new version. */
  usd: bigint;
}

/** Net value of a lending migration from the USD values of its collateral and debt legs. */
export function lendingValue(collateralUsd: readonly bigint[], debtUsd: readonly bigint[]): LendingValue {
  const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);
  const collateral = sum(collateralUsd);
  const debt = sum(debtUsd);
  return { collateralUsd: collateral, debtUsd: debt, usd: collateral > debt ? collateral - debt : 0n };
}

/**
 * What stays credited to a user's lending migrations after they withdraw `withdrawnUsd` of a migrated asset from the
 * new version: the credit falls by the withdrawn value, never below zero. Every withdrawal counts against migrated
 * value first, so supply added outside Ferry cannot shield it, and migrate → withdraw → migrate earns no more than
 * staying.
 */
export function afterWithdraw(retainedUsd: bigint, withdrawnUsd: bigint): bigint {
  if (withdrawnUsd <= 0n) return retainedUsd;
  return withdrawnUsd >= retainedUsd ? 0n : retainedUsd - withdrawnUsd;
}

/** USD value (8 decimals) of `amount` raw units of a token with `decimals`, at an 8-decimal oracle `price`. */
export function usdValue(amount: bigint, decimals: number, price: bigint): bigint {
  return (amount * price) / 10n ** BigInt(decimals);
}

/** Checks a rule read from a config file and says exactly what is wrong. */
export function parsePointsRule(raw: unknown): PointsRule {
  const rule = raw as Partial<PointsRule> | null;
  const problems: string[] = [];
  const positive = (name: keyof PointsRule, allowZero = false) => {
    const value = rule?.[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      problems.push(`${name} must be a ${allowZero ? "non-negative" : "positive"} number`);
    }
  };
  positive("startTime");
  positive("pointsPerUsdPerDay");
  positive("boostDays", true);
  positive("boostMultiplierBps");
  positive("targetUsd");
  if (rule?.endTime !== undefined && !(typeof rule.endTime === "number" && rule.endTime > (rule.startTime ?? 0))) {
    problems.push("endTime must be a number after startTime");
  }
  if (!Array.isArray(rule?.excluded) || !rule.excluded.every((a) => /^0x[0-9a-fA-F]{40}$/.test(String(a)))) {
    problems.push("excluded must be an array of addresses");
  }
  if (problems.length > 0) throw new Error(`invalid points rule: ${problems.join("; ")}`);
  return rule as PointsRule;
}
