import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, stopProcess } from "../devnet/anvil";
import type { RewardsDeployment } from "../lib/campaign/rewardsDeployment";
import { MULTICALL3 } from "../lib/chain/multicall3";
import type { FerryDeployment } from "../lib/migrator/deployment";
import { loadPointsRule } from "./campaign";
import { indexedChain } from "./chains";
import { rewardsEnv } from "./rewards";

const INDEXER_DIR = import.meta.dirname;
const PONDER_BIN = join(INDEXER_DIR, "..", "node_modules", ".bin", "ponder");
/**
 * How long the indexer may go without a new log line (it logs its build, each indexed block range and its backfill
 * percentage every 5 s) before start-up fails: the whole wait scales with the work, so a 10,000-migration backfill on a
 * busy machine is not cut off. Generous, because building the app before its first line has taken over 2 minutes on
 * a loaded 2-core machine.
 */
const STALL_TIMEOUT_MS = 240_000;
const RPC_TIMEOUT_MS = 5_000;
const SERVER_PORT = /Created HTTP server\D*?port\D*?(\d+)/;

export interface IndexerOptions {
  rpcUrl: string;
  chainId: number;
  port?: number;
  /**
   * PGlite directory to keep between runs (to resume); by default a fresh temporary one, removed on stop, since the
   * devnet it serves is new on every run. Ignored when `DATABASE_URL` is set.
   */
  dataDir?: string;
  /** Points rule JSON (default `indexer/points.config.json`). */
  pointsConfig?: string;
  /** A Postgres connection string; embedded PGlite when omitted (and `DATABASE_URL` unset). */
  databaseUrl?: string;
  /** Ferry's deployment on this chain; `lib/ferry.json`'s entry when omitted. */
  deployment?: FerryDeployment;
  /** Called with each backfill progress line while waiting for readiness (e.g. `console.log` in the benchmark). */
  onProgress?: (line: string) => void;
  /** Called with the ponder process's pid as soon as it is spawned (the benchmark samples its CPU time). */
  onSpawn?: (pid: number) => void;
  /**
   * The database schema of Ponder's tables (default `ferry`). Another schema on the same database indexes from
   * scratch but reuses the RPC data Ponder cached (its `ponder_sync` schema): the benchmark times indexing alone so.
   */
  schema?: string;
  /** The Ponder app to run: this indexer unless given (the benchmark runs its floor, `bench/floor`). */
  root?: string;
  /** The rewards distributor on this chain (`lib/rewards.json`'s entry when omitted) and where its trees are published. */
  rewards?: { deployment: RewardsDeployment; treeDir: string };
}

export interface RunningIndexer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs `ponder start` (production mode) beside a chain and resolves once its API serves fully indexed data
 * (`/ready`). A wrong chain, a missing deployment or an unreachable RPC fail here, with a message saying which.
 */
export async function startIndexer(options: IndexerOptions): Promise<RunningIndexer> {
  const env = indexerEnv(options);
  indexedChain(env);
  loadPointsRule(env.FERRY_POINTS_CONFIG);
  await rpcCall(options.rpcUrl, "eth_chainId").then((served) => {
    if (Number(served) !== options.chainId) {
      throw new Error(`the RPC ${options.rpcUrl} serves chain ${Number(served)}, not ${options.chainId}`);
    }
  });
  if ((await rpcCall(options.rpcUrl, "eth_getCode", [MULTICALL3, "latest"])) === "0x") {
    throw new Error(
      `no Multicall3 at ${MULTICALL3} on chain ${options.chainId}: the indexer's epoch snapshots batch their reads through it`,
    );
  }
  const head = Number(await rpcCall(options.rpcUrl, "eth_blockNumber"));

  // A free port unless told: indexers of parallel test runs must never answer for each other.
  const port = options.port ?? (await freePort());
  const temporaryDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), "ferry-indexer-"));
  const removeTemporaryDir = () => {
    if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
  };
  const schema = options.schema ?? "ferry";
  const args = [
    "start",
    "--root",
    options.root ?? INDEXER_DIR,
    "--hostname",
    "127.0.0.1",
    "--port",
    String(port),
    "--schema",
    schema,
  ];
  const child = spawn(PONDER_BIN, args, {
    env: { ...env, FERRY_INDEXER_DATA_DIR: options.dataDir ?? temporaryDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  return awaitServing(child, port, { head, removeTemporaryDir, onProgress: options.onProgress });
}

/**
 * Runs `ponder serve`: the API alone, reading the schema a `ponder start` on the same Postgres writes (how the API
 * scales out to more processes). Resolves once it answers.
 */
export async function serveIndexerApi(options: IndexerOptions & { databaseUrl: string }): Promise<RunningIndexer> {
  const port = options.port ?? (await freePort());
  const args = ["serve", "--root", INDEXER_DIR, "--hostname", "127.0.0.1", "--port", String(port), "--schema", "ferry"];
  const child = spawn(PONDER_BIN, args, { env: indexerEnv(options), stdio: ["ignore", "pipe", "pipe"] });
  return awaitServing(child, port, {});
}

/** The environment a ponder process of these options runs with. */
function indexerEnv(options: IndexerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    // Plain logs: readiness is read from them, and CI=true would otherwise turn on colour codes.
    NO_COLOR: "1",
    FERRY_CHAIN_ID: String(options.chainId),
    [`PONDER_RPC_URL_${options.chainId}`]: options.rpcUrl,
    ...(options.pointsConfig && { FERRY_POINTS_CONFIG: options.pointsConfig }),
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
    ...(options.deployment && {
      FERRY_MIGRATOR: options.deployment.migrator,
      FERRY_START_BLOCK: String(options.deployment.deployBlock),
    }),
    ...(options.rewards && rewardsEnv(options.rewards)),
  };
}

/**
 * Resolves once `child` serves its API on the port it reports and, for `ponder start` (given `head`), has indexed the
 * chain up to `head`; an exit, or no log line for `STALL_TIMEOUT_MS`, rejects with its log.
 */
async function awaitServing(
  child: ChildProcess,
  port: number,
  {
    head,
    removeTemporaryDir = () => {},
    onProgress,
  }: { head?: number; removeTemporaryDir?: () => void; onProgress?: (line: string) => void },
): Promise<RunningIndexer> {
  // If this process ends first (a test timing out, Ctrl-C), the indexer must not outlive it.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  let stopping = false;
  const stop = () => {
    stopping = true;
    return stopProcess(child).then(() => {
      process.off("exit", killChild);
      removeTemporaryDir();
    });
  };
  let output = "";
  const live = new LiveProgress();
  let deadline = Date.now() + STALL_TIMEOUT_MS;
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-8_000);
    live.observe(output);
    deadline = Date.now() + STALL_TIMEOUT_MS;
    for (const line of String(chunk).split("\n")) if (PROGRESS.test(line)) onProgress?.(line.trim());
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  // Ponder moves to the next port when the one asked for was taken meanwhile: use the one it reports.
  let servedPort: string | undefined;
  for (;;) {
    if (child.exitCode !== null) {
      process.off("exit", killChild);
      removeTemporaryDir();
      throw new Error(`the indexer exited with ${child.exitCode}:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the indexer logged nothing for ${STALL_TIMEOUT_MS / 1000} s and was not ready on port ${servedPort ?? port}:\n${output}`,
      );
    }
    servedPort ??= SERVER_PORT.exec(output)?.[1];
    const indexed = head === undefined || live.reached(head);
    if (servedPort && indexed && (await answersReady(`http://127.0.0.1:${servedPort}`))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error("ponder started without a pid");
  // Nobody reads its log once it is ready: an indexer that dies later (in the middle of a test run) says why here.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`the indexer exited with ${code ?? signal} after it was ready:\n${output}`);
  });
  return { url: `http://127.0.0.1:${servedPort}`, pid: child.pid, stop };
}

/** Log lines that say how far the indexer is, for `onProgress`. */
const PROGRESS = /Updated backfill indexing progress|Indexed block|Started live indexing|Completed backfill/;
const LIVE_START = /Started live indexing[^\n]*?finalized_block=(\d+)/;
const INDEXED_BLOCK = /Indexed block[^\n]*? number=(\d+)/g;

/**
 * After a restart (crash recovery) `/status` still reports the checkpoint reached before it while the unfinalized
 * blocks are being re-indexed: `head` counts as indexed only once live indexing has started from a finalized block at
 * or past it, or has logged a block at or past it.
 */
class LiveProgress {
  private finalized?: number;
  private indexed = -1;

  observe(output: string): void {
    const finalized = LIVE_START.exec(output)?.[1];
    if (finalized !== undefined) this.finalized = Number(finalized);
    for (const match of output.matchAll(INDEXED_BLOCK)) this.indexed = Math.max(this.indexed, Number(match[1]));
  }

  reached(head: number): boolean {
    return this.finalized !== undefined && (this.finalized >= head || this.indexed >= head);
  }
}

/** The backfill is done; with its log showing `head` indexed (LiveProgress), the API serves the chain's data. */
async function answersReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(RPC_TIMEOUT_MS) })).ok;
  } catch {
    return false;
  }
}

/** One JSON-RPC call; an unreachable or failing RPC throws a message naming it. */
async function rpcCall(rpcUrl: string, method: string, params: unknown[] = []): Promise<string> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
    });
    const body = (await response.json()) as { result?: string; error?: { message: string } };
    if (body.result === undefined) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
    return body.result;
  } catch (error) {
    throw new Error(`the indexer cannot reach the RPC ${rpcUrl}: ${(error as Error).message}`);
  }
}
