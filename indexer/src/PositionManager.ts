import { type Context, ponder } from "ponder:registry";
import { position } from "ponder:schema";
import type { Address } from "viem";
import { afterDecrease } from "../../lib/campaign/points";
import { followedLiquidity } from "./positionState";
import { applyRetainedChange } from "./totals";

// Rows from `find` are the indexing cache's own objects, which `update` mutates: read what is needed first.

/** A destination position's row key. */
export interface PositionKey {
  chainId: number;
  positionManager: Address;
  tokenId: bigint;
}

/** The event's block: its number orders it against the position's state read, its time dates the totals. */
interface EventBlock {
  number: bigint;
  timestamp: bigint;
}

/** Liquidity added to a followed position (outside Ferry, or by a later migration): its chain state only. */
export async function increaseLiquidity(context: Context, key: PositionKey, added: bigint, block: EventBlock) {
  const held = await context.db.find(position, key);
  if (!held) return;
  const positionLiquidity = followedLiquidity(held, added, block.number);
  if (positionLiquidity !== undefined) await context.db.update(position, key).set({ positionLiquidity });
}

/** Liquidity leaving a followed position: its chain state, and migrated liquidity pulled out stops counting at once. */
export async function decreaseLiquidity(
  context: Context,
  key: PositionKey,
  removed: bigint,
  block: EventBlock,
): Promise<void> {
  const held = await context.db.find(position, key);
  if (!held) return;
  const { user, pool, retainedUsd, liquidity } = held;
  const positionLiquidity = followedLiquidity(held, -removed, block.number);
  const followed = positionLiquidity === undefined ? {} : { positionLiquidity };
  if (liquidity === 0n) {
    if (positionLiquidity !== undefined) await context.db.update(position, key).set(followed);
    return;
  }
  const after = afterDecrease({ liquidity, usd: retainedUsd }, removed);
  await context.db.update(position, key).set({ liquidity: after.liquidity, retainedUsd: after.usd, ...followed });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user,
    pool,
    timestamp: Number(block.timestamp),
    retainedDelta: after.usd - retainedUsd,
  });
}

/**
 * A followed position's owner follows its transfers (a burn transfers it to the zero address). One that leaves its
 * migrator no longer counts as retained for anyone; a snapshot credits it again only if it is back with the migrator.
 */
export async function transferPosition(context: Context, key: PositionKey, to: Address, timestamp: bigint) {
  const held = await context.db.find(position, key);
  if (!held || to.toLowerCase() === held.owner.toLowerCase()) return;
  const { user, pool, retainedUsd, liquidity } = held;
  if (liquidity === 0n) {
    await context.db.update(position, key).set({ owner: to });
    return;
  }
  await context.db.update(position, key).set({ owner: to, liquidity: 0n, retainedUsd: 0n });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user,
    pool,
    timestamp: Number(timestamp),
    retainedDelta: -retainedUsd,
  });
}

ponder.on("PositionManager:IncreaseLiquidity", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await increaseLiquidity(context, key, event.args.liquidity, event.block);
});

ponder.on("PositionManager:DecreaseLiquidity", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await decreaseLiquidity(context, key, event.args.liquidity, event.block);
});

ponder.on("PositionManager:Transfer", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await transferPosition(context, key, event.args.to, event.block.timestamp);
});
