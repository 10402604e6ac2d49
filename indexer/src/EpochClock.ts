import { type Context, ponder } from "ponder:registry";
import { epochClock, epochSnapshot, lendingPosition, position, userSnapshot, userTotal } from "ponder:schema";
import { eq } from "ponder";
import type { Address } from "viem";
import { closedEpochsPoints, epochAt, epochPoints, isExcluded, type PointsRule } from "../../lib/campaign/points";
import { campaignRule } from "../campaign";
import { indexedChain } from "../chains";
import { campaignClock } from "./campaignClock";
import { type Holding, valueLendings } from "./holdings";
import { syncPositions } from "./positionState";
import { insertRows, rewriteRows } from "./rewriteRows";
import { valueUniswapPositions } from "./uniswapHoldings";

const chain = indexedChain(process.env);
const chainId = chain.id;

/**
 * Every block: positions migrated in it have their chain state read at its end (the handler runs after the block's
 * logs; src/positionState.ts), and the first block of a later epoch takes the snapshot that closes the epochs since the
 * last one. The clock is a table row, so a restart resumes where it stopped and a reorg rolls it back with the blocks:
 * no epoch is paid twice. Its first block (the first that can hold the Migrator) fixes the campaign's start, from which
 * epochs count.
 */
ponder.on("EpochClock:block", async ({ event, context }) => {
  const timestamp = Number(event.block.timestamp);
  const { startTime, epoch: lastEpoch, unsyncedPositions } = await campaignClock(context, timestamp);
  if (unsyncedPositions.length > 0) {
    await syncPositions(context, chain, event.block.number, unsyncedPositions);
    await context.db.update(epochClock, { chainId }).set({ unsyncedPositions: [] });
  }
  const rule = campaignRule(startTime);
  const epoch = epochAt(timestamp, rule);
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
  // Only the columns a snapshot values and writes back: 10,000 whole rows are a result of megabytes.
  const [positions, lendings, userRows] = await Promise.all([
    context.db.sql
      .select({
        chainId: position.chainId,
        positionManager: position.positionManager,
        tokenId: position.tokenId,
        user: position.user,
        owner: position.owner,
        pool: position.pool,
        migratedUsd: position.migratedUsd,
        positionLiquidity: position.positionLiquidity,
        tickLower: position.tickLower,
        tickUpper: position.tickUpper,
        token0: position.token0,
        token1: position.token1,
        points: position.points,
      })
      .from(position)
      .where(eq(position.chainId, chainId)),
    context.db.sql
      .select({
        chainId: lendingPosition.chainId,
        user: lendingPosition.user,
        pool: lendingPosition.pool,
        assets: lendingPosition.assets,
        migratedUsd: lendingPosition.migratedUsd,
        points: lendingPosition.points,
      })
      .from(lendingPosition)
      .where(eq(lendingPosition.chainId, chainId)),
    context.db.sql
      .select({ chainId: userTotal.chainId, user: userTotal.user, points: userTotal.points })
      .from(userTotal)
      .where(eq(userTotal.chainId, chainId)),
  ]);
  const [positionHoldings, lendingHoldings] = await Promise.all([
    valueUniswapPositions(context, chain, rule, block, positions),
    valueLendings(context, chain, block, lendings),
  ]);

  const users = new Map<Address, { heldUsd: bigint; points: bigint }>();
  /** Credits one position's holding to its row's user; returns its row with the columns a snapshot keeps. */
  const credit = <Row extends { user: Address; points: bigint }>(held: Row, holding: Holding) => {
    const earns = !isExcluded(held.user, rule);
    const points = earns ? closedEpochsPoints(holding.heldUsd, first, count, rule) : 0n;
    const total = users.get(held.user) ?? { heldUsd: 0n, points: 0n };
    users.set(held.user, { heldUsd: total.heldUsd + holding.heldUsd, points: total.points + points });
    // The rate the position earns if it keeps this value: one epoch of the current one.
    const pointsPerEpoch = earns ? epochPoints(holding.heldUsd, first + count, rule) : 0n;
    return { ...held, heldUsd: holding.heldUsd, state: holding.state, pointsPerEpoch, points: held.points + points };
  };
  const heldColumns = ["heldUsd", "state", "pointsPerEpoch", "points"] as const;

  await rewriteRows(
    context,
    position,
    ["chainId", "positionManager", "tokenId"],
    positions.map((held, i) => credit(held, positionHoldings[i] as Holding)),
    heldColumns,
  );
  await rewriteRows(
    context,
    lendingPosition,
    ["chainId", "user"],
    lendings.map((held, i) => credit(held, lendingHoldings[i] as Holding)),
    heldColumns,
  );

  let heldUsd = 0n;
  let points = 0n;
  for (const total of users.values()) {
    heldUsd += total.heldUsd;
    points += total.points;
  }
  await rewriteRows(
    context,
    userTotal,
    ["chainId", "user"],
    userRows.flatMap((row) => {
      const total = users.get(row.user);
      return total ? [{ ...row, heldUsd: total.heldUsd, points: row.points + total.points }] : [];
    }),
    ["heldUsd", "points"],
  );
  await insertRows(
    context,
    userSnapshot,
    [...users].flatMap(([user, total]) =>
      total.points > 0n ? [{ chainId, blockNumber: block.number, user, heldUsd: total.heldUsd }] : [],
    ),
  );
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
