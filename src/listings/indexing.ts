import { regionOf } from '../shared/regions.js';
import { eq, inArray } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import type { ListingSearchDocument } from '../../search/documents.js';
import { LISTINGS_INDEX } from '../../search/settings.js';
import { organizations } from '../db/schema/accounts.js';
import { listings } from '../db/schema/listings.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';

// The code is filtered and counted on; the names are searched (石河子 finds 第八师石河子市's listings).
function regionFields(code: string | null) {
  const region = regionOf(code);
  return region ? { region: region.code, regionName: [region.zh, region.en] } : {};
}
import type { ListingRow } from './visibility.js';

/** The public projection of a published listing: nothing confidential ever enters the index. */
export function toSearchDocument(row: ListingRow, organizationName: string): ListingSearchDocument {
  return {
    id: row.id,
    title: row.title,
    ...(row.titleEn ? { titleEn: row.titleEn } : {}),
    summary: row.summary,
    description: row.description,
    keywords: row.keywords,
    organizationId: row.organizationId,
    organizationName,
    inventors: row.inventors.map((i) => i.name),
    category: row.category,
    field: row.field,
    form: row.form,
    trl: row.trl,
    stage: row.stage,
    level: row.level,
    ipType: row.ipType,
    dealTypes: row.dealTypes,
    fundingSource: row.fundingSource,
    ...regionFields(row.region),
    ...(row.askingPrice !== null ? { askingPrice: row.askingPrice } : {}),
    publishedAt: new Date(row.publishedAt ?? row.updatedAt).getTime(),
    ...(row.registrationNo ? { registrationNo: row.registrationNo } : {}),
  };
}

export function requireClient(ctx: AppContext): Meilisearch {
  if (!ctx.search.client) throw new Error('search engine not configured');
  return ctx.search.client;
}

async function documentsFor(db: DbOrTx, rows: ListingRow[]) {
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const orgs = orgIds.length
    ? await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => toSearchDocument(r, names.get(r.organizationId) ?? ''));
}

/**
 * Outbox consumer for `listing.index`: reads the listing as it is NOW and makes the index agree (published →
 * upsert; anything else → delete). Idempotent and order-proof: a late, repeated delivery still writes the
 * current truth. Waits for the engine's task so later consumers (saved-search alerts) see the document.
 */
export async function syncListingToIndex(ctx: AppContext, payload: { id: string }) {
  const client = requireClient(ctx);
  const [row] = await ctx.db.select().from(listings).where(eq(listings.id, payload.id));
  const index = client.index(LISTINGS_INDEX);
  const task =
    row?.status === 'published'
      ? index.addDocuments(await documentsFor(ctx.db, [row]), { primaryKey: 'id' })
      : index.deleteDocument(payload.id);
  const done = await task.waitTask({ timeout: 30_000 });
  if (done.status !== 'succeeded')
    throw new Error(`index task ${done.uid} ${done.status}: ${done.error?.message ?? ''}`);
}

/**
 * Rebuilds the listings index from PostgreSQL: every published listing, in batches, then removes documents
 * whose listing is no longer published. Search is a projection; this makes it whole again.
 */
export async function reindexListings(
  ctx: AppContext,
  batchSize = 1000,
): Promise<{ indexed: number; removed: number }> {
  const client = requireClient(ctx);
  const index = client.index(LISTINGS_INDEX);
  const published = await ctx.db.select().from(listings).where(eq(listings.status, 'published')).orderBy(listings.id);
  const keep = new Set(published.map((r) => r.id));
  for (let i = 0; i < published.length; i += batchSize) {
    const docs = await documentsFor(ctx.db, published.slice(i, i + batchSize));
    const t = await index.addDocuments(docs, { primaryKey: 'id' }).waitTask({ timeout: 300_000 });
    if (t.status !== 'succeeded') throw new Error(`reindex batch failed: ${t.error?.message ?? t.status}`);
  }
  const stale: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments({ fields: ['id'], limit: 1000, offset });
    for (const d of page.results) if (!keep.has(String(d.id))) stale.push(String(d.id));
    if (page.results.length < 1000) break;
  }
  if (stale.length) await index.deleteDocuments(stale).waitTask({ timeout: 300_000 });
  return { indexed: published.length, removed: stale.length };
}
