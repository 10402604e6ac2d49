import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { deployDemoRewards } from "../../devnet/deployRewards";
import { startApp } from "../../devnet/nextApp";
import { startFork, startWorld } from "../../devnet/world";
import { startIndexer } from "../../indexer/start";
import { rewardsDeploymentFor } from "../../lib/campaign/rewardsDeployment";
import { E2E_ENV } from "./env";

/**
 * Starts the world node, an anvil forking it (the tests' chain: fork mode runs on every e2e run, and each test
 * reverts to the same state), deploys Ferry and the demo rewards campaign on the fork, indexes it, and serves the production app pointed at the
 * fork and the indexer.
 * Returns the teardown.
 */
export default async function globalSetup() {
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const world = await startWorld();
    stops.push(world.stop);
    const fork = await startFork(world.rpcUrl);
    stops.push(fork.stop);
    const deployment = await deployFerry(fork.rpcUrl, fork.chainId, { recordTo: scratchDeploymentFile() });
    const rewards = await deployDemoRewards(fork.rpcUrl, fork.chainId, scratchDeploymentFile());
    // The app sends claims to the distributor built into it: it must be the one deployed here.
    const recorded = rewardsDeploymentFor(fork.chainId);
    if (recorded?.distributor !== rewards.distributor || recorded.rewardToken !== rewards.rewardToken) {
      throw new Error(
        `lib/rewards.json does not record the distributor deployed here (${rewards.distributor}): run \`npm start\` once to update it`,
      );
    }
    // A fresh indexer database per run: the fork is new each time.
    const dataDir = mkdtempSync(join(tmpdir(), "ferry-e2e-indexer-"));
    stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const treeDir = mkdtempSync(join(tmpdir(), "ferry-e2e-rewards-"));
    stops.push(async () => rmSync(treeDir, { recursive: true, force: true }));
    const indexer = await startIndexer({
      rpcUrl: fork.rpcUrl,
      chainId: fork.chainId,
      dataDir,
      deployment,
      rewards: { deployment: rewards, treeDir },
    });
    stops.push(indexer.stop);
    const app = await startApp({ rpcUrl: fork.rpcUrl, chainId: fork.chainId, indexerUrl: indexer.url });
    stops.push(app.stop);
    process.env[E2E_ENV.rpcUrl] = fork.rpcUrl;
    process.env[E2E_ENV.appUrl] = app.url;
    process.env[E2E_ENV.indexerUrl] = indexer.url;
    process.env[E2E_ENV.rewardsDir] = treeDir;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
