import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, getAddress, type Hex } from "viem";
import { parseRewardsConfig, type RewardsConfig } from "../lib/campaign/rewardsConfig";
import { type RewardsDeployment, rewardsDeploymentFor } from "../lib/campaign/rewardsDeployment";
import { buildRewardsTree, type CumulativeReward, type RewardsTree } from "../lib/campaign/rewardsTree";

type Env = Record<string, string | undefined>;

/** Where the publisher writes the trees it proposes and the API reads them: one file per root. */
const DEFAULT_TREE_DIR = fileURLToPath(new URL("./.rewards", import.meta.url));

/** A campaign that pays rewards on one chain: its distributor, its token, its budget and where its trees live. */
export interface RewardsSetup extends RewardsConfig {
  distributor: Address;
  /** The block the distributor was deployed in: its events are read from there, never from genesis. */
  deployBlock: bigint;
  token: Address;
  treeDir: string;
}

/**
 * The rewards side of the indexed chain: the distributor from `FERRY_DISTRIBUTOR` / `FERRY_DISTRIBUTOR_BLOCK` /
 * `FERRY_REWARD_TOKEN` (set by whoever deployed it) or `lib/rewards.json`, the budget from the points config's `rewards` entry, the trees in
 * `FERRY_REWARDS_DIR`. Undefined when the chain has no distributor or the config no `rewards` entry: the campaign then
 * only counts points.
 */
export function rewardsSetup(env: Env, chainId: number, pointsConfig: unknown): RewardsSetup | undefined {
  const config = parseRewardsConfig(pointsConfig);
  const recorded = env.FERRY_DISTRIBUTOR
    ? {
        distributor: env.FERRY_DISTRIBUTOR as Address,
        rewardToken: env.FERRY_REWARD_TOKEN as Address | undefined,
        deployBlock: deployBlockFrom(env.FERRY_DISTRIBUTOR_BLOCK),
      }
    : rewardsDeploymentFor(chainId);
  if (!config || !recorded) return undefined;
  const token = config.token ?? recorded.rewardToken;
  if (!token) throw new Error("no reward token: set rewards.token in the points config or FERRY_REWARD_TOKEN");
  return {
    ...config,
    distributor: getAddress(recorded.distributor),
    deployBlock: BigInt(recorded.deployBlock),
    token: getAddress(token),
    treeDir: env.FERRY_REWARDS_DIR ?? DEFAULT_TREE_DIR,
  };
}

function deployBlockFrom(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new Error(
      "FERRY_DISTRIBUTOR_BLOCK must be the block number the distributor was deployed in (FERRY_DISTRIBUTOR is set)",
    );
  }
  return Number(value);
}

/** A deployed distributor and the trees' directory, as the environment `rewardsSetup` reads them from. */
export function rewardsEnv({ deployment, treeDir }: { deployment: RewardsDeployment; treeDir: string }): Env {
  return {
    FERRY_DISTRIBUTOR: deployment.distributor,
    FERRY_DISTRIBUTOR_BLOCK: String(deployment.deployBlock),
    FERRY_REWARD_TOKEN: deployment.rewardToken,
    FERRY_REWARDS_DIR: treeDir,
  };
}

/** A published tree as its file holds it: amounts as decimal strings. */
interface TreeFile {
  root: Hex;
  rewards: { user: Address; token: Address; cumulativeAmount: string }[];
}

const treeFile = (dir: string, root: Hex) => join(dir, `${root.toLowerCase()}.json`);

/** Writes the tree of `rewards` under its root (atomically: the API may read it at any moment); returns the tree. */
export function writeRewardsTree(dir: string, rewards: readonly CumulativeReward[]): RewardsTree {
  const tree = buildRewardsTree(rewards);
  const file = treeFile(dir, tree.root);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const body: TreeFile = {
      root: tree.root,
      rewards: rewards
        .filter((reward) => reward.cumulativeAmount > 0n)
        .map((reward) => ({ ...reward, cumulativeAmount: reward.cumulativeAmount.toString() })),
    };
    writeFileSync(`${file}.tmp`, JSON.stringify(body));
    renameSync(`${file}.tmp`, file);
  }
  return tree;
}

/** The leaves of the published tree of `root`, or undefined when no tree of that root was published here. */
export function readRewardsLeaves(dir: string, root: Hex): CumulativeReward[] | undefined {
  const file = treeFile(dir, root);
  if (!existsSync(file)) return undefined;
  const body = JSON.parse(readFileSync(file, "utf8")) as TreeFile;
  return body.rewards.map((reward) => ({ ...reward, cumulativeAmount: BigInt(reward.cumulativeAmount) }));
}

/** Trees by root: a root's tree never changes, so each is rebuilt once per process. */
const trees = new Map<Hex, RewardsTree>();

/** The published tree of `root` with its proofs, or undefined when it was not published here. */
export function readRewardsTree(dir: string, root: Hex): RewardsTree | undefined {
  const cached = trees.get(root);
  if (cached) return cached;
  const leaves = readRewardsLeaves(dir, root);
  if (!leaves) return undefined;
  const tree = buildRewardsTree(leaves);
  if (tree.root !== root) throw new Error(`the tree file of root ${root} rebuilds to ${tree.root}`);
  trees.set(root, tree);
  return tree;
}
