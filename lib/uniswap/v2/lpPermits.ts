import type { Address } from "viem";
import { type Approval, permitKey, type SignatureRequest, type SigningContext } from "../../routes/types";
import { approvalCall } from "../../signing/authorizations";
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

/** A V2 leg's LP pull as one exact approval, under the key of the permit it stands in for. */
export const lpApproval = ({ pair, amount }: LpPull, migrator: Address): Approval => ({
  key: permitKey(pair),
  call: approvalCall(pair, migrator, amount),
});

/** A V2 leg's one signature: the LP token's permit, under its key, labelled with the position's name. */
export async function lpPermitRequest(context: SigningContext, pull: LpPull, name: string): Promise<SignatureRequest> {
  const [request] = await buildLpPermits(context, [pull]);
  if (!request) throw new Error("no permit was built for the LP token");
  return { key: permitKey(pull.pair), kind: "permit", label: `Permit for ${name}`, request };
}
