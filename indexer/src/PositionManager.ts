import { type Context, ponder } from "ponder:registry";
import { position } from "ponder:schema";
import type { Address } from "viem";
import { afterDecrease } from "../../lib/campaign/points";
import { applyRetainedChange } from "./totals";

// Rows from `find` are the indexing cache's own objects, which `update` mutates: read what is needed first.

/** A destination position's row key. */
export interface PositionKey {
  chainId: number;
  positionManager: Address;
  tokenId: bigint;
}

/** Migrated liquidity pulled out of its position stops counting at once. */
export async function decreaseMigrated(
  context: Context,
  key: PositionKey,
  removed: bigint,
  timestamp: bigint,
): Promise<void> {
  const held = await context.db.find(position, key);
  if (!held || held.liquidity === 0n) return;
  const { owner, pool, retainedUsd } = held;
  const after = afterDecrease({ liquidity: held.liquidity, usd: retainedUsd }, removed);
  await context.db.update(position, key).set({ liquidity: after.liquidity, retainedUsd: after.usd });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user: owner,
    pool,
    timestamp: Number(timestamp),
    retainedDelta: after.usd - retainedUsd,
  });
}

/** A position that changes hands leaves the migrator: its liquidity no longer counts for anyone. */
export async function transferMigrated(context: Context, key: PositionKey, to: Address, timestamp: bigint) {
  const held = await context.db.find(position, key);
  if (!held || held.liquidity === 0n || to.toLowerCase() === held.owner.toLowerCase()) return;
  const { owner, pool, retainedUsd } = held;
  await context.db.update(position, key).set({ owner: to, liquidity: 0n, retainedUsd: 0n });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user: owner,
    pool,
    timestamp: Number(timestamp),
    retainedDelta: -retainedUsd,
  });
}

ponder.on("PositionManager:DecreaseLiquidity", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await decreaseMigrated(context, key, event.args.liquidity, event.block.timestamp);
});

ponder.on("PositionManager:Transfer", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await transferMigrated(context, key, event.args.to, event.block.timestamp);
});
