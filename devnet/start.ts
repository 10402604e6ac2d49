import { rmSync } from "node:fs";
import { join } from "node:path";
import { privateKeyToAccount } from "viem/accounts";
import { readPointsConfig } from "../indexer/campaign";
import { startPublisher } from "../indexer/publisher";
import { rewardsEnv, rewardsSetup } from "../indexer/rewards";
import { startIndexer } from "../indexer/start";
import { parseChainConfig, toViemChain } from "../lib/chain/config";
import { freePort, preferredOrFreePort } from "./anvil";
import { startAppBuild } from "./app-build";
import { writeDemoPointsConfig } from "./demoCampaign";
import { ACCOUNT_INDEX, devAccount, devPrivateKey } from "./deploy/config";
import { deployFerry, ferryDeployerKey, recordDeployment, scratchDeploymentFile } from "./deployFerry";
import { deployDemoRewards, REWARDS_FILE } from "./deployRewards";
import { prepareFork } from "./fork-mode";
import { startApp } from "./nextApp";
import { startWorld } from "./world";
import { CACHE_DIR } from "./world-files";

/** Ethereum's slot time: the demo chain keeps mining while idle, so its time follows the clock like a real one. */
const BLOCK_TIME_SECONDS = 12;

/** Seconds of wall time between two rounds of the rewards publisher. */
const PUBLISH_INTERVAL_MS = 5_000;

/**
 * Every start runs a fresh chain from the same state, so the index and the rewards trees of a previous run are wrong:
 * start empty.
 */
function freshCacheDir(name: string): string {
  const dir = join(CACHE_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * `npm start`: the world (or, with FORK_URL, a fork of that RPC), Ferry's contracts, the indexer and the production
 * app. Everything started here is stopped, by pid, on Ctrl-C or SIGTERM.
 */
const started = performance.now();
const stops: (() => Promise<void>)[] = [];
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const note = (message: string) => console.log(`[ferry] ${message}`);

async function shutdown(code: number) {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

try {
  const forkUrl = process.env.FORK_URL;
  const registerStop = (stop: () => Promise<void>) => stops.push(stop);
  // The chain, the contract compile and the app build start together; the deploy and the indexer need only the
  // compile, so they run while `next build` does.
  const build = startAppBuild(registerStop);
  // Awaited below; this only keeps an early failure from going unhandled.
  build.app.catch(() => undefined);
  const chain = await startWorld({ port: await preferredOrFreePort(8545), forkUrl, blockTime: BLOCK_TIME_SECONDS });
  stops.push(chain.stop);
  note(`${forkUrl ? `fork of ${forkUrl}` : "world"} on ${chain.rpcUrl} (chain ${chain.chainId}) after ${elapsed()}`);
  if (forkUrl) {
    for (const problem of await prepareFork(chain.rpcUrl, chain.chainId)) note(`address book: ${problem}`);
  }

  await build.contracts;
  const scratch = scratchDeploymentFile();
  const ferry = await deployFerry(chain.rpcUrl, chain.chainId, { recordTo: scratch });
  rmSync(scratch);
  note(`Ferry Migrator at ${ferry.migrator} after ${elapsed()}`);
  const rewardsScratch = scratchDeploymentFile();
  const rewards = await deployDemoRewards(chain.rpcUrl, chain.chainId, rewardsScratch);
  rmSync(rewardsScratch);
  note(`rewards distributor at ${rewards.distributor}, token ${rewards.rewardToken}, after ${elapsed()}`);
  const pointsConfig = writeDemoPointsConfig(join(freshCacheDir("campaign"), "points.json"));
  const treeDir = join(CACHE_DIR, "campaign", "rewards");
  // The indexer's port is chosen up front so the app, started alongside, knows where to find it.
  const indexerPort = await freePort();
  const indexer = startIndexer({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    port: indexerPort,
    dataDir: freshCacheDir("indexer"),
    deployment: ferry,
    pointsConfig,
    rewards: { deployment: rewards, treeDir },
  }).then(
    (running) => {
      stops.push(running.stop);
      return running;
    },
    (error: Error) => {
      note(`indexer not started: ${error.message}`);
      return undefined;
    },
  );

  note(`${(await build.app).built ? "built" : "reused"} the app after ${elapsed()}`);
  // Ferry's addresses are deterministic, so lib/ferry.json and lib/rewards.json rarely change (a new chain, a changed
  // contract). Both are recorded, whichever changed.
  const recorded = [recordDeployment(chain.chainId, ferry), recordDeployment(chain.chainId, rewards, REWARDS_FILE)];
  if (recorded.includes(true) && (await startAppBuild(registerStop).app).built) {
    note(`rebuilt the app for the new deployment records after ${elapsed()}`);
  }
  const app = await startApp({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    port: await preferredOrFreePort(3000),
    indexerUrl: `http://127.0.0.1:${indexerPort}`,
  });
  stops.push(app.stop);
  const runningIndexer = await indexer;
  const campaignRewards = rewardsSetup(
    rewardsEnv({ deployment: rewards, treeDir }),
    chain.chainId,
    readPointsConfig(pointsConfig),
  );
  if (runningIndexer && campaignRewards) {
    const publisher = startPublisher(
      {
        chain: toViemChain(parseChainConfig({ FERRY_CHAIN_ID: String(chain.chainId), FERRY_RPC_URL: chain.rpcUrl })),
        rpcUrl: chain.rpcUrl,
        indexerUrl: runningIndexer.url,
        rewards: campaignRewards,
        operator: privateKeyToAccount(ferryDeployerKey()),
      },
      PUBLISH_INTERVAL_MS,
      note,
    );
    stops.push(publisher.stop);
  }

  const demo = devAccount(ACCOUNT_INDEX.alice);
  const lines = [
    `Ferry is ready in ${elapsed()}`,
    "",
    `App       ${app.url}`,
    `RPC       ${chain.rpcUrl}`,
    `Chain id  ${chain.chainId}`,
    ...(runningIndexer ? [`Indexer   ${runningIndexer.url}`] : []),
    "",
    `Demo account (alice, anvil dev account ${ACCOUNT_INDEX.alice}): ${demo.address}`,
    `Private key to import in a browser wallet: ${devPrivateKey(ACCOUNT_INDEX.alice)}`,
    "Add the network to the wallet with the RPC and chain id above. Ctrl-C stops everything.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${"-".repeat(width + 2)}+`;
  console.log([rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule].join("\n"));
} catch (error) {
  console.error(`[ferry] start failed: ${(error as Error).message}`);
  await shutdown(1);
}
