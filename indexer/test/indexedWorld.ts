import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Address, type Hash, parseEventLogs } from "viem";
import { afterAll, beforeAll } from "vitest";
import { rpc } from "../../devnet/anvil";
import { devAccount, WORLD_CHAIN_ID } from "../../devnet/deploy/config";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { advanceTime } from "../../devnet/market";
import { approvePair, devnetWallet, migrateAaveV2ToV3, migrateV2ToV3 } from "../../devnet/migrations";
import { type RunningChain, startWorld } from "../../devnet/world";
import { boundedCredit, type PointsRule, usdValue } from "../../lib/campaign/points";
import type { UserReport } from "../../lib/campaign/stats";
import { addressesFor } from "../../lib/chain/addresses";
import { parseChainConfig, toViemChain } from "../../lib/chain/config";
import {
  aaveV3OracleAbi,
  migratorAbi,
  nonfungiblePositionManagerAbi,
  uniswapV3PoolAbi,
} from "../../lib/generated/abis";
import type { FerryDeployment } from "../../lib/migrator/deployment";
import { positionAmounts } from "../../lib/uniswap/v3/positionAmounts";
import { type RunningPostgres, startPostgres } from "../postgres";
import { type RunningIndexer, serveIndexerApi, startIndexer } from "../start";

const WAIT_MS = 30_000;
/** Starting a world, Postgres, Ferry's deployment and an indexer, beside the other suites on 2 cores. */
export const WORLD_START_TIMEOUT_MS = 180_000;
/** Stopping and starting Ponder (build, catching up) takes 20 s alone, much more beside other suites. */
export const RESTART_TIMEOUT_MS = 240_000;

/** A row of `/api/epochs`. */
export interface EpochSnapshot {
  blockNumber: string;
  timestamp: number;
  firstEpoch: number;
  epochs: number;
  heldUsd: string;
  points: string;
}

/** The campaign rule a test file configures: it starts at the world's head (see `IndexedWorld.start`). */
export type ConfiguredRule = Omit<PointsRule, "startTime">;

/**
 * An IndexedWorld for one test file: started before its tests and stopped after them. A start that outlasts its hook
 * is stopped too: every process it had started then, and any it finishes starting later.
 */
/** The rule the world tests index with: hourly epochs, 24 points per dollar-day, no boost, the 2% pool bound. */
export const HOURLY_RULE: ConfiguredRule = {
  epochSeconds: 3_600,
  pointsPerUsdPerDay: 24,
  boostDays: 0,
  boostMultiplierBps: 10_000,
  targetUsd: 1_000_000,
  maxPoolDeviationBps: 200,
  outOfRangeEarns: false,
  excluded: [],
};

export function indexedWorldForFile(rule: ConfiguredRule): IndexedWorld {
  const world = new IndexedWorld(rule);
  beforeAll(() => world.start(), WORLD_START_TIMEOUT_MS);
  afterAll(() => world.stop());
  return world;
}

/**
 * A world node with Ferry deployed and an indexer on it, with its own points rule and its own database on a
 * PostgreSQL server of its own (the production setup; `npm start` and the e2e tests run the default PGlite).
 */
export class IndexedWorld {
  indexer!: RunningIndexer;
  node!: RunningChain;
  postgres!: RunningPostgres;
  databaseUrl!: string;
  ferry!: FerryDeployment;
  /** The rule as the indexer applies it: the campaign's start is Ferry's deployment (`/api/campaign`). */
  rule!: PointsRule;
  readonly dataDir = mkdtempSync(join(tmpdir(), "ferry-indexer-"));
  readonly addresses = addressesFor(WORLD_CHAIN_ID);
  private stopped = false;
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(private readonly configured: ConfiguredRule) {}

  /**
   * Starts the world, Postgres, Ferry and the indexer. The campaign is configured to start at the world's head, which
   * the world's clock leaves ~11 months behind when it jumps to the wall clock for Ferry's deployment: the indexer
   * counts epochs from the deployment instead.
   */
  async start(): Promise<void> {
    [this.node, this.postgres] = await Promise.all([this.own(startWorld()), this.own(startPostgres())]);
    const head = await rpc<{ timestamp: string }>(this.node.rpcUrl, "eth_getBlockByNumber", ["latest", false]);
    [this.ferry, this.databaseUrl] = await Promise.all([
      deployFerry(this.node.rpcUrl, this.node.chainId, { recordTo: scratchDeploymentFile() }),
      this.postgres.database("ferry"),
    ]);
    writeFileSync(this.pointsConfig, JSON.stringify({ ...this.configured, startTime: Number(head.timestamp) }));
    await this.startIndexer();
    this.rule = (await this.api<{ rule: PointsRule }>("/api/campaign")).rule;
  }

  /** Keeps a started process's stop for `stop()`; one that finishes starting after `stop()` is stopped at once. */
  private async own<T extends { stop(): Promise<void> }>(starting: Promise<T>): Promise<T> {
    const started = await starting;
    if (this.stopped) {
      await started.stop();
      throw new Error("the indexed world was stopped while it was starting");
    }
    this.stops.push(() => started.stop());
    return started;
  }

  /** What a ponder process of this world is started with. */
  private get indexerOptions() {
    return {
      rpcUrl: this.node.rpcUrl,
      chainId: this.node.chainId,
      pointsConfig: this.pointsConfig,
      deployment: this.ferry,
      databaseUrl: this.databaseUrl,
    };
  }

  /** A separate `ponder serve` process reading this world's schema: the API scaled out. */
  serveApi(): Promise<RunningIndexer> {
    return serveIndexerApi(this.indexerOptions);
  }

  get pointsConfig() {
    return join(this.dataDir, "points.json");
  }

  /** (Re)starts the indexer on this world's schema, with the rule written at start. */
  async startIndexer(): Promise<void> {
    this.indexer = await this.own(startIndexer(this.indexerOptions));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Last started first: the indexer before the chain and the database it reads.
    for (const stop of this.stops.splice(0).reverse()) await stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A wallet of anvil dev account `index` (1..3 are the demo liquidity providers). */
  wallet(index: number) {
    const chain = toViemChain(
      parseChainConfig({ FERRY_CHAIN_ID: String(this.node.chainId), FERRY_RPC_URL: this.node.rpcUrl }),
    );
    return devnetWallet(this.node.rpcUrl, chain, devAccount(index));
  }

  /** Migrates `percentageBps` of the account's V2 LP in `pairName` to the 0.3% V3 pool; returns the event's payload. */
  async migrate(index: number, percentageBps: number, pairName: "WETH_USDC" | "WBTC_WETH" = "WETH_USDC") {
    const wallet = this.wallet(index);
    const pair = this.addresses.uniswapV2.pairs[pairName];
    await approvePair(wallet, pair, this.ferry.migrator);
    const hash = await migrateV2ToV3(wallet, { migrator: this.ferry.migrator, pair, fee: 3000, percentageBps });
    return this.migratedEvent(hash);
  }

  /** Moves the account's Aave V2 supply of `collateral` (no debt) to Aave V3; returns the `LendingMigrated` payload. */
  async migrateAave(index: number, collateral: ("WETH" | "WBTC" | "USDC" | "DAI")[]) {
    const hash = await migrateAaveV2ToV3(this.wallet(index), {
      migrator: this.ferry.migrator,
      dataProvider: this.addresses.aaveV2.dataProvider,
      collateral: collateral.map((symbol) => this.addresses.tokens[symbol]),
    });
    const receipt = await this.wallet(1).getTransactionReceipt({ hash });
    const [event] = parseEventLogs({ abi: migratorAbi, eventName: "LendingMigrated", logs: receipt.logs });
    if (!event) throw new Error(`no LendingMigrated event in ${hash}`);
    const block = await this.wallet(1).getBlock({ blockNumber: receipt.blockNumber });
    return { ...event, timestamp: Number(block.timestamp) };
  }

  async migratedEvent(hash: Hash) {
    const receipt = await this.wallet(1).getTransactionReceipt({ hash });
    const [event] = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
    if (!event) throw new Error(`no Migrated event in ${hash}`);
    const block = await this.wallet(1).getBlock({ blockNumber: receipt.blockNumber });
    return { ...event, timestamp: Number(block.timestamp) };
  }

  /** Moves the clock to the start of the next epoch and mines the block there; resolves with the snapshot it took. */
  async crossEpoch(): Promise<EpochSnapshot> {
    const next = await this.crossEpochUnindexed();
    const [latest] = await this.waitFor<EpochSnapshot[]>("/api/epochs?limit=1", (rows) =>
      rows.some((row) => row.timestamp >= next),
    );
    if (!latest) throw new Error("no epoch snapshot");
    return latest;
  }

  /** Moves the clock to the start of the next epoch and mines the block there; returns that epoch's start. */
  async crossEpochUnindexed(): Promise<number> {
    const head = await rpc<{ timestamp: string }>(this.node.rpcUrl, "eth_getBlockByNumber", ["latest", false]);
    const now = Number(head.timestamp);
    const { startTime, epochSeconds } = this.rule;
    const next = startTime + (Math.floor((now - startTime) / epochSeconds) + 1) * epochSeconds;
    await advanceTime(this.node.rpcUrl, next - now);
    return next;
  }

  async api<T>(path: string): Promise<T> {
    const response = await fetch(`${this.indexer.url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /**
   * Polls the API until `done` holds for its answer (the indexer follows the chain every 500 ms). While Ponder rolls a
   * reorg back on Postgres, a read can meet its lock and answer 500 ("lock timeout"): that counts as not yet, and the
   * last such answer is reported if the condition never holds.
   */
  async waitFor<T>(path: string, done: (body: T) => boolean): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const response = await fetch(`${this.indexer.url}${path}`);
      const last = response.ok ? ((await response.json()) as T) : `${response.status} ${await response.text()}`;
      if (response.status < 500 && !response.ok) throw new Error(`GET ${path}: ${last}`);
      if (response.ok && done(last as T)) return last as T;
      if (Date.now() > deadline)
        throw new Error(`GET ${path} never satisfied the condition; last: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * A WETH/USDC V3 position valued independently of the indexer, from chain state at `blockNumber`: its liquidity's
   * amounts at `pool`'s price, at the oracle's prices, capped at what was migrated into it.
   */
  async expectedCredit(tokenId: bigint, pool: Address, migratedUsd: bigint, blockNumber: bigint): Promise<bigint> {
    const client = this.wallet(1);
    const at = { blockNumber } as const;
    const [, , token0, token1, , tickLower, tickUpper, liquidity] = await client.readContract({
      ...at,
      address: this.addresses.uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "positions",
      args: [tokenId],
    });
    const { WETH, USDC } = this.addresses.tokens;
    // WETH (18 decimals) is token0 and USDC (6) token1 in this world's pools.
    if (token0 !== WETH || token1 !== USDC) throw new Error(`position ${tokenId} is not WETH/USDC`);
    const [sqrtPriceX96, tick] = await client.readContract({
      ...at,
      address: pool,
      abi: uniswapV3PoolAbi,
      functionName: "slot0",
    });
    const price = (token: Address) =>
      client.readContract({
        ...at,
        address: this.addresses.aaveV3.oracle,
        abi: aaveV3OracleAbi,
        functionName: "getAssetPrice",
        args: [token],
      });
    const amounts = positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, liquidity);
    const value = usdValue(amounts.amount0, 18, await price(WETH)) + usdValue(amounts.amount1, 6, await price(USDC));
    return boundedCredit(value, migratedUsd);
  }
}

/** A user's Uniswap V3 and Aave V3 holdings in `/api/users/:address`. */
export const uniswapHolding = (user: UserReport) => user.positions.find((held) => held.kind === "uniswap-v3");
export const lendingHolding = (user: UserReport) => user.positions.find((held) => held.kind === "aave-v3");
