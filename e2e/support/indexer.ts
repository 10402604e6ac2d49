import { advanceTime } from "../../devnet/market";
import { type Campaign, fetchStats, type PositionHolding, type UserReport } from "../../lib/campaign/stats";
import { e2eEnv } from "./env";

// Waiting on the e2e indexer: its campaign rule, its epoch snapshots and a user's positions once listed.

/** The points rule as the indexer applies it: the campaign counts its epochs from Ferry's deployment on this chain. */
export const appliedRule = async () => (await fetchStats<Campaign>(e2eEnv("indexerUrl"), "/api/campaign")).rule;

/** Moves the chain to the start of the next epoch and mines the block there: the indexer snapshots it. */
export async function crossEpoch(chain: { getBlock(): Promise<{ timestamp: bigint }> }) {
  const rule = await appliedRule();
  const now = Number((await chain.getBlock()).timestamp);
  const next = rule.startTime + (Math.floor((now - rule.startTime) / rule.epochSeconds) + 1) * rule.epochSeconds;
  await advanceTime(e2eEnv("rpcUrl"), next - now);
  return next;
}

/**
 * The user's report once the indexer lists the position `tokenId` migrated with `usd`: after the earlier tests' reverts
 * the indexer first replays those reorgs (until then it can list a reverted test's position under the same id), which
 * on a loaded 2-core machine has taken longer than one UI assertion waits.
 */
export async function reportListing(
  user: string,
  kind: PositionHolding["kind"],
  tokenId: bigint,
  usd: bigint,
): Promise<UserReport> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const report = await fetchStats<UserReport>(e2eEnv("indexerUrl"), `/api/users/${user}`).catch(() => undefined);
    const listed = report?.positions.some(
      (held) => held.kind === kind && held.id === tokenId.toString() && held.migratedUsd === usd.toString(),
    );
    if (listed) return report as UserReport;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the indexer did not list position #${tokenId} within 60 s`);
}

export interface EpochSnapshot {
  timestamp: number;
  firstEpoch: number;
  epochs: number;
}

/** The indexer's latest snapshot once it has taken one at or after `since`. */
export async function snapshotSince(since: number): Promise<EpochSnapshot> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const [latest] = await fetchStats<EpochSnapshot[]>(e2eEnv("indexerUrl"), "/api/epochs?limit=1");
    if (latest && latest.timestamp >= since) return latest;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no epoch snapshot since ${since}`);
}
