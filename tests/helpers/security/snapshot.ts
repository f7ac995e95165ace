import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../src/platform/context.js';

/**
 * Tables that a refused request may change by design: failed logins are counted (rate_limits) so that
 * throttling holds across processes.
 */
export const CHANGES_ON_REFUSAL = new Set(['rate_limits']);

/** Per table: its row count and the newest row version (xmin), which any insert or update raises. */
export type Snapshot = Map<string, string>;

// postgres.js answers execute() with an array of rows, PGlite with { rows }.
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

let tablesQuery: Promise<string> | null = null;
let tablesFor: AppContext | null = null;

async function snapshotQuery(ctx: AppContext): Promise<string> {
  const tables = rowsOf<{ name: string }>(
    await ctx.db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.name);
  if (!tables.length) throw new Error('No tables found in schema public');
  return tables
    .map(
      (t) => `select '${t}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as v from "${t}"`,
    )
    .join(' union all ');
}

/** The state of every table of the application's schema, found at run time (new tables are included). */
export async function snapshot(ctx: AppContext): Promise<Snapshot> {
  if (tablesFor !== ctx) {
    tablesFor = ctx;
    tablesQuery = snapshotQuery(ctx);
  }
  const rows = rowsOf<{ t: string; v: string }>(await ctx.db.execute(sql.raw(await tablesQuery!)));
  return new Map(rows.filter((r) => !CHANGES_ON_REFUSAL.has(r.t)).map((r) => [r.t, r.v]));
}

/** The tables whose state differs, as "table: before → after". */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [t, v] of after) if (before.get(t) !== v) out.push(`${t}: ${before.get(t) ?? '(absent)'} → ${v}`);
  return out;
}
