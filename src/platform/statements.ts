import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.js';

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
  if (statements.length <= 1) {
    if (statements[0]) await runStatement(db, statements[0]);
    return;
  }
  const parts = statements.map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`);
  await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
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
