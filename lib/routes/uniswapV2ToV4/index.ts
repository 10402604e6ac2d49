import type { PublicClient } from "viem";
import { addressesFor } from "../../chain/addresses";
import { lpApproval, lpPermitRequest } from "../../uniswap/v2/lpPermits";
import { readV2Positions, type V2Position } from "../../uniswap/v2/positions";
import { permitKey, type RouteAdapter, signatureFor } from "../types";
import { lpWorth, positionName, positionUsd } from "../uniswapV2ToV3/names";
import { v4DestinationApprovals, v4DestinationSummary } from "../uniswapV4Destination";
import { planV2ToV4, type V2ToV4Input, type V2ToV4Plan } from "./draft";
import { uniswapV2ToV4Position } from "./params";
import { uniswapV2ToV4Route } from "./route";

/** Uniswap V2 LP tokens into a Uniswap V4 position, new or held; the LP tokens are pulled with an EIP-2612 permit. */
export const uniswapV2ToV4: RouteAdapter<V2Position[], V2ToV4Input, V2ToV4Plan, "UniswapV2ToV4"> = {
  ...uniswapV2ToV4Route,
  discover: (client: PublicClient, chainId: number, owner) => readV2Positions(client, addressesFor(chainId), owner),
  plan: planV2ToV4,
  summary: ({ position, lpAmount, v4 }) => ({
    key: `UniswapV2ToV4:${position.pair}`,
    source: position.pair,
    name: positionName(position),
    ...v4DestinationSummary(v4),
    // The event reports the pool's currencies: native ETH as the zero address.
    tokens: [v4.currencies.currency0, v4.currencies.currency1],
    valueUsd: (prices) => ((positionUsd(position, prices) ?? 0) * Number(lpAmount)) / Number(position.lpBalance),
  }),
  approvals: ({ position, lpAmount, v4 }, migrator) => [
    lpApproval({ pair: position.pair, amount: lpAmount }, migrator),
    ...v4DestinationApprovals(v4, migrator),
  ],
  signatureRequests: async (context, { position, lpAmount }) => [
    await lpPermitRequest(
      context,
      { pair: position.pair, amount: lpAmount },
      positionName(position),
      lpWorth(position, lpAmount),
    ),
  ],
  encode: ({ position, params }, signatures) =>
    uniswapV2ToV4Position({ ...params, permit: signatureFor(signatures, permitKey(position.pair)) }),
};
