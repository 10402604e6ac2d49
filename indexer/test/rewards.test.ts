import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type Address, erc20Abi, type Hex, zeroHash } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rpc } from "../../devnet/anvil";
import { writeDemoPointsConfig } from "../../devnet/demoCampaign";
import { devAccount } from "../../devnet/deploy/config";
import { deployFerry, ferryDeployerKey, scratchDeploymentFile } from "../../devnet/deployFerry";
import { DEMO_REWARDS, deployDemoRewards } from "../../devnet/deployRewards";
import { advanceTime } from "../../devnet/market";
import { approvePair, devnetWallet, migrateV2ToV3 } from "../../devnet/migrations";
import { type RunningChain, startWorld } from "../../devnet/world";
import { type PointsRule, parsePointsRule } from "../../lib/campaign/points";
import type { RewardsDeployment } from "../../lib/campaign/rewardsDeployment";
import { buildRewardsTree, REWARD_LEAF_ENCODING } from "../../lib/campaign/rewardsTree";
import type { Summary, UserReport } from "../../lib/campaign/stats";
import { addressesFor } from "../../lib/chain/addresses";
import { parseChainConfig, toViemChain } from "../../lib/chain/config";
import { rewardsDistributorAbi } from "../../lib/generated/abis";
import type { FerryDeployment } from "../../lib/migrator/deployment";
import { readPointsConfig } from "../campaign";
import { operatorKey, type PublishOutcome, publishRewards } from "../publisher";
import { type RewardsSetup, rewardsEnv, rewardsSetup } from "../rewards";
import { type RunningIndexer, startIndexer } from "../start";

// The publisher and the proof API against the world: migrations indexed, epochs closed by snapshots, the tree
// published and proposed as the operator, rebuilt from the API and checked leaf by leaf against the root on chain,
// then claimed.
const WAIT_MS = 30_000;
const BUDGET = 1_000n * 10n ** 18n;
const ALICE = 1;
const BOB = 2;
/** The devnet deployer, whom `deployRewards` makes the distributor's guardian. */
const GUARDIAN = 0;

interface RewardsReport {
  distributor: Address;
  token: Address;
  claimable: { root: Hex; claims: { token: Address; cumulativeAmount: string; proof: Hex[] }[] } | null;
  pending: {
    root: Hex;
    claimableAt: number;
    claims: { token: Address; cumulativeAmount: string; proof: Hex[] }[];
  } | null;
}

let node: RunningChain;
let indexer: RunningIndexer;
let ferry: FerryDeployment;
let deployment: RewardsDeployment;
let rule: PointsRule;
let rewards: RewardsSetup;
const dir = mkdtempSync(join(tmpdir(), "ferry-rewards-"));

beforeAll(async () => {
  node = await startWorld();
  ferry = await deployFerry(node.rpcUrl, node.chainId, { recordTo: scratchDeploymentFile() });
  deployment = await deployDemoRewards(node.rpcUrl, node.chainId, scratchDeploymentFile());
  const head = await rpc<{ timestamp: string }>(node.rpcUrl, "eth_getBlockByNumber", ["latest", false]);
  // The campaign starts at the head, boosted throughout: every epoch here earns at the same rate. Epochs are half the
  // dispute window, so crossing one never lets a root just proposed out of its window.
  const pointsConfig = writeDemoPointsConfig(join(dir, "points.json"), {
    startTime: Number(head.timestamp),
    epochSeconds: DEMO_REWARDS.disputeWindowSeconds / 2,
    rewards: { budgetPerEpoch: BUDGET.toString(), finalityBlocks: 0 },
  });
  const treeDir = join(dir, "trees");
  rule = parsePointsRule(readPointsConfig(pointsConfig));
  const setup = rewardsSetup(rewardsEnv({ deployment, treeDir }), node.chainId, readPointsConfig(pointsConfig));
  if (!setup) throw new Error("the test campaign has no rewards setup");
  rewards = setup;
  indexer = await startIndexer({
    rpcUrl: node.rpcUrl,
    chainId: node.chainId,
    pointsConfig,
    deployment: ferry,
    rewards: { deployment, treeDir },
  });
}, 480_000);

afterAll(async () => {
  await indexer?.stop();
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const chain = () => toViemChain(parseChainConfig({ FERRY_CHAIN_ID: String(node.chainId), FERRY_RPC_URL: node.rpcUrl }));
const wallet = (index: number) => devnetWallet(node.rpcUrl, chain(), devAccount(index));
const operator = () => privateKeyToAccount(ferryDeployerKey());
const publish = () =>
  publishRewards({ chain: chain(), rpcUrl: node.rpcUrl, indexerUrl: indexer.url, rewards, operator: operator() });
const distributor = () => ({ address: deployment.distributor, abi: rewardsDistributorAbi }) as const;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${indexer.url}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitFor<T>(path: string, done: (body: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const body = await api<T>(path);
    if (done(body)) return body;
    if (Date.now() > deadline)
      throw new Error(`GET ${path} never satisfied the condition; last: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function migrate(index: number, percentageBps: number) {
  const pair = addressesFor(node.chainId).uniswapV2.pairs.WETH_USDC;
  await approvePair(wallet(index), pair, ferry.migrator);
  await migrateV2ToV3(wallet(index), { migrator: ferry.migrator, pair, fee: 3000, percentageBps });
}

/** Mines the first block of the next epoch and waits until the indexer has taken its snapshot. */
async function crossEpoch(): Promise<void> {
  const head = await rpc<{ timestamp: string }>(node.rpcUrl, "eth_getBlockByNumber", ["latest", false]);
  const now = Number(head.timestamp);
  const next = rule.startTime + (Math.floor((now - rule.startTime) / rule.epochSeconds) + 1) * rule.epochSeconds;
  await advanceTime(node.rpcUrl, next - now);
  await waitFor<{ timestamp: number }[]>("/api/epochs?limit=1", (rows) => rows.some((row) => row.timestamp >= next));
}

const points = async (index: number) =>
  BigInt((await api<UserReport>(`/api/users/${wallet(index).account.address}`)).points);

/** Every leaf of the tree the API serves for `root`, rebuilt, and each user's served proof checked against `root`. */
async function expectServedTreeMatches(root: Hex, kind: "claimable" | "pending") {
  const served = await api<{ rewards: { user: Address; token: Address; cumulativeAmount: string }[] }>(
    `/api/rewards/trees/${root}`,
  );
  const leaves = served.rewards.map((leaf) => ({ ...leaf, cumulativeAmount: BigInt(leaf.cumulativeAmount) }));
  expect(buildRewardsTree(leaves).root, "the tree rebuilt from the API").toBe(root);
  for (const leaf of leaves) {
    const report = await api<RewardsReport>(`/api/rewards/${leaf.user}`);
    const entry = report[kind];
    expect(entry?.root).toBe(root);
    const [claim] = entry?.claims ?? [];
    expect(claim?.cumulativeAmount).toBe(leaf.cumulativeAmount.toString());
    const verified = StandardMerkleTree.verify(
      root,
      REWARD_LEAF_ENCODING,
      [leaf.user, leaf.token, leaf.cumulativeAmount],
      claim?.proof ?? [],
    );
    expect(verified, `${leaf.user}'s proof against the root on chain`).toBe(true);
  }
  return leaves;
}

describe("rewards publisher and proof API", () => {
  let first: PublishOutcome;

  it("has nothing to publish before any epoch has points", async () => {
    expect(await publish()).toEqual({ status: "nothing-final" });
  });

  it("splits each final epoch's budget pro rata to points, proposes the root once and serves every proof", async () => {
    await migrate(ALICE, 10_000);
    await migrate(BOB, 5_000);
    await waitFor<Summary>("/api/summary", (summary) => summary.migrations === 2);
    await crossEpoch();
    await crossEpoch();

    const operatorNonce = await wallet(ALICE).getTransactionCount({ address: operator().address });
    first = await publish();
    expect(first.status).toBe("proposed");
    if (first.status !== "proposed") return;
    expect(first.users).toBe(2);
    const [pendingRoot, claimableAt] = await wallet(ALICE).readContract({
      ...distributor(),
      functionName: "pendingRoot",
    });
    expect(pendingRoot).toBe(first.root);

    // Idempotent: the same data gives the same root, which is the latest already: no second transaction.
    expect(await publish()).toEqual({ status: "unchanged", root: first.root });
    expect(await wallet(ALICE).getTransactionCount({ address: operator().address })).toBe(operatorNonce + 1);

    const leaves = await expectServedTreeMatches(pendingRoot, "pending");
    const report = await api<RewardsReport>(`/api/rewards/${wallet(ALICE).account.address}`);
    expect(report.pending?.claimableAt).toBe(Number(claimableAt));
    expect(report.claimable).toBeNull();
    expect(report.token).toBe(deployment.rewardToken);

    // Two epochs at the same value: each pays floor(budget × points / total) to each user, points from the indexer.
    const [alicePoints, bobPoints] = [await points(ALICE), await points(BOB)];
    const share = (mine: bigint) => 2n * ((BUDGET * mine) / (alicePoints + bobPoints));
    const amount = (index: number) =>
      leaves.find((leaf) => leaf.user === wallet(index).account.address)?.cumulativeAmount;
    expect(amount(ALICE)).toBe(share(alicePoints));
    expect(amount(BOB)).toBe(share(bobPoints));
    expect(alicePoints).toBeGreaterThan(bobPoints);
    expect(2n * BUDGET - share(alicePoints) - share(bobPoints)).toBeLessThan(4n);
  }, 120_000);

  it("waits while its root is in the dispute window, then supersedes it with a larger one that pays the rest", async () => {
    if (first.status !== "proposed") throw new Error("the first round proposed nothing");
    await crossEpoch();
    const waiting = await publish();
    expect(waiting).toMatchObject({ status: "waiting", pendingRoot: first.root });

    await advanceTime(node.rpcUrl, DEMO_REWARDS.disputeWindowSeconds);
    expect(await wallet(ALICE).readContract({ ...distributor(), functionName: "claimableRoot" })).toBe(first.root);
    const [claimable] = await expectServedTreeMatches(first.root, "claimable").then((leaves) =>
      leaves.filter((leaf) => leaf.user === wallet(ALICE).account.address),
    );
    if (!claimable) throw new Error("alice has no leaf");

    const second = await publish();
    expect(second.status).toBe("proposed");
    if (second.status !== "proposed") return;
    const secondLeaves = await expectServedTreeMatches(second.root, "pending");
    const later = secondLeaves.find((leaf) => leaf.user === claimable.user);
    expect(later?.cumulativeAmount).toBeGreaterThan(claimable.cumulativeAmount);

    // Alice claims the claimable root's amount with the API's proof (anyone may submit it; bob does).
    const report = await api<RewardsReport>(`/api/rewards/${claimable.user}`);
    const claim = report.claimable?.claims[0];
    if (!claim) throw new Error("no claimable leaf served for alice");
    const before = await wallet(ALICE).readContract({
      address: deployment.rewardToken,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [claimable.user],
    });
    const hash = await wallet(BOB).writeContract({
      ...distributor(),
      functionName: "claim",
      args: [[claimable.user], [claim.token], [BigInt(claim.cumulativeAmount)], [claim.proof]],
    });
    expect((await wallet(BOB).waitForTransactionReceipt({ hash })).status).toBe("success");
    const after = await wallet(ALICE).readContract({
      address: deployment.rewardToken,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [claimable.user],
    });
    expect(after - before).toBe(claimable.cumulativeAmount);
  }, 120_000);

  it("does not propose again a root the guardian canceled", async () => {
    const guardian = wallet(GUARDIAN);
    const cancel = async () => {
      const hash = await guardian.writeContract({ ...distributor(), functionName: "cancelRoot" });
      expect((await guardian.waitForTransactionReceipt({ hash })).status).toBe("success");
    };
    // A new epoch's snapshot taken (crossEpoch waits for it), the pending root canceled: the next round proposes the
    // current data's root, and its snapshots stay the same until the next boundary.
    await crossEpoch();
    await cancel();
    const proposed = await publish();
    expect(proposed.status).toBe("proposed");
    if (proposed.status !== "proposed") return;

    await cancel();
    expect(await publish()).toEqual({ status: "canceled", root: proposed.root });
    const [pending] = await guardian.readContract({ ...distributor(), functionName: "pendingRoot" });
    expect(pending).toBe(zeroHash);
  }, 120_000);

  it("answers 404 for a root it never published and 400 for a bad address", async () => {
    expect((await fetch(`${indexer.url}/api/rewards/trees/${zeroHash}`)).status).toBe(404);
    expect((await fetch(`${indexer.url}/api/rewards/0x1234`)).status).toBe(400);
  });

  it("names the missing operator key", () => {
    expect(() => operatorKey({})).toThrow(/FERRY_OPERATOR_KEY is not set/);
    expect(() => operatorKey({ FERRY_OPERATOR_KEY: "0x12" })).toThrow(/32-byte hex private key/);
  });

  it("names the distributor's deployment block when the distributor comes from the environment", () => {
    const env = rewardsEnv({ deployment, treeDir: "trees" });
    expect(rewardsSetup(env, 1, readPointsConfig())?.deployBlock).toBe(BigInt(deployment.deployBlock));
    const { FERRY_DISTRIBUTOR_BLOCK: _, ...withoutBlock } = env;
    expect(() => rewardsSetup(withoutBlock, 1, readPointsConfig())).toThrow(/FERRY_DISTRIBUTOR_BLOCK must be/);
  });
});
