import type { Context } from "ponder:registry";
import { chainTotal, dailyTotal, poolTotal, userTotal } from "ponder:schema";
import type { Address } from "viem";
import { isExcluded } from "../../lib/campaign/points";
import { pointsRule } from "../campaign";

const SECONDS_PER_DAY = 86_400;

const dayOf = (timestamp: number) => timestamp - (timestamp % SECONDS_PER_DAY);

/** A change of one user's migrated liquidity, in USD: `migratedUsd` new inflow, `retainedDelta` signed. */
export interface RetainedChange {
  chainId: number;
  user: Address;
  pool: Address;
  timestamp: number;
  retainedDelta: bigint;
  migration?: { usd: bigint; route: string; token0: Address; token1: Address };
}

/** Applies a change to every aggregate; points come from the epoch snapshots alone (src/EpochClock.ts). */
export async function applyRetainedChange(context: Context, change: RetainedChange): Promise<void> {
  const { chainId, user, pool, timestamp, retainedDelta, migration } = change;
  const migratedUsd = migration?.usd ?? 0n;
  const migrations = migration ? 1 : 0;

  const userRow = await context.db
    .insert(userTotal)
    .values({
      chainId,
      user,
      excluded: isExcluded(user, pointsRule),
      migrations,
      migratedUsd,
      retainedUsd: retainedDelta,
    })
    .onConflictDoUpdate((row) => ({
      migrations: row.migrations + migrations,
      migratedUsd: row.migratedUsd + migratedUsd,
      retainedUsd: row.retainedUsd + retainedDelta,
    }));

  if (migration) {
    await context.db
      .insert(poolTotal)
      .values({
        chainId,
        pool,
        route: migration.route,
        token0: migration.token0,
        token1: migration.token1,
        migrations,
        migratedUsd,
        retainedUsd: retainedDelta,
      })
      .onConflictDoUpdate((row) => ({
        migrations: row.migrations + 1,
        migratedUsd: row.migratedUsd + migratedUsd,
        retainedUsd: row.retainedUsd + retainedDelta,
      }));
  } else {
    await context.db
      .update(poolTotal, { chainId, pool })
      .set((row) => ({ retainedUsd: row.retainedUsd + retainedDelta }));
  }

  // The upsert returns the user's row: a count of one is their first migration (no read of the row before it).
  const newMigrators = migration && userRow.migrations === 1 ? 1 : 0;
  const totals = await context.db
    .insert(chainTotal)
    .values({ chainId, migrations, migrators: newMigrators, migratedUsd, retainedUsd: retainedDelta })
    .onConflictDoUpdate((row) => ({
      migrations: row.migrations + migrations,
      migrators: row.migrators + newMigrators,
      migratedUsd: row.migratedUsd + migratedUsd,
      retainedUsd: row.retainedUsd + retainedDelta,
    }));

  const withdrawnUsd = retainedDelta < 0n ? -retainedDelta : 0n;
  await context.db
    .insert(dailyTotal)
    .values({
      chainId,
      day: dayOf(timestamp),
      migrations,
      newMigrators,
      migratedUsd,
      withdrawnUsd,
      tvlUsd: totals.retainedUsd,
    })
    .onConflictDoUpdate((row) => ({
      migrations: row.migrations + migrations,
      newMigrators: row.newMigrators + newMigrators,
      migratedUsd: row.migratedUsd + migratedUsd,
      withdrawnUsd: row.withdrawnUsd + withdrawnUsd,
      tvlUsd: totals.retainedUsd,
    }));
}
