import type { PublicClient } from "viem";
import { addressesFor } from "../../chain/addresses";
import { lpApproval, lpPermitRequest } from "../../uniswap/v2/lpPermits";
import { readV2Positions, type V2Position } from "../../uniswap/v2/positions";
import { v4PoolName } from "../../uniswap/v4/poolKey";
import { permitKey, type RouteAdapter, signatureFor } from "../types";
import { positionName, positionUsd } from "../uniswapV2ToV3/names";
import { planV2ToV4, type V2ToV4Input, type V2ToV4Plan } from "./draft";
import { uniswapV2ToV4Position } from "./params";
import { uniswapV2ToV4Route } from "./route";

/** Uniswap V2 LP tokens into a new Uniswap V4 position; the LP tokens are pulled with an EIP-2612 permit. */
export const uniswapV2ToV4: RouteAdapter<V2Position[], V2ToV4Input, V2ToV4Plan, "UniswapV2ToV4"> = {
  ...uniswapV2ToV4Route,
  discover: (client: PublicClient, chainId: number, owner) => readV2Positions(client, addressesFor(chainId), owner),
  plan: planV2ToV4,
  summary: ({ position, lpAmount, v4 }) => ({
    key: `UniswapV2ToV4:${position.pair}`,
    source: position.pair,
    name: positionName(position),
    destination: `Mints a new V4 position in ${v4PoolName(v4.currencies, v4.pool.key)}`,
    // The event reports the pool's currencies: native ETH as the zero address.
    tokens: [v4.currencies.currency0, v4.currencies.currency1],
    valueUsd: (prices) => ((positionUsd(position, prices) ?? 0) * Number(lpAmount)) / Number(position.lpBalance),
  }),
  approvals: ({ position, lpAmount }, migrator) => [lpApproval({ pair: position.pair, amount: lpAmount }, migrator)],
  signatureRequests: async (context, { position, lpAmount }) => [
    await lpPermitRequest(context, { pair: position.pair, amount: lpAmount }, positionName(position)),
  ],
  encode: ({ position, params }, signatures) =>
    uniswapV2ToV4Position({ ...params, permit: signatureFor(signatures, permitKey(position.pair)) }),
};
