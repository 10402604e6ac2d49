import { rmSync } from "node:fs";
import { join } from "node:path";
import { startIndexer } from "../indexer/start";
import { freePort, preferredOrFreePort } from "./anvil";
import { startAppBuild } from "./app-build";
import { ACCOUNT_INDEX, devAccount, devPrivateKey } from "./deploy/config";
import { deployFerry, recordDeployment, scratchDeploymentFile } from "./deployFerry";
import { prepareFork } from "./fork-mode";
import { startApp } from "./nextApp";
import { startWorld } from "./world";
import { CACHE_DIR } from "./world-files";

/** Ethereum's slot time: the demo chain keeps mining while idle, so its time follows the clock like a real one. */
const BLOCK_TIME_SECONDS = 12;

/** Every start runs a fresh chain from the same state, so the index of a previous run is wrong: start empty. */
function freshIndexerDir(): string {
  const dir = join(CACHE_DIR, "indexer");
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
  // The indexer's port is chosen up front so the app, started alongside, knows where to find it.
  const indexerPort = await freePort();
  const indexer = startIndexer({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    port: indexerPort,
    dataDir: freshIndexerDir(),
    deployment: ferry,
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
  // Ferry's addresses are deterministic, so lib/ferry.json rarely changes (a new chain, a changed contract).
  if (recordDeployment(chain.chainId, ferry) && (await startAppBuild(registerStop).app).built) {
    note(`rebuilt the app for the new lib/ferry.json after ${elapsed()}`);
  }
  const app = await startApp({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    port: await preferredOrFreePort(3000),
    indexerUrl: `http://127.0.0.1:${indexerPort}`,
  });
  stops.push(app.stop);
  const runningIndexer = await indexer;

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
