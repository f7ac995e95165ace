import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.js';
import { hasCode } from './errors.js';

// Hot write paths (a deal event, an invoice) write several rows at once. Building each with the query builder
// and sending each on its own costs a round trip and a query build per row; these helpers let a module describe
// a write as a plain SQL statement, run it alone, or run several as one statement.

/** A JSON value for a jsonb column (both drivers pass the text through unchanged). */
export const jsonb = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;

/** Runs one statement. */
export async function runStatement(db: DbOrTx, statement: SQL): Promise<void> {
  await db.execute(statement);
}

/**
 * Runs several writes as one statement (data-modifying CTEs): one round trip, all or nothing. Every part sees
 * the rows as they were before the statement, so no part may depend on another's changes (a part may still
 * reference a row another part inserts: foreign keys are checked at the end of the statement).
 */
export async function runTogether(db: DbOrTx, statements: SQL[]): Promise<void> {
  if (statements.length) await runStatement(db, togetherStatement(statements));
}

/** The one statement runTogether sends. */
export function togetherStatement(statements: SQL[]): SQL {
  if (statements.length === 1) return statements[0];
  return sql`with ${withParts(statements)} select 1`;
}

/** The one statement runGuarded sends. */
export function guardedStatement(guard: SQL, statements: SQL[]): SQL {
  return sql`with g as (${guard})${statements.length ? sql`, ${withParts(statements)}` : sql``} select expect_one_row((select count(*) from g), 'guard')`;
}

/** Statements as the named parts (w0, w1, …) of a WITH clause. */
const withParts = (statements: SQL[]) => sql.join(statements.map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`), sql`, `);

/** SQLSTATE raised by expect_one_row (migration 0008) when a guarded write's guard did not match one row. */
export const GUARD_MISSED = 'TT409';

/**
 * Runs `guard` (an update … returning 1 that must match exactly one row, e.g. a row at the version a change was
 * computed from) and `statements` as one statement, all or nothing: if the guard matched no row, nothing is
 * written and this returns false. The guard takes its row's lock, so outside a transaction this is an atomic
 * compare-and-set with everything that goes with it, in one round trip and without begin or commit.
 */
export async function runGuarded(db: DbOrTx, guard: SQL, statements: SQL[]): Promise<boolean> {
  try {
    await db.execute(guardedStatement(guard, statements));
    return true;
  } catch (err) {
    if (hasCode(err, [GUARD_MISSED])) return false;
    throw err;
  }
}

const columnsOf = new WeakMap<PgTable, [string, { name: string; mapFromDriverValue(v: unknown): unknown }][]>();

/** A table's row, typed as the query builder would give it, from a hand-written query's `t.*` columns. */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table))));
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
