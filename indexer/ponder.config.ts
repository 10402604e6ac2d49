import { createConfig } from "ponder";
import { migratorAbi, nonfungiblePositionManagerAbi } from "../lib/generated/abis";
import { indexedChains } from "./chains";

const chains = indexedChains(process.env);

/** Embedded PGlite unless DATABASE_URL names a Postgres server (the path to scale). */
const database = process.env.DATABASE_URL
  ? ({ kind: "postgres", connectionString: process.env.DATABASE_URL } as const)
  : ({ kind: "pglite", directory: process.env.FERRY_INDEXER_DATA_DIR ?? ".ponder/pglite" } as const);

const perChain = <T>(pick: (chain: (typeof chains)[number]) => T) =>
  Object.fromEntries(chains.map((chain) => [chain.name, pick(chain)]));

export default createConfig({
  database,
  chains: perChain((chain) => ({ id: chain.id, rpc: chain.rpcUrl, pollingInterval: 500 })),
  contracts: {
    Migrator: {
      abi: migratorAbi,
      chain: perChain((chain) => ({ address: chain.migrator, startBlock: chain.startBlock })),
    },
    // Follows the destination positions after the migration: liquidity that leaves stops earning points.
    PositionManager: {
      abi: nonfungiblePositionManagerAbi,
      chain: perChain((chain) => ({ address: chain.positionManager, startBlock: chain.startBlock })),
    },
  },
});
