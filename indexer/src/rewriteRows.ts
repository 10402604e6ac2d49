import type { Context } from "ponder:registry";
import { sql } from "ponder";

type Sql = Context["db"]["sql"];
type Table = Parameters<Sql["insert"]>[0];
type Column = Table["_"]["columns"][string];

/** Rows per statement: with the widest table's 13 columns, far below Postgres's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Writes back whole rows this handler read (`context.db.sql.select()`), with some columns changed, in one upsert per
 * 2,000 rows. A snapshot rewrites every position: through the store API, each `update` whose row is not in Ponder's
 * cache (every row once indexing is live) reads it with a query of its own, 10,000 round trips for 10,000 positions.
 * Raw SQL writes are rolled back on a reorg like the store's (Ponder records them with triggers).
 */
export async function rewriteRows<T extends Table>(
  context: Context,
  table: T,
  primaryKey: readonly Column[],
  rows: readonly T["$inferInsert"][],
  changed: readonly (keyof T["$inferInsert"] & string)[],
): Promise<void> {
  // The rows exist (they were just read): every one takes the conflict path, which sets `changed` from the new values.
  const set = Object.fromEntries(changed.map((key) => [key, sql.raw(`excluded."${snakeCase(key)}"`)]));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await context.db.sql
      .insert(table)
      .values(rows.slice(start, start + ROWS_PER_STATEMENT) as T["$inferInsert"][])
      // `set` names columns of T only; Object.fromEntries cannot carry that to drizzle's type.
      .onConflictDoUpdate({ target: [...primaryKey], set: set as never });
  }
}

/** Inserts new rows in one statement per 2,000 rows. */
export async function insertRows<T extends Table>(
  context: Context,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await context.db.sql.insert(table).values(rows.slice(start, start + ROWS_PER_STATEMENT) as T["$inferInsert"][]);
  }
}

/** Ponder names columns in snake case (`heldUsd` → `held_usd`). */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
