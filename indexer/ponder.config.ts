import { createConfig } from "ponder";
import { erc721Abi } from "viem";
import { aaveV3PoolAbi, migratorAbi, nonfungiblePositionManagerAbi } from "../lib/generated/abis";
import { indexedChain } from "./chains";
import { v4PoolManagerAbi } from "./v4PoolManagerAbi";

const chain = indexedChain(process.env);

/**
 * Ponder 0.16.6 throttles each RPC URL it is given to 20 requests/s at first, raising the limit by 5% only after 10 s
 * of saturated traffic (`INITIAL_MAX_RPS` in ponder/src/rpc/index.ts; the `maxRequestsPerSecond` chain option is not
 * read). A node on this machine has no rate limit to respect, and the throttle alone cost ~3 s of fetching the 30
 * unfinalised blocks Ponder indexes live after a backfill: a loopback RPC is given as several URLs, one limit each.
 */
const LOOPBACK_RPC_COPIES = 8;
const isLoopback = (url: string) => ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
const rpc = isLoopback(chain.rpcUrl) ? Array<string>(LOOPBACK_RPC_COPIES).fill(chain.rpcUrl) : chain.rpcUrl;

/** Embedded PGlite unless DATABASE_URL names a Postgres server (the path to scale). */
const database = process.env.DATABASE_URL
  ? ({ kind: "postgres", connectionString: process.env.DATABASE_URL } as const)
  : ({ kind: "pglite", directory: process.env.FERRY_INDEXER_DATA_DIR ?? ".ponder/pglite" } as const);

export default createConfig({
  database,
  chains: { [chain.name]: { id: chain.id, rpc, pollingInterval: 500 } },
  contracts: {
    Migrator: {
      abi: migratorAbi,
      chain: { [chain.name]: { address: chain.migrator, startBlock: chain.startBlock } },
    },
    // Follows the destination positions after the migration: liquidity that leaves stops earning points.
    PositionManager: {
      abi: nonfungiblePositionManagerAbi,
      chain: { [chain.name]: { address: chain.positionManager, startBlock: chain.startBlock } },
    },
    // Uniswap V4: liquidity leaves a position as the PoolManager's ModifyLiquidity (the V4 PositionManager emits no
    // DecreaseLiquidity). Only the PositionManager's are fetched (`sender` is indexed): never other routers' modifies.
    V4PoolManager: {
      abi: v4PoolManagerAbi,
      chain: { [chain.name]: { address: chain.v4PoolManager, startBlock: chain.startBlock } },
      filter: { event: "ModifyLiquidity", args: { sender: chain.v4PositionManager } },
    },
    // The V4 positions' ERC-721: a transferred position earns nothing for the migrator.
    V4PositionManager: {
      abi: erc721Abi,
      chain: { [chain.name]: { address: chain.v4PositionManager, startBlock: chain.startBlock } },
    },
    // Follows lending migrations after they land: a migrated asset withdrawn from Aave V3 stops earning points.
    AaveV3Pool: {
      abi: aaveV3PoolAbi,
      chain: { [chain.name]: { address: chain.aaveV3Pool, startBlock: chain.startBlock } },
    },
  },
  // The campaign's clock: each block is checked for an epoch boundary, where the snapshot reads chain state. It starts
  // at the first block that can hold the Migrator (the deployment record names the block the deploy script ran
  // against), which also starts the campaign when its configured start is earlier (src/EpochClock.ts).
  blocks: {
    EpochClock: { chain: chain.name, startBlock: chain.startBlock + 1, interval: 1 },
  },
});
