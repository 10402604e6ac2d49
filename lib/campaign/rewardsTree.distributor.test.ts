import { type Address, erc20Abi, getAddress, keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilNode, rpc, startAnvil } from "../../devnet/anvil";
import { Chain, type Contract } from "../../devnet/deploy/chain";
import { ACCOUNT_INDEX, devAccount } from "../../devnet/deploy/config";
import { ERC20_ARTIFACT } from "../../devnet/deploy/tokens";
import { scratchDeploymentFile } from "../../devnet/deployFerry";
import { deployRewards } from "../../devnet/deployRewards";
import { rewardsDistributorAbi } from "../generated/abis";
import { buildRewardsTree, type CumulativeReward, claimArguments } from "./rewardsTree";

// The differential test of the TS tree against the contract: roots built by `buildRewardsTree` are proposed to a real
// RewardsDistributor on anvil, and every leaf is claimed with its TS proof.
const CHAIN_ID = 31337;
const DISPUTE_WINDOW_SECONDS = 600;
const FUNDING = 10n ** 30n;
const USERS = 40;
const operator = devAccount(ACCOUNT_INDEX.ferryDeployer).address;
const guardian = devAccount(8).address;
const submitter = devAccount(7).address;
/** Addresses nobody holds a key to: users only receive, someone else submits their claims. */
const user = (i: number) => getAddress(keccak256(toHex(`rewards user ${i}`)).slice(0, 42));

let node: AnvilNode;
let chain: Chain;
let distributor: Contract;
let rewardToken: Address;
let otherToken: Address;

beforeAll(async () => {
  node = await startAnvil(["--chain-id", String(CHAIN_ID)]);
  chain = new Chain(node.rpcUrl);
  const deployment = await deployRewards(node.rpcUrl, CHAIN_ID, {
    guardian,
    disputeWindowSeconds: DISPUTE_WINDOW_SECONDS,
    funding: FUNDING,
    recordTo: scratchDeploymentFile(),
  });
  distributor = { address: deployment.distributor, abi: rewardsDistributorAbi };
  rewardToken = deployment.rewardToken;
  // A second token with 6 decimals, funded by a plain transfer like any campaign would.
  const other = await chain.deploy(submitter, ERC20_ARTIFACT, ["Other", "OTH", 6]);
  otherToken = other.address;
  await chain.write(submitter, other, "mint", [FUNDING]);
  await chain.write(submitter, other, "transfer", [distributor.address, FUNDING]);
}, 240_000);

afterAll(() => node?.stop());

/** User `i` has earned `(i + 1) × step` of the reward token and `(i + 1) × step / 1e12` of the other one. */
function campaign(step: bigint): CumulativeReward[] {
  return Array.from({ length: USERS }, (_, i) => [
    { user: user(i), token: rewardToken, cumulativeAmount: BigInt(i + 1) * step },
    { user: user(i), token: otherToken, cumulativeAmount: (BigInt(i + 1) * step) / 10n ** 12n },
  ]).flat();
}

async function publish(rewards: CumulativeReward[]) {
  const tree = buildRewardsTree(rewards);
  await chain.write(operator, distributor, "proposeRoot", [tree.root]);
  await rpc(node.rpcUrl, "evm_increaseTime", [DISPUTE_WINDOW_SECONDS]);
  await rpc(node.rpcUrl, "evm_mine", []);
  expect(await chain.read(distributor, "claimableRoot")).toBe(tree.root);
  return tree;
}

const balanceOf = (token: Address, holder: Address) =>
  chain.public.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [holder] });

async function expectPaid(rewards: CumulativeReward[]) {
  for (const { user: account, token, cumulativeAmount } of rewards) {
    expect(await balanceOf(token, account), `${account} holds its cumulative ${token}`).toBe(cumulativeAmount);
    expect(await chain.read(distributor, "claimed", [account, token]), `${account}'s claimed ${token}`).toBe(
      cumulativeAmount,
    );
  }
}

describe("RewardsDistributor with trees built by buildRewardsTree", () => {
  it("pays every leaf of a TS-built root, each user's tokens in one claim submitted by someone else", async () => {
    const rewards = campaign(10n ** 18n);
    const tree = await publish(rewards);

    for (const [account, claims] of tree.claims) {
      await chain.write(submitter, distributor, "claim", claimArguments(account, claims));
    }

    await expectPaid(rewards);
    const paid = rewards.filter((r) => r.token === rewardToken).reduce((sum, r) => sum + r.cumulativeAmount, 0n);
    expect(await balanceOf(rewardToken, distributor.address)).toBe(FUNDING - paid);
  });

  it("pays only the increase under the next root, for all users in one batch", async () => {
    const rewards = campaign(3n * 10n ** 18n);
    const tree = await publish(rewards);
    const everyClaim = [...tree.claims].map(([account, claims]) => claimArguments(account, claims));

    await chain.write(submitter, distributor, "claim", [
      everyClaim.flatMap(([users]) => users),
      everyClaim.flatMap(([, tokens]) => tokens),
      everyClaim.flatMap(([, , amounts]) => amounts),
      everyClaim.flatMap(([, , , proofs]) => proofs),
    ]);

    await expectPaid(rewards);
  });
});
