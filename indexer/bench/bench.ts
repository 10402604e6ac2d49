/**
 * `npm run bench:indexer`: indexes N synthetic migrations generated on the world and reports the indexer's speed
 * and the dashboard API's latency. Everything runs on 127.0.0.1; every process started here is stopped by pid.
 *
 * BENCH_MIGRATIONS (default 10,000), BENCH_USERS (default 200), BENCH_REQUESTS per route (default 300).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, rpc, startAnvil } from "../../devnet/anvil";
import { ensureWorld } from "../../devnet/build-world";
import { accounts, WORLD_CHAIN_ID } from "../../devnet/deploy/config";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { WORLD_STATE } from "../../devnet/world-files";
import { addressesFor } from "../../lib/chain/addresses";
import { startIndexer } from "../start";
import { generateMigrations } from "./syntheticMigrations";

const MIGRATIONS = Number(process.env.BENCH_MIGRATIONS ?? 10_000);
const USERS = Number(process.env.BENCH_USERS ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PER_BLOCK = 500;
/** Mined after the migrations so they are final for Ponder (30 blocks on unknown chains) and go through its backfill. */
const FINALITY_BLOCKS = 64;

const dataDir = mkdtempSync(join(tmpdir(), "ferry-bench-"));
const stops: (() => Promise<void>)[] = [];
try {
  await ensureWorld();
  const node = await startAnvil([
    "--chain-id",
    String(WORLD_CHAIN_ID),
    "--load-state",
    WORLD_STATE,
    "--gas-limit",
    "1000000000",
  ]);
  stops.push(node.stop);
  const ferry = await deployFerry(node.rpcUrl, WORLD_CHAIN_ID, { recordTo: scratchDeploymentFile() });
  const addresses = addressesFor(WORLD_CHAIN_ID);

  const migrationsPerUser = Math.ceil(MIGRATIONS / USERS);
  let started = performance.now();
  await generateMigrations(node.rpcUrl, addresses, ferry.migrator, accounts.alice, {
    users: USERS,
    migrationsPerUser,
    perBlock: PER_BLOCK,
  });
  await rpc(node.rpcUrl, "anvil_mine", [`0x${FINALITY_BLOCKS.toString(16)}`]);
  const generated = USERS * migrationsPerUser;
  console.log(`generated ${generated} migrations on the world in ${seconds(performance.now() - started)} s`);

  // Indexing time runs from the moment Ponder's server answers (its build and database set-up done) to caught up.
  const port = await freePort();
  started = performance.now();
  let serving = 0;
  const watchHealth = (async () => {
    while (!serving) {
      if (
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        serving = performance.now();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const indexer = await startIndexer({
    rpcUrl: node.rpcUrl,
    chainId: WORLD_CHAIN_ID,
    port,
    dataDir: join(dataDir, "pglite"),
    deployment: ferry,
  });
  stops.unshift(indexer.stop);
  const caughtUp = performance.now();
  await watchHealth;
  const summary = (await (await fetch(`${indexer.url}/api/summary`)).json()) as { migrations: number };
  if (summary.migrations !== generated)
    throw new Error(`indexed ${summary.migrations} migrations, expected ${generated}`);
  // Each migration is two indexed events: the position's mint Transfer and Migrated.
  const events = generated * 2;
  const indexingMs = caughtUp - serving;

  const routes = [
    "/api/summary",
    "/api/daily",
    "/api/leaderboard?by=points",
    "/api/leaderboard?by=usd",
    `/api/users/${accounts.alice}`,
    `/api/migrations?user=${accounts.alice}`,
  ];
  const latency = [];
  for (const route of routes) {
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      const response = await fetch(`${indexer.url}${route}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${route} answered ${response.status}`);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    latency.push({ route, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
  }

  console.log(`\nIndexer benchmark: ${generated} migrations by ${USERS} users, ${PER_BLOCK} per block, PGlite\n`);
  console.table({
    "indexing (server up → caught up)": { value: `${seconds(indexingMs)} s` },
    "start to caught up (incl. Ponder build)": { value: `${seconds(caughtUp - started)} s` },
    "Migrated events / s": { value: Math.round(generated / (indexingMs / 1000)) },
    "all indexed events / s": { value: Math.round(events / (indexingMs / 1000)) },
  });
  console.log(`\nDashboard API latency, ${REQUESTS} sequential requests per route on 127.0.0.1 (ms)\n`);
  console.table(
    Object.fromEntries(latency.map(({ route, p50, p95 }) => [route, { p50: p50.toFixed(1), p95: p95.toFixed(1) }])),
  );
} finally {
  for (const stop of stops) await stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
