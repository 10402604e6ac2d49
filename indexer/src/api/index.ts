import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { and, asc, client, desc, eq } from "ponder";
import { type Address, getAddress, isAddress } from "viem";
import { epochAt, epochStart, type PointsRule } from "../../../lib/campaign/points";
import { campaignRule, pointsRule } from "../../campaign";
import { indexedChain, isV4PositionManager } from "../../chains";
import rewardsApi from "./rewards";

/**
 * The dashboard's read API. USD and points are decimal strings with 8 decimals (bigints do not survive JSON).
 * Points and held USD are those of the last epoch snapshot; migrated and retained USD are statistics kept by events.
 */
const chain = indexedChain(process.env);
const chainId = chain.id;
const LEADERBOARD_MAX = 100;

const app = new Hono();
// The app is served from another origin and only reads.
app.use("/*", cors({ origin: "*", allowMethods: ["GET", "POST"] }));
app.use("/sql/*", client({ db, schema }));
app.route("/", rewardsApi);

async function chainTime(): Promise<number> {
  const clients = publicClients as Record<string, (typeof publicClients)[keyof typeof publicClients]>;
  const head = await clients[chain.name]?.getBlock();
  if (!head) throw new Error(`no client for ${chain.name}`);
  return Number(head.timestamp);
}

type UserRow = typeof schema.userTotal.$inferSelect;

const userView = (user: UserRow) => ({
  user: user.user,
  migrations: user.migrations,
  migratedUsd: user.migratedUsd.toString(),
  retainedUsd: user.retainedUsd.toString(),
  heldUsd: user.heldUsd.toString(),
  points: user.points.toString(),
});

/** The rule as the snapshots apply it: epochs count from the campaign's start on this chain (the clock's row). */
async function appliedRule() {
  const [clock] = await db.select().from(schema.epochClock).where(eq(schema.epochClock.chainId, chainId));
  return clock ? campaignRule(clock.startTime) : pointsRule;
}

/** The epoch the chain head is in and when it ends (the next snapshot). */
const epochView = (asOf: number, rule: PointsRule) => {
  const current = epochAt(asOf, rule);
  return { current, endsAt: epochStart(current + 1, rule) };
};

app.get("/api/campaign", async (c) => {
  const [asOf, rule] = await Promise.all([chainTime(), appliedRule()]);
  return c.json({ chainId, rule, epoch: epochView(asOf, rule) });
});

type V4PoolRow = typeof schema.v4Pool.$inferSelect;

/** The keys of the V4 pools migrations landed in, by PoolId, to name them. */
async function v4PoolKeys() {
  const rows = await db.select().from(schema.v4Pool).where(eq(schema.v4Pool.chainId, chainId));
  return new Map(rows.map((row) => [row.poolId, poolKeyView(row)]));
}

const poolKeyView = ({ currency0, currency1, fee, tickSpacing, hooks }: V4PoolRow) => ({
  currency0,
  currency1,
  fee,
  tickSpacing,
  hooks,
});

app.get("/api/summary", async (c) => {
  const [asOf, v4Pools, totals, pools] = await Promise.all([
    chainTime(),
    v4PoolKeys(),
    db.select().from(schema.chainTotal).where(eq(schema.chainTotal.chainId, chainId)),
    db
      .select()
      .from(schema.poolTotal)
      .where(eq(schema.poolTotal.chainId, chainId))
      .orderBy(desc(schema.poolTotal.retainedUsd)),
  ]);
  const total = totals[0];
  const byRoute = new Map<string, { migrations: number; migratedUsd: bigint; retainedUsd: bigint }>();
  for (const pool of pools) {
    const route = byRoute.get(pool.route) ?? { migrations: 0, migratedUsd: 0n, retainedUsd: 0n };
    byRoute.set(pool.route, {
      migrations: route.migrations + pool.migrations,
      migratedUsd: route.migratedUsd + pool.migratedUsd,
      retainedUsd: route.retainedUsd + pool.retainedUsd,
    });
  }
  return c.json({
    chainId,
    asOf,
    migrations: total?.migrations ?? 0,
    migrators: total?.migrators ?? 0,
    migratedUsd: (total?.migratedUsd ?? 0n).toString(),
    tvlUsd: (total?.retainedUsd ?? 0n).toString(),
    targetUsd: pointsRule.targetUsd,
    byRoute: [...byRoute].map(([route, t]) => ({
      route,
      migrations: t.migrations,
      migratedUsd: t.migratedUsd.toString(),
      tvlUsd: t.retainedUsd.toString(),
    })),
    byPool: pools.map((pool) => ({
      pool: pool.pool,
      route: pool.route,
      token0: pool.token0,
      token1: pool.token1,
      poolKey: v4Pools.get(pool.pool),
      migrations: pool.migrations,
      migratedUsd: pool.migratedUsd.toString(),
      tvlUsd: pool.retainedUsd.toString(),
    })),
  });
});

app.get("/api/daily", async (c) => {
  const days = await db
    .select()
    .from(schema.dailyTotal)
    .where(eq(schema.dailyTotal.chainId, chainId))
    .orderBy(asc(schema.dailyTotal.day));
  return c.json(
    days.map((day) => ({
      day: day.day,
      migrations: day.migrations,
      newMigrators: day.newMigrators,
      migratedUsd: day.migratedUsd.toString(),
      withdrawnUsd: day.withdrawnUsd.toString(),
      tvlUsd: day.tvlUsd.toString(),
    })),
  );
});

app.get("/api/leaderboard", async (c) => {
  const by = c.req.query("by") === "usd" ? "usd" : "points";
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 10) || 10, 1), LEADERBOARD_MAX);
  const [asOf, users] = await Promise.all([
    chainTime(),
    db
      .select()
      .from(schema.userTotal)
      .where(and(eq(schema.userTotal.chainId, chainId), eq(schema.userTotal.excluded, false))),
  ]);
  // Rankings use what the snapshots found (points, held USD), never the migrated inflow a flash loan can pump.
  const key = (user: UserRow) => (by === "usd" ? user.heldUsd : user.points);
  users.sort((a, b) => (key(b) > key(a) ? 1 : key(b) < key(a) ? -1 : a.user.localeCompare(b.user)));
  return c.json({ by, asOf, entries: users.slice(0, limit).map(userView) });
});

app.get("/api/users/:address", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `not an address: ${address}` }, 400);
  const user = getAddress(address) as Address;
  const [asOf, rule, v4Pools, rows, positions, lendings] = await Promise.all([
    chainTime(),
    appliedRule(),
    v4PoolKeys(),
    db
      .select()
      .from(schema.userTotal)
      .where(and(eq(schema.userTotal.chainId, chainId), eq(schema.userTotal.user, user))),
    db
      .select()
      .from(schema.position)
      .where(and(eq(schema.position.chainId, chainId), eq(schema.position.user, user)))
      .orderBy(asc(schema.position.tokenId)),
    db
      .select()
      .from(schema.lendingPosition)
      .where(and(eq(schema.lendingPosition.chainId, chainId), eq(schema.lendingPosition.user, user))),
  ]);
  const row = rows[0];
  const holding = (held: {
    migratedUsd: bigint;
    heldUsd: bigint;
    state: string;
    pointsPerEpoch: bigint;
    points: bigint;
  }) => ({
    migratedUsd: held.migratedUsd.toString(),
    heldUsd: held.heldUsd.toString(),
    state: held.state,
    pointsPerEpoch: held.pointsPerEpoch.toString(),
    points: held.points.toString(),
  });
  return c.json({
    asOf,
    epoch: epochView(asOf, rule),
    ...(row ? userView(row) : { user, migrations: 0, migratedUsd: "0", retainedUsd: "0", heldUsd: "0", points: "0" }),
    excluded: row?.excluded ?? false,
    positions: [
      ...positions.map((held) => ({
        kind: isV4PositionManager(chain, held.positionManager) ? ("uniswap-v4" as const) : ("uniswap-v3" as const),
        id: held.tokenId.toString(),
        pool: held.pool,
        poolKey: v4Pools.get(held.pool),
        ...holding(held),
      })),
      ...lendings.map((held) => ({ kind: "aave-v3" as const, id: held.pool, pool: held.pool, ...holding(held) })),
    ],
  });
});

/** Bigints, alone or in arrays, as decimal strings. */
const jsonValue = (value: unknown): unknown =>
  typeof value === "bigint" ? value.toString() : Array.isArray(value) ? value.map(jsonValue) : value;

const jsonRow = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonValue(v)]));

/** The latest epoch snapshots: the block each read, the epochs it closed, the USD held and the points paid. */
app.get("/api/epochs", async (c) => {
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 20) || 20, 1), LEADERBOARD_MAX);
  const table = schema.epochSnapshot;
  const rows = await db
    .select()
    .from(table)
    .where(eq(table.chainId, chainId))
    .orderBy(desc(table.blockNumber))
    .limit(limit);
  return c.json(rows.map(jsonRow));
});

app.get("/api/migrations", async (c) => {
  const user = c.req.query("user");
  if (user !== undefined && !isAddress(user)) return c.json({ error: `not an address: ${user}` }, 400);
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 20) || 20, 1), LEADERBOARD_MAX);
  const rows = await db
    .select()
    .from(schema.migration)
    .where(and(eq(schema.migration.chainId, chainId), user ? eq(schema.migration.user, user) : undefined))
    .orderBy(desc(schema.migration.blockNumber), desc(schema.migration.logIndex))
    .limit(limit);
  return c.json(rows.map(jsonRow));
});

/** Aave V2 → V3 migrations, same query parameters as `/api/migrations`. */
app.get("/api/lending-migrations", async (c) => {
  const user = c.req.query("user");
  if (user !== undefined && !isAddress(user)) return c.json({ error: `not an address: ${user}` }, 400);
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 20) || 20, 1), LEADERBOARD_MAX);
  const table = schema.lendingMigration;
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(table.chainId, chainId), user ? eq(table.user, user) : undefined))
    .orderBy(desc(table.blockNumber), desc(table.logIndex))
    .limit(limit);
  return c.json(rows.map(jsonRow));
});

export default app;
