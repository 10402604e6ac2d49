import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { and, asc, client, desc, eq } from "ponder";
import { type Address, getAddress, isAddress } from "viem";
import {
  awaitsFirstSnapshot,
  earningRate,
  epochAt,
  epochStart,
  type HoldingState,
  type PointsRule,
} from "../../../lib/campaign/points";
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

/** How long the head's time is reused: blocks come every few seconds, and the epoch ends on a block anyway. */
const HEAD_TIME_MS = 1_000;
let headTime: { readAt: number; time: Promise<number> } | undefined;

/**
 * The chain head's timestamp, read at most once a second and shared by the requests meanwhile: a read per request put
 * an RPC round trip (tens of ms on a busy node) in every route that answers `asOf`.
 */
function chainTime(): Promise<number> {
  if (headTime && Date.now() - headTime.readAt < HEAD_TIME_MS) return headTime.time;
  const read = { readAt: Date.now(), time: readHeadTime() };
  // A failed read is not reused.
  read.time.catch(() => {
    if (headTime === read) headTime = undefined;
  });
  headTime = read;
  return read.time;
}

async function readHeadTime(): Promise<number> {
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

/** The campaign's start on this chain, once its clock's first block is indexed (it never changes after). */
let campaignStart: number | undefined;

/** The rule as the snapshots apply it: epochs count from the campaign's start on this chain (the clock's row). */
async function appliedRule(): Promise<PointsRule> {
  if (campaignStart === undefined) {
    const [clock] = await db
      .select({ startTime: schema.epochClock.startTime })
      .from(schema.epochClock)
      .where(eq(schema.epochClock.chainId, chainId));
    if (!clock) return pointsRule;
    campaignStart = clock.startTime;
  }
  return campaignRule(campaignStart);
}

/** The epoch the chain head is in and when it ends (the next snapshot). */
const epochView = (asOf: number, rule: PointsRule) => {
  const current = epochAt(asOf, rule);
  return { current, endsAt: epochStart(current + 1, rule) };
};

app.get("/api/campaign", async (c) => {
  const [asOf, rule] = await Promise.all([chainTime(), appliedRule()]);
  return c.json({ chainId, asOf, rule, epoch: epochView(asOf, rule) });
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
  const table = schema.userTotal;
  // Rankings use what the snapshots found (points, held USD), never the migrated inflow a flash loan can pump.
  const [asOf, users] = await Promise.all([
    chainTime(),
    db
      .select()
      .from(table)
      .where(and(eq(table.chainId, chainId), eq(table.excluded, false)))
      .orderBy(desc(by === "usd" ? table.heldUsd : table.points), asc(table.user))
      .limit(limit),
  ]);
  return c.json({ by, asOf, entries: users.map(userView) });
});

app.get("/api/users/:address", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `not an address: ${address}` }, 400);
  const user = getAddress(address) as Address;
  const [asOf, rule, { total: row, lending, positions }] = await Promise.all([
    chainTime(),
    appliedRule(),
    userRows(user),
  ]);
  const epoch = epochView(asOf, rule);
  const excluded = row?.excluded ?? false;
  // What each position earns per epoch at today's value, by the rule the snapshots apply.
  const holding = (held: {
    migratedUsd: bigint;
    heldUsd: bigint;
    state: string;
    pointsPerEpoch: bigint;
    points: bigint;
  }) => {
    const credited = { ...held, state: held.state as HoldingState };
    return {
      migratedUsd: held.migratedUsd.toString(),
      heldUsd: held.heldUsd.toString(),
      valued: !awaitsFirstSnapshot(credited),
      state: held.state,
      pointsPerEpoch: held.pointsPerEpoch.toString(),
      earningPerEpoch: excluded ? 0n : earningRate(credited, epoch.current, rule),
      points: held.points.toString(),
    };
  };
  const held = [
    ...positions.map((position) => ({
      kind: isV4PositionManager(chain, position.positionManager) ? ("uniswap-v4" as const) : ("uniswap-v3" as const),
      id: position.tokenId.toString(),
      pool: position.pool,
      poolKey: position.poolKey,
      ...holding(position),
    })),
    ...(lending ? [{ kind: "aave-v3" as const, id: lending.pool, pool: lending.pool, ...holding(lending) }] : []),
  ];
  return c.json({
    asOf,
    epoch,
    ...(row ? userView(row) : { user, migrations: 0, migratedUsd: "0", retainedUsd: "0", heldUsd: "0", points: "0" }),
    excluded,
    earningPerEpoch: held.reduce((sum, { earningPerEpoch }) => sum + earningPerEpoch, 0n).toString(),
    positions: held.map(({ earningPerEpoch, ...rest }) => ({ ...rest, earningPerEpoch: earningPerEpoch.toString() })),
  });
});

/**
 * One user's totals, lending credit and positions (each V4 one with its pool's key) in one statement, so they come from
 * the same indexed block: a snapshot writes positions and user totals in one block, and separate queries on a
 * Postgres pool could straddle its commit (the user's points disagreeing with its positions'). Every user with a
 * position or a lending credit has a totals row; one row per position, or one without any.
 */
async function userRows(user: Address) {
  const { userTotal, position, v4Pool, lendingPosition } = schema;
  const rows = await db
    .select({
      total: userTotal,
      lending: lendingPosition,
      position: {
        positionManager: position.positionManager,
        tokenId: position.tokenId,
        pool: position.pool,
        migratedUsd: position.migratedUsd,
        heldUsd: position.heldUsd,
        state: position.state,
        pointsPerEpoch: position.pointsPerEpoch,
        points: position.points,
      },
      poolKey: {
        currency0: v4Pool.currency0,
        currency1: v4Pool.currency1,
        fee: v4Pool.fee,
        tickSpacing: v4Pool.tickSpacing,
        hooks: v4Pool.hooks,
      },
    })
    .from(userTotal)
    .leftJoin(lendingPosition, and(eq(lendingPosition.chainId, userTotal.chainId), eq(lendingPosition.user, user)))
    .leftJoin(position, and(eq(position.chainId, userTotal.chainId), eq(position.user, user)))
    .leftJoin(v4Pool, and(eq(v4Pool.chainId, position.chainId), eq(v4Pool.poolId, position.pool)))
    .where(and(eq(userTotal.chainId, chainId), eq(userTotal.user, user)))
    .orderBy(asc(position.tokenId));
  const first = rows[0];
  return {
    total: first?.total,
    lending: first?.lending ?? undefined,
    positions: rows.flatMap((row) => (row.position ? [{ ...row.position, poolKey: row.poolKey ?? undefined }] : [])),
  };
}

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
