import { type Address, BaseError, ContractFunctionRevertedError, encodeErrorResult, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { rewardsDistributorAbi } from "../generated/abis";
import { describeClaimError, type RewardsReport, rewardsStatus } from "./rewardsClaim";

const TOKEN: Address = "0x00000000000000000000000000000000000000Aa";
const ROOT_A: Hex = `0x${"a".repeat(64)}`;
const ROOT_B: Hex = `0x${"b".repeat(64)}`;
const PROOF: Hex[] = [`0x${"c".repeat(64)}`];

const report = (claimable?: bigint, pending?: bigint): RewardsReport => ({
  distributor: "0x00000000000000000000000000000000000000dd",
  token: TOKEN,
  claimable:
    claimable === undefined
      ? null
      : { root: ROOT_A, claims: [{ token: TOKEN, cumulativeAmount: claimable.toString(), proof: PROOF }] },
  pending:
    pending === undefined
      ? null
      : {
          root: ROOT_B,
          claimableAt: 1_800_000_000,
          claims: [{ token: TOKEN, cumulativeAmount: pending.toString(), proof: PROOF }],
        },
});

describe("rewardsStatus", () => {
  it("owes the claimable root's cumulative amount minus what was claimed, with the leaf to claim", () => {
    expect(rewardsStatus(report(100n, 250n), TOKEN, 40n)).toEqual({
      claimableNow: 60n,
      claimedSoFar: 40n,
      next: { claimableAt: 1_800_000_000, more: 150n },
      claim: { token: TOKEN, cumulativeAmount: 100n, proof: PROOF },
    });
  });

  it("has nothing to claim once the claimable amount is paid, or before any root", () => {
    expect(rewardsStatus(report(100n), TOKEN, 100n)).toEqual({ claimableNow: 0n, claimedSoFar: 100n });
    expect(rewardsStatus(report(undefined, 30n), TOKEN, 0n)).toEqual({
      claimableNow: 0n,
      claimedSoFar: 0n,
      next: { claimableAt: 1_800_000_000, more: 30n },
    });
  });

  it("ignores leaves of other tokens", () => {
    const other = rewardsStatus(report(100n), "0x00000000000000000000000000000000000000bB", 0n);
    expect(other).toEqual({ claimableNow: 0n, claimedSoFar: 0n });
  });
});

describe("describeClaimError", () => {
  const revert = (errorName: "NothingToClaim" | "NoClaimableRoot") =>
    new BaseError("claim reverted", {
      cause: new ContractFunctionRevertedError({
        abi: rewardsDistributorAbi,
        functionName: "claim",
        data: encodeErrorResult({ abi: rewardsDistributorAbi, errorName }),
      }),
    });

  it("says what the distributor's error means", () => {
    expect(describeClaimError(revert("NothingToClaim"))).toMatch(/nothing more to claim/);
    expect(describeClaimError(revert("NoClaimableRoot"))).toMatch(/No rewards root is claimable yet/);
  });

  it("falls back to the wallet's explanation", () => {
    expect(describeClaimError({ code: 4001, message: "User rejected" })).toMatch(/You rejected the request/);
  });
});
