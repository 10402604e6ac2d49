import type { PublicClient } from "viem";
import { addressesFor } from "../../chain/addresses";
import { lpApproval, lpPermitRequest } from "../../uniswap/v2/lpPermits";
import { readV2Positions, type V2Position } from "../../uniswap/v2/positions";
import type { V3PoolState } from "../../uniswap/v2ToV3Plan";
import type { HeldV3Position } from "../../uniswap/v3/positions";
import { permitKey, type RouteAdapter, signatureFor } from "../types";
import { type PositionDraft, planPosition, type ReadyPlan } from "./draft";
import { positionName, positionUsd } from "./names";
import { uniswapV2ToV3Position } from "./params";
import { uniswapV2ToV3Route } from "./route";

/** One V2 position with the user's draft and the chain state its plan reads. */
export interface UniswapV2ToV3Input {
  position: V2Position;
  draft: PositionDraft;
  pool: V3PoolState;
  /** The V3 positions the account holds: a leg may add to one. */
  held: readonly HeldV3Position[];
  slippageBps: number;
  chainId: number;
}

/** Uniswap V2 LP tokens into a Uniswap V3 position, new or held; the LP tokens are pulled with an EIP-2612 permit. */
export const uniswapV2ToV3: RouteAdapter<V2Position[], UniswapV2ToV3Input, ReadyPlan, "UniswapV2ToV3"> = {
  ...uniswapV2ToV3Route,
  discover: (client: PublicClient, chainId: number, owner) => readV2Positions(client, addressesFor(chainId), owner),
  plan: ({ position, draft, pool, held, slippageBps, chainId }) =>
    planPosition(position, draft, pool, held, slippageBps, chainId),
  summary: ({ position, plan, destination }) => ({
    key: `UniswapV2ToV3:${position.pair}`,
    source: position.pair,
    name: positionName(position),
    destination: destination ? `Adds to your position #${destination.tokenId}` : "Mints a new V3 position",
    addsTo: destination?.tokenId,
    tokens: [position.token0, position.token1],
    // The share of the position that moves, at the market's prices.
    valueUsd: (prices) => ((positionUsd(position, prices) ?? 0) * Number(plan.lpAmount)) / Number(position.lpBalance),
  }),
  approvals: ({ position, plan }, migrator) => [lpApproval({ pair: position.pair, amount: plan.lpAmount }, migrator)],
  signatureRequests: async (context, { position, plan }) => [
    await lpPermitRequest(context, { pair: position.pair, amount: plan.lpAmount }, positionName(position)),
  ],
  encode: ({ position, plan }, signatures) =>
    uniswapV2ToV3Position({ ...plan.params, permit: signatureFor(signatures, permitKey(position.pair)) }),
};
