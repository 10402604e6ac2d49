import { index, onchainTable, type PgColumnsBuilders, primaryKey } from "ponder";

/**
 * USD amounts carry 8 decimals (the Aave oracle's), points 8 decimals too; token amounts are raw units.
 * "Retained" USD is the migrated value still in the new version: it falls when liquidity leaves, so pulling out and
 * migrating again never counts twice.
 */

/** One migrated position, keyed on where its event sits so a replayed or reorged log can never count twice. */
export const migration = onchainTable(
  "migration",
  (t) => ({
    chainId: t.integer().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    user: t.hex().notNull(),
    route: t.text().notNull(),
    source: t.hex().notNull(),
    sourceAmount: t.bigint().notNull(),
    destination: t.hex().notNull(),
    destinationId: t.bigint().notNull(),
    liquidity: t.bigint().notNull(),
    token0: t.hex().notNull(),
    token1: t.hex().notNull(),
    amount0: t.bigint().notNull(),
    amount1: t.bigint().notNull(),
    price0Usd: t.bigint().notNull(),
    price1Usd: t.bigint().notNull(),
    usd: t.bigint().notNull(),
    /** Why a leg could not be valued (`token0:no-decimals`…); that leg counts 0. */
    unpriced: t.text(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.txHash, table.logIndex] }),
    // A user's latest migrations (`/api/migrations?user=`) in index order, without sorting all of theirs.
    userIdx: index().on(table.user, table.blockNumber, table.logIndex),
    timeIdx: index().on(table.timestamp),
  }),
);

/**
 * One lending migration (`LendingMigrated`), keyed like `migration`: the assets and amounts moved, the oracle prices
 * used (same order as the assets), collateral and debt in USD and the net USD it credits (collateral − debt).
 */
export const lendingMigration = onchainTable(
  "lending_migration",
  (t) => ({
    chainId: t.integer().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    user: t.hex().notNull(),
    route: t.text().notNull(),
    source: t.hex().notNull(),
    destination: t.hex().notNull(),
    collateralAssets: t.hex().array().notNull(),
    collateralAmounts: t.bigint().array().notNull(),
    collateralPricesUsd: t.bigint().array().notNull(),
    debtAssets: t.hex().array().notNull(),
    debtAmounts: t.bigint().array().notNull(),
    debtPricesUsd: t.bigint().array().notNull(),
    collateralUsd: t.bigint().notNull(),
    debtUsd: t.bigint().notNull(),
    usd: t.bigint().notNull(),
    /** Why an asset could not be valued (`0x…:no-price`…); it counts 0. */
    unpriced: t.text(),
    sourceHealthFactorAfter: t.bigint().notNull(),
    destinationHealthFactorAfter: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.txHash, table.logIndex] }),
    userIdx: index().on(table.user),
    timeIdx: index().on(table.timestamp),
  }),
);

/**
 * A user's lending migrations into Aave V3: the assets they moved there, the USD migrated (the cap of their credit),
 * `retainedUsd` as withdrawal events leave it (a statistic), and what the last epoch snapshot found (`held`).
 */
export const lendingPosition = onchainTable(
  "lending_position",
  (t) => ({
    chainId: t.integer().notNull(),
    user: t.hex().notNull(),
    pool: t.hex().notNull(),
    assets: t.hex().array().notNull(),
    migratedUsd: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
    ...heldColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.user] }) }),
);

/**
 * A destination position that received migrated liquidity: `user` migrated into it and alone earns on it, `owner`
 * follows transfers (the zero address once burnt); liquidity and `retainedUsd` as events leave them (a statistic),
 * what the last epoch snapshot found (`held`) and the USD migrated into it (the cap of its credit). Keyed on its
 * position manager and token id: token ids are only unique within one manager (V3's and V4's both count from 1).
 * `pool` is the V3 pool's address, or the V4 PoolId (32 bytes; see `v4_pool`).
 *
 * Its chain state (`positionState.ts`): the block after its first migration reads its range, tokens and whole liquidity
 * once (`syncedBlock`, null until then); from there its liquidity follows its own events, so a snapshot reads only the
 * pools' prices.
 */
export const position = onchainTable(
  "position",
  (t) => ({
    chainId: t.integer().notNull(),
    positionManager: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    user: t.hex().notNull(),
    owner: t.hex().notNull(),
    pool: t.hex().notNull(),
    liquidity: t.bigint().notNull(),
    migratedUsd: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
    /** The block at whose end its state was read; its events up to that block are in it, later ones applied. */
    syncedBlock: t.bigint(),
    /** The whole position's liquidity on chain (Ferry's and anyone's), its range, and its tokens as the oracle prices them. */
    positionLiquidity: t.bigint(),
    tickLower: t.integer(),
    tickUpper: t.integer(),
    token0: t.hex(),
    token1: t.hex(),
    ...heldColumns(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.positionManager, table.tokenId] }),
    userIdx: index().on(table.user),
  }),
);

/**
 * A Uniswap V4 pool that received a migration, by its PoolId (a V4 position's `pool`): its key names it ("ETH/USDC
 * 0.05% · V4"). `currency0` is the zero address for native ETH.
 */
export const v4Pool = onchainTable(
  "v4_pool",
  (t) => ({
    chainId: t.integer().notNull(),
    poolId: t.hex().notNull(),
    currency0: t.hex().notNull(),
    currency1: t.hex().notNull(),
    fee: t.integer().notNull(),
    tickSpacing: t.integer().notNull(),
    hooks: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.poolId] }) }),
);

/** What an epoch snapshot found for one position: the USD credited, its state, the points it earned per epoch and in all. */
function heldColumns(t: PgColumnsBuilders) {
  return {
    heldUsd: t.bigint().notNull().default(0n),
    /** `earning`, or why it earns nothing: out-of-range, off-market, withdrawn, transferred, unpriced. */
    state: t.text().notNull().default("earning"),
    pointsPerEpoch: t.bigint().notNull().default(0n),
    points: t.bigint().notNull().default(0n),
  };
}

/**
 * The campaign's clock: when the campaign started on this chain (unix seconds: the configured start, or the first
 * block after Ferry's deployment if later) and the epoch of the last indexed block. Each block that starts a later
 * epoch takes the snapshot that closes the epochs in between; keyed per chain, rolled back with the blocks on a reorg.
 * `unsyncedPositions`: the positions migrations created in this block, whose chain state is read at its end
 * (`positionManager:tokenId`; a list, so that reading them needs no query that would empty Ponder's row cache).
 */
export const epochClock = onchainTable("epoch_clock", (t) => ({
  chainId: t.integer().primaryKey(),
  startTime: t.integer().notNull(),
  epoch: t.integer().notNull(),
  unsyncedPositions: t.text().array().notNull(),
}));

/** One snapshot: the block it read, the epochs it closed, the USD held then and the points they earned. */
export const epochSnapshot = onchainTable(
  "epoch_snapshot",
  (t) => ({
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    firstEpoch: t.integer().notNull(),
    epochs: t.integer().notNull(),
    positions: t.integer().notNull(),
    heldUsd: t.bigint().notNull(),
    points: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.blockNumber] }) }),
);

/**
 * What one snapshot credited one user with (users who earned points in it only): the rewards publisher splits each
 * epoch's budget from these rows, so every epoch pays on the value its own snapshot found.
 */
export const userSnapshot = onchainTable(
  "user_snapshot",
  (t) => ({
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    user: t.hex().notNull(),
    heldUsd: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.blockNumber, table.user] }) }),
);

/**
 * Per-user totals: migrated and retained USD as events leave them (statistics), and from the epoch snapshots the USD
 * held at the last one and the points earned so far (what rankings use).
 */
export const userTotal = onchainTable(
  "user_total",
  (t) => ({
    chainId: t.integer().notNull(),
    user: t.hex().notNull(),
    excluded: t.boolean().notNull(),
    migrations: t.integer().notNull(),
    migratedUsd: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
    heldUsd: t.bigint().notNull().default(0n),
    points: t.bigint().notNull().default(0n),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.user] }),
    heldIdx: index().on(table.heldUsd),
    pointsIdx: index().on(table.points),
  }),
);

/** Per-destination-pool totals, with the route that feeds it. */
export const poolTotal = onchainTable(
  "pool_total",
  (t) => ({
    chainId: t.integer().notNull(),
    pool: t.hex().notNull(),
    route: t.text().notNull(),
    token0: t.hex().notNull(),
    token1: t.hex().notNull(),
    migrations: t.integer().notNull(),
    migratedUsd: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.pool] }) }),
);

/** One UTC day: activity during it and the retained USD (TVL) at its last event. */
export const dailyTotal = onchainTable(
  "daily_total",
  (t) => ({
    chainId: t.integer().notNull(),
    day: t.integer().notNull(),
    migrations: t.integer().notNull(),
    newMigrators: t.integer().notNull(),
    migratedUsd: t.bigint().notNull(),
    withdrawnUsd: t.bigint().notNull(),
    tvlUsd: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.day] }) }),
);

/** Chain-wide totals, one row per chain. */
export const chainTotal = onchainTable("chain_total", (t) => ({
  chainId: t.integer().primaryKey(),
  migrations: t.integer().notNull(),
  migrators: t.integer().notNull(),
  migratedUsd: t.bigint().notNull(),
  retainedUsd: t.bigint().notNull(),
}));
