import type { Address, Hex } from "viem";
import { formatAmount, formatUsd as formatDollars } from "../format";
import type { PoolKey } from "../uniswap/v4/poolKey";
import { type HoldingState, type PointsRule, USD_DECIMALS } from "./points";

/**
 * The indexer's read API (`indexer/src/api/index.ts`) as the app sees it. USD and points are decimal strings with
 * 8 decimals: parse them to bigint with `toBigInt`, format them at the UI edge.
 */
export interface Summary {
  chainId: number;
  asOf: number;
  migrations: number;
  migrators: number;
  migratedUsd: string;
  tvlUsd: string;
  targetUsd: number;
  byRoute: { route: string; migrations: number; migratedUsd: string; tvlUsd: string }[];
  byPool: {
    /** A V3 pool's or Aave's address, or a V4 PoolId. */
    pool: Hex;
    route: string;
    token0: Address;
    token1: Address;
    /** A V4 pool's key, when the indexer could read it. */
    poolKey?: PoolKey;
    migrations: number;
    migratedUsd: string;
    tvlUsd: string;
  }[];
}

export interface DailyTotal {
  day: number;
  migrations: number;
  newMigrators: number;
  migratedUsd: string;
  withdrawnUsd: string;
  tvlUsd: string;
}

/** Migrated USD is a statistic; points and held USD (at the last epoch snapshot) are what rankings use. */
export interface UserStats {
  user: Address;
  migrations: number;
  migratedUsd: string;
  retainedUsd: string;
  heldUsd: string;
  points: string;
}

/** The epoch the chain head is in and when it ends (unix seconds): the next snapshot. */
export interface EpochInfo {
  current: number;
  endsAt: number;
}

/** One migrated position as the last snapshot found it: its credit, its state and the points it earns per epoch. */
export interface PositionHolding {
  kind: "uniswap-v3" | "uniswap-v4" | "aave-v3";
  /** The V3 or V4 token id, or the Aave pool for a lending position. */
  id: string;
  /** A V3 pool's or Aave's address, or a V4 PoolId. */
  pool: Hex;
  /** A V4 position's pool key, when the indexer could read it. */
  poolKey?: PoolKey;
  migratedUsd: string;
  heldUsd: string;
  state: HoldingState;
  pointsPerEpoch: string;
  points: string;
}

/** `/api/users/:address`: one user's stats and positions at the chain head's time. */
export interface UserReport extends UserStats {
  asOf: number;
  epoch: EpochInfo;
  excluded: boolean;
  positions: PositionHolding[];
}

export interface Leaderboard {
  by: LeaderboardOrder;
  asOf: number;
  entries: UserStats[];
}

export type LeaderboardOrder = "points" | "usd";

export interface Campaign {
  chainId: number;
  rule: PointsRule;
  epoch: EpochInfo;
}

/** GETs one API path; a non-2xx answer throws with the indexer's own message. */
export async function fetchStats<T>(indexerUrl: string, path: string): Promise<T> {
  const response = await fetch(`${indexerUrl}${path}`).catch((cause) => {
    throw new IndexerUnreachable(indexerUrl, { cause });
  });
  if (!response.ok) throw new IndexerAnswered(response.status, `${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The indexer's API did not answer at all (down, restarting, blocked). */
export class IndexerUnreachable extends Error {
  constructor(indexerUrl: string, options: ErrorOptions) {
    super(`the indexer at ${indexerUrl} did not answer`, options);
  }
}

/** The indexer's API answered with an HTTP error. */
export class IndexerAnswered extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`the indexer answered ${status} to ${detail}`);
  }
}

/** A failed statistics read as a sentence for people: what is wrong, that the chain is unaffected, what to do. */
export function describeStatsError(error: Error): string {
  if (error instanceof IndexerAnswered) {
    return `Ferry's statistics service answered with an error (HTTP ${error.status}). Your migrations are safe on chain; retry in a moment.`;
  }
  return "Ferry's statistics service (its indexer) cannot be reached right now: it may be restarting. Your migrations are safe on chain; retry in a moment.";
}

/** An 8-decimal USD or points string as a JS number, for charts only (never for sums). */
export const toChartNumber = (value: string) => Number(BigInt(value)) / 10 ** USD_DECIMALS;

/** Percent of the campaign target reached, clamped to 0..100. */
export function targetProgress(tvlUsd: string, targetUsd: number): number {
  if (targetUsd <= 0) return 0;
  return Math.min(100, Math.max(0, (toChartNumber(tvlUsd) / targetUsd) * 100));
}

/** An 8-decimal USD string from the indexer, for people, with the app's one dollar format ("$19,997.70"). */
export const formatUsd = (value: string) => formatDollars(toChartNumber(value));

/** An 8-decimal points string from the indexer, for people. */
export const formatPoints = (value: string) => formatAmount(BigInt(value), USD_DECIMALS, 2);
