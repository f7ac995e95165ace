import { getTableColumns, getTableName, SQL, sql, StringChunk } from 'drizzle-orm';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.js';
import { hasCode } from './errors.js';

// Hot write paths (a deal event, an invoice) write several rows at once. Building each with the query builder
// and sending each on its own costs a round trip and a query build per row; these helpers let a module describe
// a write as a plain SQL statement, run it alone, or run several as one statement.

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
const withParts = (statements: SQL[]) =>
  sql.join(
    statements.map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`),
    sql`, `,
  );

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

const columnsOf = new WeakMap<PgTable, [string, PgColumn][]>();
const entriesOf = (table: PgTable) => {
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table)) as [string, PgColumn][]));
  return columns;
};

/** A table's row, typed as the query builder would give it, from a hand-written query's `t.*` columns. */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of entriesOf(table)) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

// Hand-written statements name their columns through the table's drizzle columns, never as strings: a column
// renamed in db/schema then fails to compile here rather than at run time. Their text is rendered once per table
// and set of fields, and only the values are left as parameters: a statement built per event then costs drizzle
// no walk over column objects (its `is()` checks dominate the build of a nested statement).

/** Fields of a row keyed as the table's drizzle columns. */
export type Fields<T extends PgTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] };

const dialect = new PgDialect();
/** A column's bare name, as INSERT column lists and UPDATE SET clauses need it. */
export const columnName = (column: PgColumn): string => dialect.escapeName(column.name);
const tableName = (table: PgTable): string => dialect.escapeName(getTableName(table));

interface Shape {
  keys: string[];
  columns: PgColumn[];
  pieces: StringChunk[];
}
const shapes = new WeakMap<PgTable, Map<string, Shape>>();

// The text of a statement of `keys` (in the table's column order), cut where each value goes: every value is sent
// cast to its column's type, so a part of a multi-part statement never depends on PostgreSQL inferring a type.
function shapeOf(
  table: PgTable,
  kind: string,
  keys: string[],
  text: (columns: PgColumn[], casts: string[]) => string[],
): Shape {
  let byKeys = shapes.get(table);
  if (!byKeys) shapes.set(table, (byKeys = new Map()));
  const id = `${kind}:${keys.join(',')}`;
  let shape = byKeys.get(id);
  if (!shape) {
    const known = new Set(keys);
    const entries = entriesOf(table).filter(([key]) => known.has(key));
    const columns = entries.map(([, column]) => column);
    const pieces = text(
      columns,
      columns.map((c) => `::${c.getSQLType()}`),
    ).map((t) => new StringChunk(t));
    byKeys.set(id, (shape = { keys: entries.map(([key]) => key), columns, pieces }));
  }
  return shape;
}

// The statement of a shape and its values, mapped as drizzle's encoder maps them (a jsonb value as JSON text).
function fill(shape: Shape, values: Record<string, unknown>, ...tail: SQL[]): SQL {
  const chunks: unknown[] = [shape.pieces[0]];
  shape.keys.forEach((key, i) => {
    const value = values[key];
    chunks.push(
      value === null || value === undefined ? null : shape.columns[i].mapToDriverValue(value),
      shape.pieces[i + 1],
    );
  });
  return new SQL([...chunks, ...tail] as SQL['queryChunks']);
}

/** `insert into t (…) values (…)` of the given fields, as a statement to run with others. */
export function insertStatement<T extends PgTable>(table: T, fields: Fields<T>): SQL {
  const shape = shapeOf(table, 'insert', Object.keys(fields), (columns, casts) => [
    `insert into ${tableName(table)} (${columns.map(columnName).join(', ')}) values (`,
    ...casts.map((cast, i) => (i < casts.length - 1 ? `${cast}, ` : `${cast})`)),
  ]);
  return fill(shape, fields);
}

/** `update t set … where …` of the given fields, on the rows that match every field of `match`. */
export function updateStatement<T extends PgTable>(table: T, fields: Fields<T>, match: Fields<T>): SQL {
  const set = shapeOf(table, 'set', Object.keys(fields), (columns, casts) => [
    `update ${tableName(table)} set ${columns.length ? `${columnName(columns[0])} = ` : ''}`,
    ...casts.map((cast, i) => (i < casts.length - 1 ? `${cast}, ${columnName(columns[i + 1])} = ` : cast)),
  ]);
  const where = shapeOf(table, 'where', Object.keys(match), (columns, casts) => [
    ` where ${columns.length ? `${columnName(columns[0])} = ` : 'false'}`,
    ...casts.map((cast, i) => (i < casts.length - 1 ? `${cast} and ${columnName(columns[i + 1])} = ` : cast)),
  ]);
  return fill(set, fields, fill(where, match));
}

/** Every column of a table, qualified, for a hand-written select whose rows rowOf reads. */
export function allColumns(table: PgTable): SQL {
  return sql.join(
    entriesOf(table).map(([, column]) => column),
    sql`, `,
  );
}

/** A statement without parameters rendered once (e.g. a select list of many columns), to reuse as plain text. */
export const rendered = (statement: SQL): SQL => sql.raw(dialect.sqlToQuery(statement).sql);
