import { inArray, sql } from 'drizzle-orm';
import { organizations, users } from '../../db/schema/accounts.js';
import { createPublishedListing } from '../../listings/service.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type AdminAct } from '../shared.js';
import type { Column } from './columns.js';
import { CsvSyntaxError, parseCsv, unguardFormula } from './csv.js';
import { cellsFromJson, headerProblems, parseRow, type Cells, type ImportProblem, type ParsedRow } from './rows.js';

export const MAX_IMPORT_ROWS = 500;

const rejected = (problems: ImportProblem[]) => {
  const rows = new Set(problems.map((p) => p.row)).size;
  return new AppError('VALIDATION_FAILED', `${rows} row(s) have problems; nothing was imported`, { errors: problems });
};

function tooMany(n: number) {
  if (n === 0) throw rejected([{ row: 0, path: '', message: 'the batch has no rows' }]);
  if (n > MAX_IMPORT_ROWS)
    throw rejected([{ row: 0, path: '', message: `at most ${MAX_IMPORT_ROWS} rows per batch (this one has ${n})` }]);
}

/** CSV text (a header record of column names, then one record per listing) → cells per row. */
function cellsFromCsv(text: string): Cells[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw rejected([{ row: 0, path: '', message: err.message }]);
    throw err;
  }
  const headers = (records[0] ?? []).map((h) => h.trim());
  const problems = headerProblems(headers);
  if (problems.length) throw rejected(problems);
  const body = records.slice(1);
  tooMany(body.length);
  const rows = body.map((rec, i) => {
    if (rec.length !== headers.length)
      problems.push({ row: i + 1, path: '', message: `has ${rec.length} cells; the header has ${headers.length}` });
    return Object.fromEntries(headers.map((h, j) => [h, unguardFormula(rec[j] ?? '')])) as Cells;
  });
  if (problems.length) throw rejected(problems);
  return rows;
}

function cellsFromJsonArray(items: unknown[]): Cells[] {
  tooMany(items.length);
  const problems: ImportProblem[] = [];
  const rows = items.map((item, i) => {
    const r = cellsFromJson(item, i + 1);
    problems.push(...r.problems);
    return r.cells ?? {};
  });
  if (problems.length) throw rejected(problems);
  return rows;
}

/** 完成单位 must name an organization of the platform that can own listings (not the bureau itself). */
async function ownersByName(tx: Tx, names: string[]) {
  const rows = names.length
    ? await tx
        .select({
          id: organizations.id,
          name: organizations.name,
          bureau: sql<boolean>`exists (select 1 from ${users} where ${users.organizationId} = ${organizations.id} and ${users.role} = 'admin')`,
        })
        .from(organizations)
        .where(inArray(organizations.name, names))
    : [];
  return new Map(rows.map((r) => [r.name, r]));
}

/**
 * Imports a batch of listings from the national system: every row is validated first and all problems are
 * reported together, by row; one bad row and nothing is written. Then, in the caller's transaction, each row
 * becomes a listing of its organization, published at once through the listing rules (registration number,
 * index, notices). 登记号 and 发布日期 in the batch are ignored: this platform assigns its own.
 */
export async function importListings(ctx: AppContext, tx: Tx, act: AdminAct, body: string | unknown[]) {
  const cells = typeof body === 'string' ? cellsFromCsv(body) : cellsFromJsonArray(body);
  const problems: ImportProblem[] = [];
  const parsed: ParsedRow[] = [];
  cells.forEach((c, i) => {
    const r = parseRow(c, i + 1);
    problems.push(...r.problems);
    if (r.parsed) parsed.push(r.parsed);
  });
  const owners = await ownersByName(tx, [...new Set(parsed.map((p) => p.organizationName))]);
  for (const p of parsed) {
    const owner = owners.get(p.organizationName);
    const column: Column = '完成单位';
    if (!owner)
      problems.push({
        row: p.row,
        path: column,
        message: `no organization named ${p.organizationName} is registered on the platform`,
      });
    else if (owner.bureau) problems.push({ row: p.row, path: column, message: 'the bureau does not own listings' });
  }
  if (problems.length) throw rejected(problems.sort((a, b) => a.row - b.row));

  const items = [];
  for (const p of parsed) {
    const owner = owners.get(p.organizationName)!;
    const listing = await createPublishedListing(ctx, tx, act.admin, owner.id, p.input);
    items.push({
      row: p.row,
      id: listing.id,
      title: listing.title,
      registrationNo: listing.registrationNo!,
      organization: { id: owner.id, name: owner.name },
    });
  }
  await audit(
    tx,
    actorOf(act.admin),
    'exchange.imported',
    'exchange',
    'listings',
    { rows: items.length, listingIds: items.map((i) => i.id) },
    act.requestId,
  );
  return { imported: items.length, items };
}
