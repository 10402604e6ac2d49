/**
 * A user's rewards as the dashboard shows them: the proof API's leaves (`indexer/src/api/rewards.ts`) against what
 * the distributor has already paid them.
 */
import { type Address, BaseError, ContractFunctionRevertedError, getAddress, type Hex } from "viem";
import { describeWalletError } from "../chain/walletErrors";
import { claimArguments, type RewardClaim } from "./rewardsTree";

/** One root's leaves of a user as the API serves them (amounts as decimal strings). */
interface ServedRoot {
  root: Hex;
  claims: { token: Address; cumulativeAmount: string; proof: Hex[] }[];
}

/** `/api/rewards/:address`. */
export interface RewardsReport {
  distributor: Address;
  token: Address;
  claimable: ServedRoot | null;
  pending: (ServedRoot & { claimableAt: number }) | null;
}

export interface RewardsStatus {
  /** What a claim pays now: the claimable root's cumulative amount minus what was claimed. */
  claimableNow: bigint;
  claimedSoFar: bigint;
  /** The pending root, if any: when it becomes claimable and how much more than now it will pay then. */
  next?: { claimableAt: number; more: bigint };
  /** The user's leaf in the claimable root when it pays something: the one claim to send. */
  claim?: RewardClaim;
}

const leafOf = (root: ServedRoot | null, token: Address): RewardClaim | undefined => {
  const served = root?.claims.find((claim) => getAddress(claim.token) === getAddress(token));
  return served && { ...served, cumulativeAmount: BigInt(served.cumulativeAmount) };
};

const owed = (leaf: RewardClaim | undefined, claimed: bigint) =>
  leaf && leaf.cumulativeAmount > claimed ? leaf.cumulativeAmount - claimed : 0n;

/** The user's position in `token` from the API's `report` and the distributor's `claimed` figure. */
export function rewardsStatus(report: RewardsReport, token: Address, claimed: bigint): RewardsStatus {
  const claimable = leafOf(report.claimable, token);
  const claimableNow = owed(claimable, claimed);
  const pending = report.pending;
  const nextOwed = owed(leafOf(pending, token), claimed);
  return {
    claimableNow,
    claimedSoFar: claimed,
    ...(pending && { next: { claimableAt: pending.claimableAt, more: nextOwed - claimableNow } }),
    ...(claimable && claimableNow > 0n && { claim: claimable }),
  };
}

/** `RewardsDistributor.claim`'s arguments for the user's one leaf. */
export const claimCall = (user: Address, claim: RewardClaim) => claimArguments(user, [claim]);

/** What each distributor error means to the person claiming. */
const CLAIM_ERRORS: Record<string, string> = {
  NothingToClaim: "There is nothing more to claim: everything published for you so far has been paid.",
  InvalidProof:
    "The claimable root changed while you were claiming (a newer one passed its dispute window). Nothing was sent: claim again.",
  NoClaimableRoot: "No rewards root is claimable yet. Nothing was sent.",
  InsufficientFunds:
    "The distributor holds fewer reward tokens than it owes you right now. Nothing was sent and nothing is lost: claim again once the campaign has topped it up.",
};

/** A failed claim as a sentence: the distributor's own error when it is one, the wallet's otherwise. */
export function describeClaimError(error: unknown): string {
  const reverted =
    error instanceof BaseError ? error.walk((cause) => cause instanceof ContractFunctionRevertedError) : null;
  const name = reverted instanceof ContractFunctionRevertedError ? reverted.data?.errorName : undefined;
  if (name && CLAIM_ERRORS[name]) return CLAIM_ERRORS[name];
  return describeWalletError(error);
}
