import type { Context } from "ponder:registry";
import { sql } from "ponder";

type Sql = Context["db"]["sql"];
type Table = Parameters<Sql["insert"]>[0];
type Column = Table["_"]["columns"][string];
type ColumnKey<T extends Table> = keyof T["$inferSelect"] & string;

/** Rows per statement: a few columns each, far below Postgres's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Sets the `changed` columns of existing rows, found by their `primaryKey` columns, in one
 * `UPDATE … FROM (VALUES …)` per 2,000 rows. A snapshot rewrites every position: through the store API, each `update`
 * whose row is not in Ponder's cache (every row once indexing is live) reads it with a query of its own, 10,000 round
 * trips for 10,000 positions; an upsert of whole rows would send every column. Raw SQL writes are rolled back on a
 * reorg like the store's (Ponder records them with triggers).
 */
export async function rewriteRows<T extends Table, K extends ColumnKey<T>>(
  context: Context,
  table: T,
  primaryKey: readonly K[],
  rows: readonly Pick<T["$inferSelect"], K>[],
  changed: readonly K[],
): Promise<void> {
  const keys = [...primaryKey, ...changed];
  const columns = table as unknown as Record<string, Column>;
  // Bind parameters arrive untyped: each value is cast to its column's type.
  const casts = keys.map((key) => sql.raw(`::${(columns[key] as Column).getSQLType()}`));
  const names = (list: readonly string[], prefix = "") => list.map((key) => `${prefix}"${snakeCase(key)}"`).join(", ");
  const set = sql.raw(changed.map((key) => `"${snakeCase(key)}" = v."${snakeCase(key)}"`).join(", "));
  const match = sql.raw(primaryKey.map((key) => `t."${snakeCase(key)}" = v."${snakeCase(key)}"`).join(" and "));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map(
      (row) =>
        sql`(${sql.join(
          keys.map((key, i) => sql`${parameter((row as Record<string, unknown>)[key])}${casts[i]}`),
          sql`, `,
        )})`,
    );
    await context.db.sql.execute(
      sql`update ${table} as t set ${set} from (values ${sql.join(values, sql`, `)}) as v(${sql.raw(names(keys))}) where ${match}`,
    );
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

/** A bind parameter both drivers (node-postgres, PGlite) take as text: bigints as decimal strings. */
const parameter = (value: unknown) => (typeof value === "bigint" ? value.toString() : (value ?? null));

/** Ponder names columns in snake case (`heldUsd` → `held_usd`). */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
