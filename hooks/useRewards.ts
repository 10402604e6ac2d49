import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, TransactionReceipt } from "viem";
import { usePublicClient, useWriteContract } from "wagmi";
import { claimCall, describeClaimError, type RewardsReport } from "@/lib/campaign/rewardsClaim";
import type { RewardClaim } from "@/lib/campaign/rewardsTree";
import { fetchStats } from "@/lib/campaign/stats";
import { rewardsDistributorAbi } from "@/lib/generated/abis";
import { usePendingTransaction, WHY_UNSUCCESSFUL } from "./usePendingTransaction";

/** A root that becomes claimable shows within a few seconds; the API reads the distributor at the chain head. */
const REFRESH_MS = 2_000;

export const rewardsQueryOptions = (indexerUrl: string, user: Address) =>
  queryOptions({
    queryKey: ["rewards", indexerUrl, user],
    queryFn: () => fetchStats<RewardsReport>(indexerUrl, `/api/rewards/${user}`),
    refetchInterval: REFRESH_MS,
  });

/** The user's leaves in the distributor's claimable and pending roots, with their proofs. */
export const useRewardsReport = (indexerUrl: string, user: Address | undefined) =>
  useQuery({ ...rewardsQueryOptions(indexerUrl, user as Address), enabled: Boolean(user) });

/** A claim mined without paying; the message is the sentence to show. */
export class NothingClaimed extends Error {}

/** A failed claim as a sentence: the distributor's own error when it is one, the wallet's otherwise. */
export function describeClaimFailure(error: unknown): string {
  return error instanceof NothingClaimed ? error.message : describeClaimError(error);
}

/**
 * Sends one `claim` of the user's leaf: simulated first, so a revert is explained before any gas is paid, then
 * followed until mined like a migration.
 */
export function useRewardsClaim(user: Address, distributor: Address) {
  const client = usePublicClient();
  const { writeContractAsync } = useWriteContract();
  const { follow, pending } = usePendingTransaction();

  const claim = async (leaf: RewardClaim): Promise<TransactionReceipt> => {
    if (!client) throw new Error("no connection to the chain");
    const request = {
      address: distributor,
      abi: rewardsDistributorAbi,
      functionName: "claim",
      args: claimCall(user, leaf),
      account: user,
    } as const;
    await client.simulateContract(request);
    const { receipt, failed } = await follow(await writeContractAsync(request));
    if (failed)
      throw new NothingClaimed(`${WHY_UNSUCCESSFUL[failed]}, so nothing was claimed. Claim again when ready.`);
    return receipt;
  };

  return { claim, pending };
}
