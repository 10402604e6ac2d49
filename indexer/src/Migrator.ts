import { ponder } from "ponder:registry";
import { lendingMigration, lendingPosition, migration, position } from "ponder:schema";
import { type Hex, sliceHex, zeroAddress } from "viem";
import { lendingValue } from "../../lib/campaign/points";
import { Route } from "../../lib/migrator/encoding";
import { indexedChain } from "../chains";
import { pricedAmount } from "./prices";
import { applyRetainedChange } from "./totals";

/** `IMigrator.Route` members by their enum value. */
const routeName = (route: number) => Object.entries(Route).find(([, value]) => value === route)?.[0] ?? `Route${route}`;

const chain = indexedChain(process.env);

/** The V3 pool a `Migrated` event names as its destination, `bytes32(uint256(uint160(pool)))`. */
const destinationPool = (destination: Hex) => sliceHex(destination, 12);

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

ponder.on("Migrator:Migrated", async ({ event, context }) => {
  const { user, route, migration: moved } = event.args;
  const [leg0, leg1] = await Promise.all([
    pricedAmount(context, chain.oracle, event.block.hash, moved.token0, moved.amount0Deposited),
    pricedAmount(context, chain.oracle, event.block.hash, moved.token1, moved.amount1Deposited),
  ]);
  const usd = leg0.usd + leg1.usd;
  const timestamp = Number(event.block.timestamp);
  const pool = destinationPool(moved.destination);

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
  });

  // A migration may add to a position the user already holds: credit its liquidity there, owned by the user.
  await context.db
    .insert(position)
    .values({
      chainId: chain.id,
      tokenId: moved.tokenId,
      owner: user,
      pool,
      liquidity: moved.liquidity,
      retainedUsd: usd,
    })
    .onConflictDoUpdate((row) => ({
      owner: user,
      liquidity: row.liquidity + moved.liquidity,
      retainedUsd: row.retainedUsd + usd,
    }));

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
    sourceHealthFactorAfter: moved.sourceHealthFactorAfter,
    destinationHealthFactorAfter: moved.destinationHealthFactorAfter,
  });

  // Withdrawals of any migrated collateral asset from Aave V3 reduce this credit (src/AaveV3Pool.ts).
  const assets = moved.collateralAssets.map((asset) => asset.toLowerCase() as `0x${string}`);
  await context.db
    .insert(lendingPosition)
    .values({ chainId: chain.id, user, pool: moved.destination, assets, retainedUsd: value.usd })
    .onConflictDoUpdate((row) => ({
      assets: [...new Set([...row.assets.map((a) => a.toLowerCase() as `0x${string}`), ...assets])],
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
