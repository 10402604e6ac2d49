/**
 * `npm run bench:indexer`: indexes N synthetic migrations generated on the world, with PGlite and with a PostgreSQL
 * server of its own, and reports for each the backfill speed, the time of one epoch snapshot over every position and
 * the dashboard API's latency. Everything runs on 127.0.0.1; every process started here is stopped by pid.
 *
 * Where the backfill's time goes: the CPU seconds the indexer, the database server and the RPC node used (the machine is
 * shared, so wall time alone says little), the part Ponder's own historical backfill took before the unfinalised tail
 * it indexes live, and a second backfill on a new schema of the same database, which reuses the RPC data Ponder cached
 * (`ponder_sync`): indexing alone, without fetching and storing blocks, transactions and logs.
 *
 * The floor: before Ferry's indexer, on a database of its own, the same chain is backfilled by `bench/floor`, an app
 * with the indexer's configuration and events and handlers that do nothing. It is what Ponder itself takes to fetch,
 * store and replay those events, measured in the same run: the speed no indexer of these events reaches on Ponder.
 *
 * BENCH_MIGRATIONS (default 10,000), BENCH_USERS (default 200), BENCH_REQUESTS per route (default 300), BENCH_SNAPSHOTS
 * (epoch boundaries crossed, default 3).
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
import { type RunningIndexer, startIndexer } from "../start";
import { cpuSeconds } from "./cpuTime";
import { generateMigrations } from "./syntheticMigrations";

const MIGRATIONS = Number(process.env.BENCH_MIGRATIONS ?? 10_000);
const USERS = Number(process.env.BENCH_USERS ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PER_BLOCK = 500;
/** Epoch boundaries crossed after the backfill: the snapshot time reported is their median. */
const SNAPSHOTS = Number(process.env.BENCH_SNAPSHOTS ?? 3);
const GOALS = { eventsPerSecond: 2_000, snapshotSeconds: 5, p95Ms: 50 };
const FLOOR_APP = join(import.meta.dirname, "floor");
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

  const blocks = Number(await rpc<string>(node.rpcUrl, "eth_blockNumber", [])) - ferry.deployBlock;

  const results = [];
  for (const database of ["PGlite", "Postgres"] as const) {
    let target: Database = { name: database, rpcPid: node.pid };
    if (database === "Postgres") {
      const postgres = await startPostgres();
      stops.push(postgres.stop);
      target = {
        ...target,
        url: await postgres.database("bench"),
        floorUrl: await postgres.database("bench_floor"),
        serverPid: postgres.pid,
      };
    }
    // Each database indexes the same chain: the epoch boundaries one mines are gone before the next starts (otherwise
    // its catching up would include their snapshots).
    const generatedChain = await rpc<string>(node.rpcUrl, "evm_snapshot", []);
    results.push(await measure(node.rpcUrl, ferry, target, generated));
    await rpc(node.rpcUrl, "evm_revert", [generatedChain]);
  }

  console.log(
    `\nIndexer benchmark: ${generated} migrations by ${USERS} users (sent ${PER_BLOCK} at a time; ${blocks} blocks from Ferry's deployment to the head)\n`,
  );
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.database,
        {
          "contract events": r.events,
          "backfill s": seconds(r.cold.caughtUpMs),
          [`events/s (goal ≥ ${GOALS.eventsPerSecond})`]: r.eventsPerSecond,
          "events/s ÷ goal": ratio(r.eventsPerSecond / GOALS.eventsPerSecond),
          "floor events/s": r.floorEventsPerSecond,
          "floor ÷ goal": ratio(r.floorEventsPerSecond / GOALS.eventsPerSecond),
          "events/s ÷ floor": ratio(r.eventsPerSecond / r.floorEventsPerSecond),
          [`snapshot s, median of ${SNAPSHOTS} (goal ≤ ${GOALS.snapshotSeconds})`]: seconds(r.snapshotMs),
          "snapshot ÷ goal": ratio(r.snapshotMs / 1000 / GOALS.snapshotSeconds),
          "API p50 ms": r.p50.toFixed(1),
          [`API p95 ms (goal ≤ ${GOALS.p95Ms})`]: r.p95.toFixed(1),
          "p95 ÷ goal": ratio(r.p95 / GOALS.p95Ms),
        },
      ]),
    ),
  );
  console.log("÷ goal: the figure over its goal; events/s meets it at ≥ 1, the snapshot and p95 at ≤ 1.");
  console.log(
    "floor: the same events backfilled the same way by an app whose handlers do nothing (bench/floor), on a database of its own: Ponder's own cost.",
  );
  console.log(
    "backfill: from the indexer's server answering to the indexer caught up with the head (the last 30 blocks, unfinalised for Ponder, indexed live).",
  );
  console.log("\nWhere the backfill's time went: wall seconds, and CPU seconds used meanwhile (the machine is shared)");
  console.table(
    Object.fromEntries(
      results.flatMap((r) =>
        [r.floor, r.cold, r.reindex].map((run) => [
          `${r.database}${run === r.floor ? ", floor" : run === r.reindex ? ", RPC data cached" : ""}`,
          {
            "historical s": seconds(run.historicalMs),
            "live tail s": seconds(run.caughtUpMs - run.historicalMs),
            "caught up s": seconds(run.caughtUpMs),
            "indexer CPU s": seconds(run.cpu.indexer * 1000),
            "database server CPU s": r.database === "Postgres" ? seconds(run.cpu.database * 1000) : "in the indexer",
            "RPC node CPU s": seconds(run.cpu.rpc * 1000),
            "events per indexer + database CPU s": Math.round(r.events / (run.cpu.indexer + run.cpu.database)),
          },
        ]),
      ),
    ),
  );
  console.log(
    "historical: to Ponder's 'Completed backfill indexing'; RPC data cached: a second backfill on a new schema of the same database, indexing alone (Ponder reuses the blocks, transactions, logs and calls it stored).",
  );
  for (const r of results) {
    console.log(`\n${r.database}: where the backfill's time went (summed durations from Ponder's metrics, ms)`);
    console.table(r.profile);
    console.log(
      `${r.database}: snapshots of ${r.snapshotPositions} positions: ${r.snapshots.map(seconds).join(", ")} s`,
    );
    console.log(`\n${r.database}: API latency, ${REQUESTS} sequential requests per route on 127.0.0.1 (ms)`);
    console.table(
      Object.fromEntries(r.latency.map(({ route, p50, p95 }) => [route, { p50: p50.toFixed(1), p95: p95.toFixed(1) }])),
    );
  }
} finally {
  for (const stop of stops) await stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** A database to index into; the pids whose CPU time the benchmark counts. */
interface Database {
  name: "PGlite" | "Postgres";
  /** Postgres: its connection string and server pid; PGlite runs inside the indexer's process. */
  url?: string;
  /** Postgres: the floor's own database, so that it fetches everything too (Ponder caches RPC data per database). */
  floorUrl?: string;
  serverPid?: number;
  rpcPid: number;
}

/** CPU seconds used so far by the indexer, the database server and the RPC node. */
interface CpuSample {
  indexer: number;
  database: number;
  rpc: number;
}

interface Backfill {
  indexer: RunningIndexer;
  /** From the server answering to Ponder's "Completed backfill indexing" (its historical, finalised range). */
  historicalMs: number;
  /** From the server answering to caught up with the head (the unfinalised tail indexed live included). */
  caughtUpMs: number;
  /** CPU seconds used from the server answering to caught up. */
  cpu: CpuSample;
}

/**
 * A fresh indexer on `schema` backfills the chain, timed from its server answering (its build and database set-up
 * done) to caught up with the head, with the CPU time each process used meanwhile.
 */
async function backfill(
  rpcUrl: string,
  ferry: FerryDeployment,
  database: Database,
  schema: string,
  app: "ferry" | "floor" = "ferry",
): Promise<Backfill> {
  let indexerPid: number | undefined;
  const sample = (): { at: number; cpu: CpuSample } => ({
    at: performance.now(),
    cpu: {
      indexer: indexerPid === undefined ? 0 : cpuSeconds(indexerPid),
      database: database.serverPid === undefined ? 0 : cpuSeconds(database.serverPid),
      rpc: cpuSeconds(database.rpcPid),
    },
  });
  const port = await freePort();
  let serving: ReturnType<typeof sample> | undefined;
  let historical: ReturnType<typeof sample> | undefined;
  const watchHealth = (async () => {
    while (!serving) {
      if (
        await getOnNewConnection(`http://127.0.0.1:${port}/health`).then(
          ({ status }) => status === 200,
          () => false,
        )
      )
        serving = sample();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const indexer = await startIndexer({
    rpcUrl,
    chainId: WORLD_CHAIN_ID,
    port,
    dataDir: join(dataDir, `${database.name}-${app}`),
    databaseUrl: app === "floor" ? database.floorUrl : database.url,
    root: app === "floor" ? FLOOR_APP : undefined,
    deployment: ferry,
    schema,
    onSpawn: (pid) => {
      indexerPid = pid;
    },
    onProgress: (line) => {
      if (/Completed backfill indexing/.test(line)) historical = sample();
      console.log(`  ${database.name} (${schema}): ${line}`);
    },
  });
  const caughtUp = sample();
  await watchHealth;
  if (!serving || !historical) {
    await indexer.stop();
    throw new Error(`${database.name}: no 'Completed backfill indexing' in the indexer's log`);
  }
  const start = serving;
  return {
    indexer,
    historicalMs: historical.at - start.at,
    caughtUpMs: caughtUp.at - start.at,
    cpu: {
      indexer: caughtUp.cpu.indexer - start.cpu.indexer,
      database: caughtUp.cpu.database - start.cpu.database,
      rpc: caughtUp.cpu.rpc - start.cpu.rpc,
    },
  };
}

/** Reads the indexer's summary: it must have indexed every generated migration. */
async function expectMigrations(database: Database, indexerUrl: string, generated: number): Promise<void> {
  const summary = await getJson<{ migrations: number }>(`${indexerUrl}/api/summary`);
  if (summary.migrations !== generated)
    throw new Error(`${database.name} indexed ${summary.migrations} migrations, expected ${generated}`);
}

/**
 * One database: a fresh indexer backfills the chain; then a second one on a new schema backfills it again from the RPC
 * data the first cached; on that one, the API's latency, then `SNAPSHOTS` epoch boundaries (each timed from mining the
 * boundary block to its snapshot being served).
 */
async function measure(rpcUrl: string, ferry: FerryDeployment, database: Database, generated: number) {
  const floor = await backfill(rpcUrl, ferry, database, "floor", "floor");
  let floorMetrics: string;
  try {
    floorMetrics = await getText(`${floor.indexer.url}/metrics`);
  } finally {
    await floor.indexer.stop();
  }
  const cold = await backfill(rpcUrl, ferry, database, "ferry");
  let metrics: string;
  try {
    await expectMigrations(database, cold.indexer.url, generated);
    metrics = await getText(`${cold.indexer.url}/metrics`);
  } finally {
    await cold.indexer.stop();
  }
  const events = indexedEvents(metrics);
  console.log(`  ${database.name}: indexed ${JSON.stringify(events)} in ${seconds(cold.caughtUpMs)} s`);
  const contractEvents = contractEventCount(events);
  const floorEvents = contractEventCount(indexedEvents(floorMetrics));
  if (floorEvents !== contractEvents) {
    throw new Error(
      `${database.name}: the floor handled ${floorEvents} contract events, the indexer ${contractEvents}`,
    );
  }

  const reindex = await backfill(rpcUrl, ferry, database, "ferry_reindex");
  const indexer = reindex.indexer;
  try {
    await expectMigrations(database, indexer.url, generated);

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
        const { status } = await getOnNewConnection(`${indexer.url}${route}`);
        if (status !== 200) throw new Error(`${route} answered ${status}`);
        samples.push(performance.now() - t);
      }
      all.push(...samples);
      samples.sort((a, b) => a - b);
      latency.push({ route, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
    }
    all.sort((a, b) => a - b);

    const snapshots: number[] = [];
    let snapshotPositions = 0;
    for (let i = 0; i < SNAPSHOTS; i++) {
      const snapshot = await timeSnapshot(rpcUrl, indexer.url);
      snapshots.push(snapshot.ms);
      snapshotPositions = snapshot.positions;
    }
    return {
      database: database.name,
      floor,
      floorEventsPerSecond: Math.round(contractEvents / (floor.caughtUpMs / 1000)),
      cold,
      reindex,
      events: contractEvents,
      eventsPerSecond: Math.round(contractEvents / (cold.caughtUpMs / 1000)),
      p50: percentile(all, 0.5),
      p95: percentile(all, 0.95),
      latency,
      snapshots,
      snapshotMs: percentile(
        [...snapshots].sort((a, b) => a - b),
        0.5,
      ),
      snapshotPositions,
      profile: backfillProfile(metrics),
    };
  } finally {
    await indexer.stop();
  }
}

/**
 * Events the indexer has run handlers for, by name, from Ponder's Prometheus metrics: the contract events (Migrated,
 * the position manager's Transfer and DecreaseLiquidity) and the epoch clock's blocks.
 */
function indexedEvents(metrics: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, event, count] of metrics.matchAll(
    /^ponder_indexing_completed_events\{[^}]*event="([^"]+)"[^}]*\} (\d+)/gm,
  )) {
    if (event && count) counts[event] = (counts[event] ?? 0) + Number(count);
  }
  return counts;
}

/** The events of contracts among those counted, leaving out the block sources (`EpochClock:block`). */
function contractEventCount(events: Record<string, number>): number {
  return Object.entries(events)
    .filter(([name]) => !name.endsWith(":block"))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Mines the next epoch's first block and times until the indexer serves the snapshot taken there. */
async function timeSnapshot(rpcUrl: string, indexerUrl: string): Promise<{ ms: number; positions: number }> {
  // The rule as the indexer applies it: its epochs count from Ferry's deployment.
  const { rule } = await getJson<{ rule: PointsRule }>(`${indexerUrl}/api/campaign`);
  const head = await rpc<{ timestamp: string }>(rpcUrl, "eth_getBlockByNumber", ["latest", false]);
  const now = Number(head.timestamp);
  const next = rule.startTime + (Math.floor((now - rule.startTime) / rule.epochSeconds) + 1) * rule.epochSeconds;
  const started = performance.now();
  await advanceTime(rpcUrl, next - now);
  for (;;) {
    const [latest] = await getJson<{ timestamp: number; positions: number }[]>(`${indexerUrl}/api/epochs?limit=1`);
    if (latest && latest.timestamp >= next) return { ms: performance.now() - started, positions: latest.positions };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * GETs `url` on a connection of its own and reads the whole answer. Never on a reused keep-alive socket: one the server
 * closes for idleness just as the client reuses it fails with ECONNRESET (undici drops idle sockets after 4 s, Node's
 * server after 5 s, and on a starved machine timers fire late). The API phase already avoided reuse after such a
 * failure; the snapshot phase still polled with `fetch`. A loopback connect costs well under a millisecond.
 */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function getText(url: string): Promise<string> {
  const { status, body } = await getOnNewConnection(url);
  if (status !== 200) throw new Error(`${url} answered ${status}: ${body.slice(0, 200)}`);
  return body;
}

async function getJson<T>(url: string): Promise<T> {
  return JSON.parse(await getText(url)) as T;
}

/**
 * Where the backfill's time went, from Ponder's metrics (durations summed over calls, some of which overlap): each
 * handler, each RPC method, and the sync store's writes and reads of what it fetched.
 */
function backfillProfile(metrics: string): Record<string, { ms: number; calls: number }> {
  const samples = new Map<string, number>();
  for (const [, name, labels, value] of metrics.matchAll(/^(\w+)\{([^}]*)\} (\S+)$/gm)) {
    samples.set(`${name}{${labels}}`, Number(value));
  }
  const sources = [
    { metric: "ponder_indexing_function_duration", label: "event", prefix: "handler" },
    { metric: "ponder_rpc_request_duration", label: "method", prefix: "rpc" },
    { metric: "ponder_database_method_duration", label: "method", prefix: "db" },
  ];
  const profile: Record<string, { ms: number; calls: number }> = {};
  for (const [key, ms] of samples) {
    for (const { metric, label, prefix } of sources) {
      const labels = key.startsWith(`${metric}_sum{`) ? key.slice(metric.length + 4) : undefined;
      const name = labels && new RegExp(`${label}="([^"]+)"`).exec(labels)?.[1];
      // Only what took half a second or more in all.
      if (name && ms >= 500) {
        profile[`${prefix} ${name}`] = { ms: Math.round(ms), calls: samples.get(`${metric}_count${labels}`) ?? 0 };
      }
    }
  }
  return profile;
}

function ratio(value: number): string {
  return value.toFixed(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
