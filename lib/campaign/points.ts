/**
 * Points of a liquidity-migration campaign, valued from chain state per epoch (the model of incentive engines like
 * Merkl): at each epoch boundary the indexer values what every migrated position still holds at that block, and that
 * value earns the epoch's points. What is not held at a snapshot earns nothing, so capital held for one block,
 * moved to another address, borrowed against or drained through an off-market pool earns nothing more than it holds.
 * A position's credit never exceeds the value migrated into it.
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
  /** Length of an epoch: the value held at each boundary earns the epoch that ends there. */
  epochSeconds: number;
  /** Points for 1 USD kept in the new version for one day. */
  pointsPerUsdPerDay: number;
  /** The first `boostDays` of the campaign earn `boostMultiplierBps / 10_000` times the points. */
  boostDays: number;
  boostMultiplierBps: number;
  /** Campaign goal in USD of migrated liquidity still in place. */
  targetUsd: number;
  /** The operator's own addresses: they earn no points and stay off the leaderboards. */
  excluded: Address[];
  /** A Uniswap pool priced further than this from the oracle (basis points) earns nothing that epoch. */
  maxPoolDeviationBps: number;
  /** Whether a Uniswap position out of its range at a snapshot earns. */
  outOfRangeEarns: boolean;
}

/** Defaults of the optional fields of a points config file. */
export const RULE_DEFAULTS = { epochSeconds: 3_600, maxPoolDeviationBps: 200, outOfRangeEarns: false } as const;

/** Why a token amount could not be valued: it is then worth 0 and indexing goes on. */
export type Unpriced = "no-decimals" | "no-price";

/** What a migrated position did at the last snapshot: earning, or the reason it earned nothing. */
export type HoldingState = "earning" | "out-of-range" | "off-market" | "withdrawn" | "transferred" | "unpriced";

/** The epoch `timestamp` falls in (0 is the first); -1 before the campaign starts. */
export function epochAt(timestamp: number, rule: PointsRule): number {
  if (timestamp < rule.startTime) return -1;
  return Math.floor((timestamp - rule.startTime) / rule.epochSeconds);
}

/** Start of `epoch`, unix seconds; the epoch ends where the next one starts. */
export const epochStart = (epoch: number, rule: PointsRule) => rule.startTime + epoch * rule.epochSeconds;

/**
 * Points (8 decimals) that `usd` (8 decimals) held at the end of `epoch` earns for it: the daily rate pro rata to the
 * epoch's length, boosted when the epoch starts inside the boost window, nothing for an epoch that starts at or
 * after the campaign's end.
 */
export function epochPoints(usd: bigint, epoch: number, rule: PointsRule): bigint {
  const start = epochStart(epoch, rule);
  if (usd <= 0n || epoch < 0 || start >= (rule.endTime ?? Number.POSITIVE_INFINITY)) return 0n;
  const boosted = start < rule.startTime + rule.boostDays * Number(SECONDS_PER_DAY);
  const multiplierBps = boosted ? BigInt(rule.boostMultiplierBps) : BPS;
  return (
    (usd * pointsPerUsdPerDayScaled(rule) * BigInt(rule.epochSeconds) * multiplierBps) /
    (SECONDS_PER_DAY * BPS * ONE_USD)
  );
}

/**
 * Points `usd` held at a snapshot earns for the `count` epochs from `first` that the snapshot closes (no block in
 * between: the state was the same at each of their ends). Closed form, so a long gap costs no loop.
 */
export function closedEpochsPoints(usd: bigint, first: number, count: number, rule: PointsRule): bigint {
  const from = Math.max(first, 0);
  const to = first + count;
  if (usd <= 0n || to <= from) return 0n;
  const epochsBefore = (time: number) =>
    Math.min(to, Math.max(from, Math.ceil((time - rule.startTime) / rule.epochSeconds)));
  const boostEnd = rule.startTime + rule.boostDays * Number(SECONDS_PER_DAY);
  const earningEnd = epochsBefore(rule.endTime ?? Number.POSITIVE_INFINITY);
  const boostedEnd = Math.min(epochsBefore(boostEnd), earningEnd);
  const boosted = boostedEnd - from;
  const plain = earningEnd - boostedEnd;
  return (
    BigInt(boosted) * (boosted > 0 ? epochPoints(usd, from, rule) : 0n) +
    BigInt(plain) * (plain > 0 ? epochPoints(usd, boostedEnd, rule) : 0n)
  );
}

/** A migrated position as its row keeps it: what the last snapshot credited it and why, and the USD migrated into it. */
export interface CreditedPosition {
  heldUsd: bigint;
  state: HoldingState;
  migratedUsd: bigint;
}

/**
 * Whether no snapshot has valued the position yet: until the first epoch end after its migration its row keeps the
 * defaults (earning, nothing held), while a snapshot that finds nothing to credit names the reason instead.
 */
export const awaitsFirstSnapshot = (held: CreditedPosition) => held.state === "earning" && held.heldUsd === 0n;

/**
 * Points per epoch a position earns in `epoch` if it keeps today's value, by the snapshots' own `epochPoints`: the value
 * the last snapshot credited it or, before its first snapshot, the value migrated into it (the most a snapshot credits).
 * Nothing while the last snapshot found it earning nothing.
 */
export function earningRate(held: CreditedPosition, epoch: number, rule: PointsRule): bigint {
  if (held.state !== "earning") return 0n;
  return epochPoints(awaitsFirstSnapshot(held) ? held.migratedUsd : held.heldUsd, epoch, rule);
}

/** Points per USD per day with 8 decimals, so fractional rates stay exact in bigint. */
function pointsPerUsdPerDayScaled(rule: PointsRule): bigint {
  return BigInt(Math.round(rule.pointsPerUsdPerDay * Number(ONE_POINT)));
}

/** What a position is credited with at a snapshot: what it holds, never more than what was migrated into it. */
export const boundedCredit = (heldUsd: bigint, migratedUsd: bigint) =>
  heldUsd <= 0n ? 0n : heldUsd < migratedUsd ? heldUsd : migratedUsd;

/**
 * How far a V3 pool's price is from the oracle's, in basis points of the oracle's: the pool's token1-per-token0 raw
 * price (sqrtPriceX96² / 2¹⁹²) against price0 · 10^decimals1 / (price1 · 10^decimals0).
 */
export function poolDeviationBps(
  sqrtPriceX96: bigint,
  decimals0: number,
  decimals1: number,
  price0: bigint,
  price1: bigint,
): bigint {
  const pool = sqrtPriceX96 * sqrtPriceX96 * price1 * 10n ** BigInt(decimals0);
  const oracle = (price0 * 10n ** BigInt(decimals1)) << 192n;
  const gap = pool > oracle ? pool - oracle : oracle - pool;
  return (gap * BPS) / oracle;
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
 * A user's lending credit at a snapshot: the net equity still on the new version (collateral of the migrated assets
 * minus all debt, so transfers, withdrawals, later borrows and liquidations all show), never more than was migrated.
 */
export const lendingCredit = (migratedUsd: bigint, collateralUsd: bigint, debtUsd: bigint) =>
  boundedCredit(collateralUsd - debtUsd, migratedUsd);

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
  const rule = (raw && typeof raw === "object" ? { ...RULE_DEFAULTS, ...raw } : null) as Partial<PointsRule> | null;
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
  positive("epochSeconds");
  positive("maxPoolDeviationBps", true);
  if (typeof rule?.outOfRangeEarns !== "boolean") problems.push("outOfRangeEarns must be true or false");
  if (rule?.endTime !== undefined && !(typeof rule.endTime === "number" && rule.endTime > (rule.startTime ?? 0))) {
    problems.push("endTime must be a number after startTime");
  }
  if (!Array.isArray(rule?.excluded) || !rule.excluded.every((a) => /^0x[0-9a-fA-F]{40}$/.test(String(a)))) {
    problems.push("excluded must be an array of addresses");
  }
  if (problems.length > 0) throw new Error(`invalid points rule: ${problems.join("; ")}`);
  return rule as PointsRule;
}
