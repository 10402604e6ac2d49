import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type Address, concat, encodeAbiParameters, getAddress, type Hex, keccak256 } from "viem";
import { describe, expect, it } from "vitest";
import { buildRewardsTree, type CumulativeReward, claimArguments, REWARD_LEAF_ENCODING } from "./rewardsTree";

const user = (i: number) => getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`);
const TOKEN: Address = "0x00000000000000000000000000000000000000aA";
const OTHER: Address = "0x00000000000000000000000000000000000000bB";

/** The distributor's leaf, written out: keccak256(keccak256(abi.encode(user, token, cumulativeAmount))). */
function contractLeaf(account: Address, token: Address, cumulativeAmount: bigint): Hex {
  const encoded = encodeAbiParameters(
    [{ type: "address" }, { type: "address" }, { type: "uint256" }],
    [account, token, cumulativeAmount],
  );
  return keccak256(keccak256(encoded));
}

/** OpenZeppelin's `MerkleProof.processProof`, written out: sorted-pair keccak256 up the proof. */
function processProof(proof: readonly Hex[], leaf: Hex): Hex {
  return proof.reduce<Hex>(
    (node, sibling) => keccak256(node < sibling ? concat([node, sibling]) : concat([sibling, node])),
    leaf,
  );
}

function rewardsFor(count: number): CumulativeReward[] {
  return Array.from({ length: count }, (_, i) => [
    { user: user(i), token: TOKEN, cumulativeAmount: BigInt(i + 1) * 10n ** 18n },
    { user: user(i), token: OTHER, cumulativeAmount: BigInt(i + 7) },
  ]).flat();
}

describe("buildRewardsTree", () => {
  it("gives every leaf a proof that leads to the root the way the distributor verifies it", () => {
    const rewards = rewardsFor(37);
    const { root, claims } = buildRewardsTree(rewards);

    expect(claims.size).toBe(37);
    for (const reward of rewards) {
      const claim = claims.get(reward.user)?.find((c) => c.token === getAddress(reward.token));
      expect(claim?.cumulativeAmount, `leaf of ${reward.user}`).toBe(reward.cumulativeAmount);
      const leaf = contractLeaf(reward.user, getAddress(reward.token), reward.cumulativeAmount);
      expect(processProof(claim?.proof ?? [], leaf), `proof of ${reward.user}`).toBe(root);
    }
  });

  it("builds OpenZeppelin's standard tree, so its verifier accepts every proof", () => {
    const { root, claims } = buildRewardsTree(rewardsFor(5));

    for (const [account, userClaims] of claims) {
      for (const { token, cumulativeAmount, proof } of userClaims) {
        expect(StandardMerkleTree.verify(root, REWARD_LEAF_ENCODING, [account, token, cumulativeAmount], proof)).toBe(
          true,
        );
      }
    }
  });

  it("gives the same root whatever the order of the rewards", () => {
    const rewards = rewardsFor(12);
    expect(buildRewardsTree([...rewards].reverse()).root).toBe(buildRewardsTree(rewards).root);
  });

  it("changes the root when any amount changes", () => {
    const rewards = rewardsFor(12);
    const raised = rewards.map((reward, i) =>
      i === 5 ? { ...reward, cumulativeAmount: reward.cumulativeAmount + 1n } : reward,
    );
    expect(buildRewardsTree(raised).root).not.toBe(buildRewardsTree(rewards).root);
  });

  it("proves a single reward with an empty proof: the leaf is the root", () => {
    const { root, claims } = buildRewardsTree([{ user: user(1), token: TOKEN, cumulativeAmount: 5n }]);

    expect(claims.get(user(1))?.[0]?.proof).toEqual([]);
    expect(root).toBe(contractLeaf(user(1), getAddress(TOKEN), 5n));
  });

  it("keys users by checksummed address and leaves zero amounts out", () => {
    const lower = user(3).toLowerCase() as Address;
    const { claims } = buildRewardsTree([
      { user: lower, token: TOKEN, cumulativeAmount: 9n },
      { user: user(4), token: TOKEN, cumulativeAmount: 0n },
    ]);

    expect([...claims.keys()]).toEqual([user(3)]);
  });

  it("refuses two amounts for one user and token, amounts outside uint256, and an empty tree", () => {
    const duplicate = [
      { user: user(1), token: TOKEN, cumulativeAmount: 1n },
      { user: user(1).toLowerCase() as Address, token: TOKEN, cumulativeAmount: 2n },
    ];
    expect(() => buildRewardsTree(duplicate)).toThrow(`two cumulative rewards for user ${user(1)} and token`);
    expect(() => buildRewardsTree([{ user: user(1), token: TOKEN, cumulativeAmount: -1n }])).toThrow("outside uint256");
    expect(() => buildRewardsTree([{ user: user(1), token: TOKEN, cumulativeAmount: 2n ** 256n }])).toThrow(
      "outside uint256",
    );
    expect(() => buildRewardsTree([{ user: user(1), token: TOKEN, cumulativeAmount: 0n }])).toThrow(
      "a rewards tree needs at least one non-zero cumulative reward",
    );
  });
});

describe("claimArguments", () => {
  it("lays a user's leaves out as claim's four parallel arrays", () => {
    const { claims } = buildRewardsTree(rewardsFor(3));
    const userClaims = claims.get(user(1)) ?? [];

    const [users, tokens, amounts, proofs] = claimArguments(user(1), userClaims);

    expect(users).toEqual([user(1), user(1)]);
    expect(tokens).toEqual(userClaims.map((claim) => claim.token));
    expect(amounts).toEqual(userClaims.map((claim) => claim.cumulativeAmount));
    expect(proofs).toEqual(userClaims.map((claim) => claim.proof));
  });
});
