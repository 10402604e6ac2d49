import { type Address, decodeFunctionData, erc20Abi, erc721Abi, type PublicClient } from "viem";
import { aaveV3VariableDebtTokenAbi } from "../generated/abis";
import type { Approval } from "../routes/types";

/** The on-chain read that tells whether an approval's grant is already in place, and how to judge its result. */
function grantRead(approval: Approval, owner: Address, migrator: Address) {
  const { key, call } = approval;
  if (key.startsWith("nft:")) {
    const { args } = decodeFunctionData({ abi: erc721Abi, data: call.data });
    const tokenId = args[1] as bigint;
    return {
      read: { address: call.to, abi: erc721Abi, functionName: "getApproved", args: [tokenId] } as const,
      inPlace: (approved: unknown) => approved === migrator,
    };
  }
  if (key.startsWith("delegation:")) {
    const { args } = decodeFunctionData({ abi: aaveV3VariableDebtTokenAbi, data: call.data });
    const amount = args[1] as bigint;
    return {
      read: {
        address: call.to,
        abi: aaveV3VariableDebtTokenAbi,
        functionName: "borrowAllowance",
        args: [owner, migrator],
      } as const,
      inPlace: (allowance: unknown) => (allowance as bigint) >= amount,
    };
  }
  const { args } = decodeFunctionData({ abi: erc20Abi, data: call.data });
  const amount = args[1] as bigint;
  return {
    read: { address: call.to, abi: erc20Abi, functionName: "allowance", args: [owner, migrator] } as const,
    inPlace: (allowance: unknown) => (allowance as bigint) >= amount,
  };
}

/**
 * The approvals `owner` still has to send: those whose grant is not on chain yet. An approval sent before a migration
 * that then failed (a price moved, a transaction was rejected) is not asked for again on the retry, nor one the user
 * gave earlier. A read that fails counts as not in place: the approval is sent, as it would have been.
 */
export async function approvalsToSend(
  client: PublicClient,
  owner: Address,
  migrator: Address,
  approvals: readonly Approval[],
): Promise<Approval[]> {
  if (approvals.length === 0) return [];
  const reads = approvals.map((approval) => grantRead(approval, owner, migrator));
  const results = await client.multicall({ contracts: reads.map(({ read }) => read), allowFailure: true });
  return approvals.filter((_, i) => {
    const result = results[i];
    return result?.status !== "success" || !reads[i]?.inPlace(result.result);
  });
}
