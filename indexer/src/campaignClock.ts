import type { Context } from "ponder:registry";
import { epochClock } from "ponder:schema";
import { epochAt } from "../../lib/campaign/points";
import { campaignRule } from "../campaign";

/**
 * The chain's campaign clock, started at the block of `timestamp` if it has none yet: the first block that can hold
 * the Migrator (the clock's own first block, or a migration in that very block, which runs before it) fixes the
 * campaign's start, from which epochs count.
 */
export async function campaignClock(context: Context, timestamp: number) {
  const chainId = context.chain.id;
  const clock = await context.db.find(epochClock, { chainId });
  if (clock) return clock;
  const rule = campaignRule(timestamp);
  return context.db
    .insert(epochClock)
    .values({ chainId, startTime: rule.startTime, epoch: epochAt(timestamp, rule), unsyncedPositions: [] });
}
