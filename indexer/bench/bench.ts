/**
 * `npm run bench:indexer`: indexes N synthetic migrations generated on the world, with PGlite and with a PostgreSQL
 * server of its own, and reports for each the backfill speed, the time of one epoch snapshot over every position and
 * the dashboard API's latency. Everything runs on 127.0.0.1; every process started here is stopped by pid.
 *
 * BENCH_MIGRATIONS (default 10,000), BENCH_USERS (default 200), BENCH_REQUESTS per route (default 300).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, rpc, startAnvil } from "../../devnet/anvil";
import { ensureWorld } from "../../devnet/build-world";
import { accounts, WORLD_CHAIN_ID } from "../../devnet/deploy/config";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { advanceTime } from "../../devnet/market";
import { WORLD_STATE } from "../../devnet/world-files";
import type { PointsRule } from "../../lib/campaign/points";
import { addressesFor } from "../../lib/chain/addresses";
import type { FerryDeployment } from "../../lib/migrator/deployment";
import { startPostgres } from "../postgres";
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
  const started = performance.now();
  await generateMigrations(node.rpcUrl, addresses, ferry.migrator, accounts.alice, {
    users: USERS,
    migrationsPerUser,
    perBlock: PER_BLOCK,
  });
  await rpc(node.rpcUrl, "anvil_mine", [`0x${FINALITY_BLOCKS.toString(16)}`]);
  const generated = USERS * migrationsPerUser;
  console.log(`generated ${generated} migrations on the world in ${seconds(performance.now() - started)} s`);

  const results = [];
  for (const database of ["PGlite", "Postgres"] as const) {
    let databaseUrl: string | undefined;
    if (database === "Postgres") {
      const postgres = await startPostgres();
      stops.push(postgres.stop);
      databaseUrl = await postgres.database("bench");
    }
    results.push(await measure(node.rpcUrl, ferry, database, databaseUrl, generated));
  }

  console.log(`\nIndexer benchmark: ${generated} migrations by ${USERS} users, ${PER_BLOCK} per block\n`);
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.database,
        {
          "contract events": r.events,
          "backfill events/s (goal ≥ 2,000)": r.eventsPerSecond,
          "Migrated events/s": r.migratedPerSecond,
          "backfill s": seconds(r.indexingMs),
          "epoch snapshot s (goal ≤ 5)": seconds(r.snapshotMs),
          "snapshot positions": r.snapshotPositions,
          "API p50 ms": r.p50.toFixed(1),
          "API p95 ms (goal ≤ 50)": r.p95.toFixed(1),
        },
      ]),
    ),
  );
  for (const r of results) {
    console.log(`\n${r.database}: API latency, ${REQUESTS} sequential requests per route on 127.0.0.1 (ms)`);
    console.table(
      Object.fromEntries(r.latency.map(({ route, p50, p95 }) => [route, { p50: p50.toFixed(1), p95: p95.toFixed(1) }])),
    );
  }
} finally {
  for (const stop of stops) await stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * One database: a fresh indexer backfills the chain (timed from its server answering to caught up), then the API's
 * latency, then one epoch boundary (timed from the boundary block to its snapshot being served).
 */
async function measure(
  rpcUrl: string,
  ferry: FerryDeployment,
  database: "PGlite" | "Postgres",
  databaseUrl: string | undefined,
  generated: number,
) {
  const port = await freePort();
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
    rpcUrl,
    chainId: WORLD_CHAIN_ID,
    port,
    dataDir: join(dataDir, database),
    databaseUrl,
    deployment: ferry,
    onProgress: (line) => console.log(`  ${database}: ${line}`),
  });
  try {
    const caughtUp = performance.now();
    await watchHealth;
    const summary = (await (await fetch(`${indexer.url}/api/summary`)).json()) as { migrations: number };
    if (summary.migrations !== generated)
      throw new Error(`indexed ${summary.migrations} migrations, expected ${generated}`);
    const indexingMs = caughtUp - serving;
    const events = await indexedEvents(indexer.url);
    console.log(`  ${database}: indexed ${JSON.stringify(events)} in ${seconds(indexingMs)} s`);
    const contractEvents = Object.entries(events)
      .filter(([name]) => !name.endsWith(":block"))
      .reduce((sum, [, count]) => sum + count, 0);

    const routes = [
      "/api/summary",
      "/api/daily",
      "/api/leaderboard?by=points",
      "/api/leaderboard?by=usd",
      `/api/users/${accounts.alice}`,
      `/api/migrations?user=${accounts.alice}`,
      "/api/epochs",
    ];
    const latency = [];
    const all: number[] = [];
    for (const route of routes) {
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const status = await getOnNewConnection(`${indexer.url}${route}`);
        if (status !== 200) throw new Error(`${route} answered ${status}`);
        samples.push(performance.now() - t);
      }
      all.push(...samples);
      samples.sort((a, b) => a - b);
      latency.push({ route, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
    }
    all.sort((a, b) => a - b);

    const snapshot = await timeSnapshot(rpcUrl, indexer.url);
    return {
      database,
      indexingMs,
      events: contractEvents,
      eventsPerSecond: Math.round(contractEvents / (indexingMs / 1000)),
      migratedPerSecond: Math.round((events["Migrator:Migrated"] ?? 0) / (indexingMs / 1000)),
      p50: percentile(all, 0.5),
      p95: percentile(all, 0.95),
      latency,
      snapshotMs: snapshot.ms,
      snapshotPositions: snapshot.positions,
    };
  } finally {
    await indexer.stop();
  }
}

/**
 * Events the indexer has run handlers for, by name, from Ponder's Prometheus metrics: the contract events (Migrated,
 * the position manager's Transfer and DecreaseLiquidity) and the epoch clock's blocks.
 */
async function indexedEvents(indexerUrl: string): Promise<Record<string, number>> {
  const metrics = await (await fetch(`${indexerUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const [, event, count] of metrics.matchAll(
    /^ponder_indexing_completed_events\{[^}]*event="([^"]+)"[^}]*\} (\d+)/gm,
  )) {
    if (event && count) counts[event] = (counts[event] ?? 0) + Number(count);
  }
  return counts;
}

/** Mines the next epoch's first block and times until the indexer serves the snapshot taken there. */
async function timeSnapshot(rpcUrl: string, indexerUrl: string): Promise<{ ms: number; positions: number }> {
  // The rule as the indexer applies it: its epochs count from Ferry's deployment.
  const { rule } = (await (await fetch(`${indexerUrl}/api/campaign`)).json()) as { rule: PointsRule };
  const head = await rpc<{ timestamp: string }>(rpcUrl, "eth_getBlockByNumber", ["latest", false]);
  const now = Number(head.timestamp);
  const next = rule.startTime + (Math.floor((now - rule.startTime) / rule.epochSeconds) + 1) * rule.epochSeconds;
  const started = performance.now();
  await advanceTime(rpcUrl, next - now);
  for (;;) {
    const [latest] = (await (await fetch(`${indexerUrl}/api/epochs?limit=1`)).json()) as {
      timestamp: number;
      positions: number;
    }[];
    if (latest && latest.timestamp >= next) return { ms: performance.now() - started, positions: latest.positions };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * GETs `url` on a connection of its own and reads the whole answer; resolves with the status. A reused keep-alive
 * socket can be closed by the server just as a request goes out (ECONNRESET): a real client would retry, a benchmark
 * must not, so each request pays its own loopback connect (well under a millisecond) instead.
 */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    }).on("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
