import type { Address, PublicClient } from "viem";
import { buildSignatureRequests, signingDeadline } from "../../signing/requests";
import type { PermitRequest } from "../../signing/typedData";

export interface LpPull {
  pair: Address;
  amount: bigint;
}

/**
 * The exact EIP-2612 permits for LP tokens, from one multicall and the chain's clock, refusing any pair whose
 * domain separator is not the one computed for this chain and contract. Returns them with the deadline they share,
 * which the migration uses too.
 */
export async function buildLpPermits(
  client: PublicClient,
  chainId: number,
  owner: Address,
  migrator: Address,
  pulls: LpPull[],
): Promise<{ deadline: bigint; permits: PermitRequest[] }> {
  const deadline = signingDeadline(client);
  const { permits } = await buildSignatureRequests(client, chainId, owner, migrator, deadline, {
    permits: pulls.map(({ pair, amount }) => ({
      contract: "uniswapV2Pair",
      address: pair,
      token: { symbol: "UNI-V2", decimals: 18 },
      label: "An LP token",
      value: amount,
    })),
    delegations: [],
  });
  return { deadline: await deadline, permits };
}
