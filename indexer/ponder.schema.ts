import { index, onchainTable, primaryKey } from "ponder";

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
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.txHash, table.logIndex] }),
    userIdx: index().on(table.user),
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
    sourceHealthFactorAfter: t.bigint().notNull(),
    destinationHealthFactorAfter: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.txHash, table.logIndex] }),
    userIdx: index().on(table.user),
    timeIdx: index().on(table.timestamp),
  }),
);

/** A user's lending migrations still in Aave V3: the USD they are credited with and the assets they moved there. */
export const lendingPosition = onchainTable(
  "lending_position",
  (t) => ({
    chainId: t.integer().notNull(),
    user: t.hex().notNull(),
    pool: t.hex().notNull(),
    assets: t.hex().array().notNull(),
    retainedUsd: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.user] }) }),
);

/**
 * A destination position that received migrated liquidity, followed until that liquidity leaves its owner. Keyed on
 * its position manager and token id: token ids are only unique within one manager (V3's and V4's both count from 1).
 */
export const position = onchainTable(
  "position",
  (t) => ({
    chainId: t.integer().notNull(),
    positionManager: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    owner: t.hex().notNull(),
    pool: t.hex().notNull(),
    /** Migrated liquidity still in the position, and the USD it is credited with. */
    liquidity: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.positionManager, table.tokenId] }) }),
);

/** Per-user totals; points are settled up to `settledAt` and keep accruing on `retainedUsd` after it. */
export const userTotal = onchainTable(
  "user_total",
  (t) => ({
    chainId: t.integer().notNull(),
    user: t.hex().notNull(),
    excluded: t.boolean().notNull(),
    migrations: t.integer().notNull(),
    migratedUsd: t.bigint().notNull(),
    retainedUsd: t.bigint().notNull(),
    points: t.bigint().notNull(),
    settledAt: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.user] }),
    retainedIdx: index().on(table.retainedUsd),
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
