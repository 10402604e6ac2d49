import { ponder } from "ponder:registry";
import { migration, position } from "ponder:schema";
import { Route } from "../../lib/migration";
import { indexedChain } from "../chains";
import { pricedAmount } from "./prices";
import { applyRetainedChange } from "./totals";

/** `IMigrator.Route` members by their enum value. */
const routeName = (route: number) => Object.entries(Route).find(([, value]) => value === route)?.[0] ?? `Route${route}`;

const chain = indexedChain(process.env);

ponder.on("Migrator:Migrated", async ({ event, context }) => {
  const { user, route, source, migration: moved } = event.args;
  const [leg0, leg1] = await Promise.all([
    pricedAmount(context, chain.oracle, event.block.hash, moved.token0, moved.amount0Deposited),
    pricedAmount(context, chain.oracle, event.block.hash, moved.token1, moved.amount1Deposited),
  ]);
  const usd = leg0.usd + leg1.usd;
  const timestamp = Number(event.block.timestamp);

  await context.db.insert(migration).values({
    chainId: chain.id,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
    blockNumber: event.block.number,
    timestamp,
    user,
    route: routeName(route),
    source,
    sourceAmount: moved.sourceAmount,
    destination: moved.destination,
    destinationId: moved.destinationId,
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
      tokenId: moved.destinationId,
      owner: user,
      pool: moved.destination,
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
    pool: moved.destination,
    timestamp,
    retainedDelta: usd,
    migration: { usd, route: routeName(route), token0: moved.token0, token1: moved.token1 },
  });
});
