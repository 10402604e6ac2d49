import { ponder } from "ponder:registry";

/**
 * The events the indexer handles, handled by nothing: what Ponder itself takes to fetch, store and replay them is the
 * floor the indexer's backfill speed is measured against (`npm run bench:indexer`).
 */
const events = [
  "Migrator:Migrated",
  "Migrator:LendingMigrated",
  "PositionManager:IncreaseLiquidity",
  "PositionManager:DecreaseLiquidity",
  "PositionManager:Transfer",
  "V4PoolManager:ModifyLiquidity",
  "V4PositionManager:Transfer",
  "AaveV3Pool:Withdraw",
  "EpochClock:block",
] as const;

for (const event of events) ponder.on(event, async () => {});
