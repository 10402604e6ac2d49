import { type Context, ponder } from "ponder:registry";
import { epochClock, epochSnapshot, lendingPosition, position, userSnapshot, userTotal } from "ponder:schema";
import { eq } from "ponder";
import type { Address } from "viem";
import { closedEpochsPoints, epochAt, epochPoints, isExcluded, type PointsRule } from "../../lib/campaign/points";
import { campaignRule } from "../campaign";
import { indexedChain } from "../chains";
import { type Holding, valueLendings } from "./holdings";
import { valueUniswapPositions } from "./uniswapV4Holdings";

const chain = indexedChain(process.env);
const chainId = chain.id;

/**
 * Every block: the first block of a later epoch takes the snapshot that closes the epochs since the last one. The clock
 * is a table row, so a restart resumes where it stopped and a reorg rolls it back with the blocks: no epoch is paid twice.
 * Its first block (the first that can hold the Migrator) fixes the campaign's start, from which epochs count.
 */
ponder.on("EpochClock:block", async ({ event, context }) => {
  const timestamp = Number(event.block.timestamp);
  const clock = await context.db.find(epochClock, { chainId });
  if (!clock) {
    const rule = campaignRule(timestamp);
    await context.db.insert(epochClock).values({ chainId, startTime: rule.startTime, epoch: epochAt(timestamp, rule) });
    return;
  }
  const rule = campaignRule(clock.startTime);
  const epoch = epochAt(timestamp, rule);
  const lastEpoch = clock.epoch;
  if (epoch <= lastEpoch) return;
  await context.db.update(epochClock, { chainId }).set({ epoch });
  await snapshot(context, rule, event.block, lastEpoch, epoch - lastEpoch);
});

/**
 * Values every migrated position from chain state at `block` and pays it the `count` epochs from `first` it closes.
 * Each position's row keeps its credit, state and earning rate; each user's its held USD and points.
 */
async function snapshot(
  context: Context,
  rule: PointsRule,
  block: { number: bigint; timestamp: bigint; hash: `0x${string}` },
  first: number,
  count: number,
): Promise<void> {
  const [positions, lendings] = await Promise.all([
    context.db.sql.select().from(position).where(eq(position.chainId, chainId)),
    context.db.sql.select().from(lendingPosition).where(eq(lendingPosition.chainId, chainId)),
  ]);
  const [positionHoldings, lendingHoldings] = await Promise.all([
    valueUniswapPositions(context, chain, rule, block, positions),
    valueLendings(context, chain, block, lendings),
  ]);

  const users = new Map<Address, { heldUsd: bigint; points: bigint }>();
  /** Credits one position's holding to its row's user; returns the columns its row keeps. */
  const credit = (user: Address, holding: Holding) => {
    const earns = !isExcluded(user, rule);
    const points = earns ? closedEpochsPoints(holding.heldUsd, first, count, rule) : 0n;
    const total = users.get(user) ?? { heldUsd: 0n, points: 0n };
    users.set(user, { heldUsd: total.heldUsd + holding.heldUsd, points: total.points + points });
    // The rate the position earns if it keeps this value: one epoch of the current one.
    const pointsPerEpoch = earns ? epochPoints(holding.heldUsd, first + count, rule) : 0n;
    return { points, columns: { heldUsd: holding.heldUsd, state: holding.state, pointsPerEpoch } };
  };

  for (const [i, held] of positions.entries()) {
    const { points, columns } = credit(held.user, positionHoldings[i] as Holding);
    await context.db
      .update(position, { chainId, positionManager: held.positionManager, tokenId: held.tokenId })
      .set((row) => ({ ...columns, points: row.points + points }));
  }
  for (const [i, held] of lendings.entries()) {
    const { points, columns } = credit(held.user, lendingHoldings[i] as Holding);
    await context.db
      .update(lendingPosition, { chainId, user: held.user })
      .set((row) => ({ ...columns, points: row.points + points }));
  }

  let heldUsd = 0n;
  let points = 0n;
  for (const [user, total] of users) {
    heldUsd += total.heldUsd;
    points += total.points;
    await context.db
      .update(userTotal, { chainId, user })
      .set((row) => ({ heldUsd: total.heldUsd, points: row.points + total.points }));
    if (total.points > 0n) {
      await context.db
        .insert(userSnapshot)
        .values({ chainId, blockNumber: block.number, user, heldUsd: total.heldUsd });
    }
  }
  await context.db.insert(epochSnapshot).values({
    chainId,
    blockNumber: block.number,
    timestamp: Number(block.timestamp),
    firstEpoch: first,
    epochs: count,
    positions: positions.length + lendings.length,
    heldUsd,
    points,
  });
}
