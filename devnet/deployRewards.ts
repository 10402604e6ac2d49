import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Address } from "viem";
import type { RewardsDeployment } from "../lib/campaign/rewardsDeployment";
import { ACCOUNT_INDEX, devAccount } from "./deploy/config";
import { ferryDeployerKey } from "./deployFerry";
import { ROOT_DIR } from "./world-files";

const FORGE_BIN = join(ROOT_DIR, "node_modules", ".bin", "forge");

/** The app's record of the rewards deployments, by chain (`lib/campaign/rewardsDeployment.ts` reads it). */
export const REWARDS_FILE = join(ROOT_DIR, "lib", "rewards.json");

export interface RewardsSettings {
  /** Can cancel a root during its dispute window; must not be the operator. */
  guardian: Address;
  /** Seconds between a root's proposal and its first claim. */
  disputeWindowSeconds: number;
  /** Sent to the distributor in the reward token's smallest unit. */
  funding: bigint;
  /** The file the script records the deployment in (a scratch file in tests). */
  recordTo: string;
}

/**
 * Deploys a funded RewardsDistributor and the demo reward token with `contracts/script/DeployRewards.s.sol`, from
 * the Ferry deployer account, which becomes the operator (the publisher's account).
 */
export async function deployRewards(
  rpcUrl: string,
  chainId: number,
  { guardian, disputeWindowSeconds, funding, recordTo }: RewardsSettings,
): Promise<RewardsDeployment> {
  const env = {
    ...process.env,
    REWARDS_GUARDIAN: guardian,
    REWARDS_DISPUTE_WINDOW: String(disputeWindowSeconds),
    REWARDS_FUNDING: String(funding),
    REWARDS_JSON: recordTo,
  };
  await promisify(execFile)(
    FORGE_BIN,
    ["script", "script/DeployRewards.s.sol", "--rpc-url", rpcUrl, "--broadcast", "--private-key", ferryDeployerKey()],
    { cwd: join(ROOT_DIR, "contracts"), maxBuffer: 64 * 1024 * 1024, env },
  ).catch((error: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`deploying the rewards distributor failed: ${error.stderr || error.stdout || error.message}`);
  });
  const recorded = JSON.parse(readFileSync(recordTo, "utf8"))[String(chainId)];
  if (!recorded) throw new Error(`DeployRewards.s.sol ran but ${recordTo} has no entry for chain ${chainId}`);
  return recorded;
}

/**
 * The demo campaign (`npm start`, e2e): the Ferry deployer operates (publishes), the world's deployer guards, roots
 * wait ten minutes, and a million tokens fund it.
 */
export const DEMO_REWARDS = {
  guardian: devAccount(ACCOUNT_INDEX.deployer).address,
  disputeWindowSeconds: 600,
  funding: 10n ** 24n,
} as const;

/** Deploys the demo campaign's distributor and token, recorded in `recordTo`. */
export const deployDemoRewards = (rpcUrl: string, chainId: number, recordTo: string) =>
  deployRewards(rpcUrl, chainId, { ...DEMO_REWARDS, recordTo });
