import { ponder } from "ponder:registry";
import { position } from "ponder:schema";
import { afterDecrease } from "../../lib/campaign/points";
import { applyRetainedChange } from "./totals";

// Rows from `find` are the indexing cache's own objects, which `update` mutates: read what is needed first.

/** Migrated liquidity pulled out of its position stops counting at once. */
ponder.on("PositionManager:DecreaseLiquidity", async ({ event, context }) => {
  const key = { chainId: context.chain.id, tokenId: event.args.tokenId };
  const held = await context.db.find(position, key);
  if (!held || held.liquidity === 0n) return;
  const { owner, pool, retainedUsd } = held;
  const after = afterDecrease({ liquidity: held.liquidity, usd: retainedUsd }, event.args.liquidity);
  await context.db.update(position, key).set({ liquidity: after.liquidity, retainedUsd: after.usd });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user: owner,
    pool,
    timestamp: Number(event.block.timestamp),
    retainedDelta: after.usd - retainedUsd,
  });
});

/** A position that changes hands leaves the migrator: its liquidity no longer counts for anyone. */
ponder.on("PositionManager:Transfer", async ({ event, context }) => {
  const key = { chainId: context.chain.id, tokenId: event.args.tokenId };
  const held = await context.db.find(position, key);
  if (!held || held.liquidity === 0n || event.args.to.toLowerCase() === held.owner.toLowerCase()) return;
  const { owner, pool, retainedUsd } = held;
  await context.db.update(position, key).set({ owner: event.args.to, liquidity: 0n, retainedUsd: 0n });
  await applyRetainedChange(context, {
    chainId: key.chainId,
    user: owner,
    pool,
    timestamp: Number(event.block.timestamp),
    retainedDelta: -retainedUsd,
  });
});
