import { ponder } from "ponder:registry";
import { lendingMigration, lendingPosition, migration, position } from "ponder:schema";
import { type Address, type Hex, sliceHex, zeroAddress } from "viem";
import { lendingValue } from "../../lib/campaign/points";
import { routeNameOf } from "../../lib/routes/routeIds";
import { indexedChain, isV4PositionManager, oracleAsset } from "../chains";
import { markUnsynced } from "./positionState";
import { type PricedAmount, pricedAmount } from "./prices";
import { applyRetainedChange } from "./totals";
import { recordV4Pool } from "./UniswapV4";

/** `IMigrator.Route` members by their enum value (generated from the contract). */
const routeName = (route: number) => routeNameOf(route) ?? `Route${route}`;

const chain = indexedChain(process.env);

const isV4 = (positionManager: Address) => isV4PositionManager(chain, positionManager);

/**
 * The pool a `Migrated` event names as its destination: a V3 pool is `bytes32(uint256(uint160(pool)))`, a V4 pool
 * its PoolId.
 */
const destinationPool = (destination: Hex, positionManager: Address) =>
  isV4(positionManager) ? destination : sliceHex(destination, 12);

/** The columns both migration tables share: where the event is, and who migrated from which source by which route. */
function eventColumns(
  event: {
    transaction: { hash: `0x${string}` };
    log: { logIndex: number };
    block: { number: bigint; timestamp: bigint };
  },
  { user, route, source }: { user: `0x${string}`; route: number; source: `0x${string}` },
) {
  return {
    chainId: chain.id,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
    blockNumber: event.block.number,
    timestamp: Number(event.block.timestamp),
    user,
    route: routeName(route),
    source,
  };
}

/** `label:reason` for each leg that could not be valued (it counts 0), or null when all were. */
function unpricedReasons(legs: readonly (readonly [string, PricedAmount | undefined])[]): string | null {
  const reasons = legs.flatMap(([label, leg]) => (leg?.unpriced ? [`${label}:${leg.unpriced}`] : []));
  return reasons.length > 0 ? reasons.join(",") : null;
}

ponder.on("Migrator:Migrated", async ({ event, context }) => {
  const { user, route, migration: moved } = event.args;
  const [leg0, leg1] = await Promise.all([
    pricedAmount(context, chain.oracle, event.block.hash, oracleAsset(chain, moved.token0), moved.amount0Deposited),
    pricedAmount(context, chain.oracle, event.block.hash, oracleAsset(chain, moved.token1), moved.amount1Deposited),
  ]);
  const usd = leg0.usd + leg1.usd;
  const pool = destinationPool(moved.destination, moved.positionManager);
  if (isV4(moved.positionManager)) await recordV4Pool(context, pool, moved.tokenId);
  const unpriced = unpricedReasons([
    ["token0", leg0],
    ["token1", leg1],
  ]);
  const timestamp = Number(event.block.timestamp);

  await context.db.insert(migration).values({
    ...eventColumns(event, event.args),
    sourceAmount: moved.sourceAmount,
    destination: pool,
    destinationId: moved.tokenId,
    liquidity: moved.liquidity,
    token0: moved.token0,
    token1: moved.token1,
    amount0: moved.amount0Deposited,
    amount1: moved.amount1Deposited,
    price0Usd: leg0.price,
    price1Usd: leg1.price,
    usd,
    unpriced,
  });

  // A migration may add to a position the user already holds: credit its liquidity there, owned by the user.
  const positionKey = { chainId: chain.id, positionManager: moved.positionManager, tokenId: moved.tokenId };
  const held = await context.db
    .insert(position)
    .values({
      ...positionKey,
      user,
      owner: user,
      pool,
      liquidity: moved.liquidity,
      migratedUsd: usd,
      retainedUsd: usd,
    })
    .onConflictDoUpdate((row) => ({
      user,
      owner: user,
      liquidity: row.liquidity + moved.liquidity,
      migratedUsd: row.migratedUsd + usd,
      retainedUsd: row.retainedUsd + usd,
    }));
  // A new position's chain state is read at the end of this block (src/positionState.ts).
  if (held.syncedBlock === null) await markUnsynced(context, positionKey, timestamp);

  await applyRetainedChange(context, {
    chainId: chain.id,
    user,
    pool,
    timestamp,
    retainedDelta: usd,
    migration: { usd, route: routeName(route), token0: moved.token0, token1: moved.token1 },
  });
});

/** Aave V2 → V3: valued as the net liquidity moved (collateral − debt) at the block's oracle prices. */
ponder.on("Migrator:LendingMigrated", async ({ event, context }) => {
  const { user, route, migration: moved } = event.args;
  const price = (assets: readonly `0x${string}`[], amounts: readonly bigint[]) =>
    Promise.all(
      assets.map((asset, i) => pricedAmount(context, chain.oracle, event.block.hash, asset, amounts[i] ?? 0n)),
    );
  const [collateral, debt] = await Promise.all([
    price(moved.collateralAssets, moved.collateralAmounts),
    price(moved.debtAssets, moved.debtAmounts),
  ]);
  const value = lendingValue(
    collateral.map((leg) => leg.usd),
    debt.map((leg) => leg.usd),
  );
  const unpriced = unpricedReasons([
    ...moved.collateralAssets.map((asset, i) => [asset, collateral[i]] as const),
    ...moved.debtAssets.map((asset, i) => [asset, debt[i]] as const),
  ]);
  const timestamp = Number(event.block.timestamp);

  await context.db.insert(lendingMigration).values({
    ...eventColumns(event, event.args),
    destination: moved.destination,
    collateralAssets: [...moved.collateralAssets],
    collateralAmounts: [...moved.collateralAmounts],
    collateralPricesUsd: collateral.map((leg) => leg.price),
    debtAssets: [...moved.debtAssets],
    debtAmounts: [...moved.debtAmounts],
    debtPricesUsd: debt.map((leg) => leg.price),
    collateralUsd: value.collateralUsd,
    debtUsd: value.debtUsd,
    usd: value.usd,
    unpriced,
    sourceHealthFactorAfter: moved.sourceHealthFactorAfter,
    destinationHealthFactorAfter: moved.destinationHealthFactorAfter,
  });

  // Withdrawals of any migrated collateral asset from Aave V3 reduce this credit (src/AaveV3Pool.ts).
  const assets = moved.collateralAssets.map((asset) => asset.toLowerCase() as `0x${string}`);
  await context.db
    .insert(lendingPosition)
    .values({
      chainId: chain.id,
      user,
      pool: moved.destination,
      assets,
      migratedUsd: value.usd,
      retainedUsd: value.usd,
    })
    .onConflictDoUpdate((row) => ({
      assets: [...new Set([...row.assets.map((a) => a.toLowerCase() as `0x${string}`), ...assets])],
      migratedUsd: row.migratedUsd + value.usd,
      retainedUsd: row.retainedUsd + value.usd,
    }));

  // One "pool" row per destination lending pool; it has no token pair.
  await applyRetainedChange(context, {
    chainId: chain.id,
    user,
    pool: moved.destination,
    timestamp,
    retainedDelta: value.usd,
    migration: { usd: value.usd, route: routeName(route), token0: zeroAddress, token1: zeroAddress },
  });
});
