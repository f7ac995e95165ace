import { Readable } from 'node:stream';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { organizations } from '../../db/schema/accounts.js';
import { listings } from '../../db/schema/listings.js';
import type { ListingRow } from '../../listings/visibility.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type AdminAct } from '../shared.js';
import {
  CATEGORY_ZH,
  COLUMNS,
  DEAL_FORM_ZH,
  FIELD_ZH,
  FORM_ZH,
  FUNDING_SOURCE_ZH,
  IP_TYPE_ZH,
  LEVEL_ZH,
  LIST_SEPARATOR,
  STAGE_ZH,
  type Column,
} from './columns.js';
import { BOM, csvRecord } from './csv.js';
import { chinaDate } from '../../shared/china-time.js';
import { regionOf } from '../../shared/regions.js';

export type ExchangeFormat = 'json' | 'csv';
const BATCH = 500;

/** Fen → yuan with two decimals, by integer arithmetic (12345 → "123.45"). */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** The exchange row of a published listing, in COLUMNS order. */
export function exchangeRow(row: ListingRow, organizationName: string): Record<Column, string> {
  const values: Record<Column, string> = {
    成果名称: row.title,
    成果简介: row.summary,
    关键词: row.keywords.join(LIST_SEPARATOR),
    成果类别: CATEGORY_ZH[row.category],
    应用领域: FIELD_ZH[row.field],
    成果体现形式: FORM_ZH[row.form],
    技术成熟度: String(row.trl),
    所处阶段: STAGE_ZH[row.stage],
    成果水平: LEVEL_ZH[row.level],
    知识产权形式: IP_TYPE_ZH[row.ipType],
    知识产权编号: row.ipNumbers.join(LIST_SEPARATOR),
    转化方式: row.dealTypes.map((d) => DEAL_FORM_ZH[d]).join(LIST_SEPARATOR),
    '参考价格(元)': row.askingPrice === null ? '' : fenToYuan(row.askingPrice),
    经费来源: FUNDING_SOURCE_ZH[row.fundingSource],
    所属地区: regionOf(row.region)?.zh ?? '',
    完成人: row.inventors.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join(LIST_SEPARATOR),
    完成单位: organizationName,
    登记号: row.registrationNo ?? '',
    发布日期: row.publishedAt ? chinaDate(row.publishedAt) : '',
  };
  // Rebuilt in COLUMNS order so that JSON objects list their keys in the form's order too.
  return Object.fromEntries(COLUMNS.map((c) => [c, values[c]])) as Record<Column, string>;
}

/** Every published listing, oldest first, in batches (keyset on id), so an export of any size streams. */
async function* publishedRows(ctx: AppContext): AsyncGenerator<Record<Column, string>> {
  let after = '';
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(listings)
      .where(and(eq(listings.status, 'published'), gt(listings.id, after)))
      .orderBy(asc(listings.id))
      .limit(BATCH);
    if (!batch.length) return;
    const orgIds = [...new Set(batch.map((r) => r.organizationId))];
    const orgs = await ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(inArray(organizations.id, orgIds));
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    for (const row of batch) yield exchangeRow(row, names.get(row.organizationId) ?? '');
    after = batch[batch.length - 1].id;
  }
}

async function* csvChunks(rows: AsyncIterable<Record<Column, string>>) {
  yield BOM + csvRecord(COLUMNS);
  for await (const row of rows) yield csvRecord(COLUMNS.map((c) => row[c]));
}

async function* jsonChunks(rows: AsyncIterable<Record<Column, string>>) {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}

/**
 * Exports the published listings for the national system. The export itself is audited (who took the data
 * out, when, in which format) before the first byte is sent.
 */
export async function exportListings(ctx: AppContext, act: AdminAct, format: ExchangeFormat): Promise<Readable> {
  await audit(ctx.db, actorOf(act.admin), 'exchange.exported', 'exchange', 'listings', { format }, act.requestId);
  const rows = publishedRows(ctx);
  return Readable.from(format === 'csv' ? csvChunks(rows) : jsonChunks(rows));
}
