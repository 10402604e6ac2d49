import { ponder } from "ponder:registry";
import { lendingPosition } from "ponder:schema";
import { afterWithdraw } from "../../lib/campaign/points";
import { indexedChain } from "../chains";
import { pricedAmount } from "./prices";
import { applyRetainedChange } from "./totals";

const chain = indexedChain(process.env);

/**
 * A migrated asset withdrawn from Aave V3 by the user who migrated it stops counting at once: the credit falls by the
 * withdrawn value at the block's oracle price, so migrate → withdraw → migrate again earns no more than staying.
 */
ponder.on("AaveV3Pool:Withdraw", async ({ event, context }) => {
  const { reserve, user, amount } = event.args;
  const key = { chainId: chain.id, user };
  const held = await context.db.find(lendingPosition, key);
  if (!held || held.retainedUsd === 0n) return;
  if (!held.assets.some((asset) => asset.toLowerCase() === reserve.toLowerCase())) return;
  const { pool, retainedUsd } = held;
  const withdrawn = await pricedAmount(context, chain.oracle, event.block.hash, reserve, amount);
  const after = afterWithdraw(retainedUsd, withdrawn.usd);
  if (after === retainedUsd) return;
  await context.db.update(lendingPosition, key).set({ retainedUsd: after });
  await applyRetainedChange(context, {
    chainId: chain.id,
    user,
    pool,
    timestamp: Number(event.block.timestamp),
    retainedDelta: after - retainedUsd,
  });
});
