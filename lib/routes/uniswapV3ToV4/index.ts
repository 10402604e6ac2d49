import type { PublicClient } from "viem";
import { tokensUsd } from "../../aave/v3/usdPrices";
import { addressesFor } from "../../chain/addresses";
import { positionApprovalCall } from "../../signing/authorizations";
import { buildNftPermitRequest } from "../../signing/nftPermit";
import { readV3SourcePositions, sourcePositionName, type V3SourcePosition } from "../../uniswap/v3/sourcePositions";
import { nftKey, type RouteAdapter, signatureFor } from "../types";
import { v4DestinationApprovals, v4DestinationSummary } from "../uniswapV4Destination";
import { planV3ToV4, type UniswapV3ToV4Input, type UniswapV3ToV4Plan } from "./draft";
import { uniswapV3ToV4Position } from "./params";
import { uniswapV3ToV4Route } from "./route";

/** "Position #5, WETH/USDC 0.05%". */
export const v3PositionLabel = (position: V3SourcePosition) =>
  `Position #${position.tokenId}, ${sourcePositionName(position)}`;

const keyOf = ({ position }: UniswapV3ToV4Plan) => nftKey(position.positionManager, position.tokenId);

/**
 * A Uniswap V3 position (NFT), whole or in part, into a Uniswap V4 position, new or held: the NFT is taken with an ERC-721
 * permit (or an `approve` of that one token), decreased, collected straight to the V4 PositionManager and burned when
 * emptied.
 */
export const uniswapV3ToV4: RouteAdapter<V3SourcePosition[], UniswapV3ToV4Input, UniswapV3ToV4Plan, "UniswapV3ToV4"> = {
  ...uniswapV3ToV4Route,
  discover: (client: PublicClient, chainId: number, owner) =>
    readV3SourcePositions(client, addressesFor(chainId), owner),
  plan: planV3ToV4,
  summary: ({ position, withdrawal, destination }) => ({
    key: `UniswapV3ToV4:${position.positionManager}:${position.tokenId}`,
    source: position.positionManager,
    sourceId: position.tokenId,
    name: v3PositionLabel(position),
    ...v4DestinationSummary(destination),
    // The event reports the V4 pool's currencies (native ETH as the zero address).
    tokens: [destination.currencies.currency0, destination.currencies.currency1],
    valueUsd: (prices) =>
      tokensUsd(
        [
          [withdrawal.offered.amount0, position.token0],
          [withdrawal.offered.amount1, position.token1],
        ],
        prices,
      ) ?? 0,
  }),
  approvals: (plan, migrator) => [
    { key: keyOf(plan), call: positionApprovalCall(plan.position.positionManager, migrator, plan.position.tokenId) },
    ...v4DestinationApprovals(plan.destination, migrator),
  ],
  signatureRequests: async ({ client, chainId, migrator, deadline }, plan) => {
    const { position } = plan;
    const request = await buildNftPermitRequest(client, chainId, migrator, deadline, {
      positionManager: position.positionManager,
      tokenId: position.tokenId,
      positionName: sourcePositionName(position),
    });
    return [{ key: keyOf(plan), kind: "nftPermit", label: `Permit for position #${position.tokenId}`, request }];
  },
  encode: (plan, signatures) =>
    uniswapV3ToV4Position({
      tokenId: plan.position.tokenId,
      percentageBps: plan.withdrawal.percentageBps,
      amount0MinWithdrawn: plan.withdrawal.minWithdrawn.amount0,
      amount1MinWithdrawn: plan.withdrawal.minWithdrawn.amount1,
      depositFees: plan.withdrawal.depositFees,
      permit: signatureFor(signatures, keyOf(plan)),
      destination: plan.destination.destination,
    }),
};
