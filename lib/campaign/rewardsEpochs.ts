/**
 * From the indexer's epoch snapshots to the epochs a rewards tree pays. A snapshot closes the epochs since the one
 * before it, all on the value it found (nothing changed in between that a block could show), so each of those epochs
 * splits its budget pro rata to the points that value earns in it.
 */
import type { Address } from "viem";
import { epochPoints, type PointsRule } from "./points";
import type { EpochRewards } from "./rewardsSplit";

/** What one snapshot credited each user with (USD with 8 decimals), and the epochs it closed. */
export interface SnapshotCredits {
  blockNumber: bigint;
  firstEpoch: number;
  epochs: number;
  credits: ReadonlyMap<Address, bigint>;
}

/**
 * Every epoch the snapshots closed, each with `budgetPerEpoch` of `token`. Consecutive epochs of one snapshot earn
 * the same points unless the boost window or the campaign ends between them, so they come grouped (`repeat`): a
 * snapshot after a long pause costs one split per group, not one per epoch. Epochs that earn no points (before the
 * start, after the end) pay nothing and are left out.
 */
export function snapshotEpochRewards(
  snapshots: readonly SnapshotCredits[],
  rule: PointsRule,
  token: Address,
  budgetPerEpoch: bigint,
): EpochRewards[] {
  const epochs: EpochRewards[] = [];
  for (const { firstEpoch, epochs: count, credits } of snapshots) {
    for (const group of pointsGroups(firstEpoch, count, rule)) {
      const points = new Map<Address, bigint>();
      for (const [user, usd] of credits) {
        const earned = epochPoints(usd, group.epoch, rule);
        if (earned > 0n) points.set(user, earned);
      }
      if (points.size > 0) epochs.push({ token, budget: budgetPerEpoch, points, repeat: group.count });
    }
  }
  return epochs;
}

/** `[first, first + count)` cut where the points rate changes: at the campaign's start, the boost's end and its end. */
function pointsGroups(first: number, count: number, rule: PointsRule): { epoch: number; count: number }[] {
  // The first epoch starting at or after `time`: where `epochPoints` changes its multiplier or stops.
  const firstEpochFrom = (time: number) => Math.ceil((time - rule.startTime) / rule.epochSeconds);
  const cuts = [0, firstEpochFrom(rule.startTime + rule.boostDays * 86_400)];
  if (rule.endTime !== undefined) cuts.push(firstEpochFrom(rule.endTime));
  const end = first + count;
  const bounds = [...new Set([first, ...cuts.filter((cut) => cut > first && cut < end), end])].sort((a, b) => a - b);
  return bounds.slice(0, -1).map((epoch, i) => ({ epoch, count: (bounds[i + 1] as number) - epoch }));
}
