import type { Address } from "viem";
import type { SigningContext } from "../../routes/types";
import { buildSignatureRequests } from "../../signing/requests";
import type { PermitRequest } from "../../signing/typedData";

export interface LpPull {
  pair: Address;
  amount: bigint;
}

/**
 * The exact EIP-2612 permits for LP tokens until the batch's deadline, from one multicall, refusing any pair whose
 * domain separator is not the one computed for this chain and contract.
 */
export async function buildLpPermits(
  { client, chainId, owner, migrator, deadline }: SigningContext,
  pulls: LpPull[],
): Promise<PermitRequest[]> {
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
  return permits;
}
