import type { Address } from "viem";
import { positionApprovalCall } from "../signing/authorizations";
import type { V4DestinationPlan } from "../uniswap/v4/destination";
import { v4PoolName } from "../uniswap/v4/poolKey";
import { type Approval, type LegSummary, nftKey } from "./types";

/** What the review says of a V4 destination, shared by the routes into V4: a new position, or the held one added to. */
export function v4DestinationSummary({
  currencies,
  pool,
  addsTo,
}: V4DestinationPlan): Pick<LegSummary, "destination" | "addsTo"> {
  const poolName = v4PoolName(currencies, pool.key);
  return addsTo
    ? { destination: `Adds to your V4 position #${addsTo.tokenId} in ${poolName}`, addsTo: addsTo.tokenId }
    : { destination: `Mints a new V4 position in ${poolName}` };
}

/**
 * The V4 position a destination adds to must be approved to the Migrator, which checks that the caller owns it. The
 * V4 PositionManager has an ERC-721 permit, but the Migrator does not apply one for the destination: one
 * `approve(tokenId)` transaction, sent even when the batch is signed.
 */
export function v4DestinationApprovals(plan: V4DestinationPlan, migrator: Address): Approval[] {
  const { addsTo } = plan;
  if (!addsTo) return [];
  const position = `your V4 position #${addsTo.tokenId} (${v4PoolName(plan.currencies, plan.pool.key)})`;
  return [
    {
      key: nftKey(addsTo.positionManager, addsTo.tokenId),
      call: positionApprovalCall(addsTo.positionManager, migrator, addsTo.tokenId),
      transactionOnly: {
        label: `Approval of V4 position #${addsTo.tokenId}`,
        lines: [
          `Lets Ferry Migrator add liquidity to ${position}; this position only, not all your positions`,
          "One approval transaction, sent before the migration: the V4 position cannot be authorised by a signature in the migration",
        ],
      },
    },
  ];
}
