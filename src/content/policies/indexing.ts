import { and, eq, isNull } from 'drizzle-orm';
import type { PolicySearchDocument } from '../../../search/documents.js';
import { POLICIES_INDEX } from '../../../search/settings.js';
import { policies } from '../../db/schema/content.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { enqueue } from '../../platform/outbox.js';

export type PolicyRow = typeof policies.$inferSelect;
export const POLICY_INDEX_TOPIC = 'policy.index';

/** Only a published, undeleted policy is in the public library and therefore in the index. */
export const isPublic = (row: PolicyRow) => row.published && !row.deletedAt;

export function toPolicyDocument(row: PolicyRow): PolicySearchDocument {
  return {
    id: row.id,
    title: row.title,
    ...(row.documentNumber ? { documentNumber: row.documentNumber } : {}),
    issuingBody: row.issuingBody,
    body: row.body,
    tags: row.tags,
    level: row.level,
    year: Number(row.issuedOn.slice(0, 4)),
    category: row.category,
    date: Date.parse(`${row.issuedOn}T00:00:00Z`),
  };
}

/** Index or de-index after commit; the consumer reads the row as it is then, so a stale order cannot win. */
export const reindexPolicyLater = (tx: DbOrTx, id: string) => enqueue(tx, POLICY_INDEX_TOPIC, { id });

function requireClient(ctx: AppContext) {
  if (!ctx.search.client) throw new Error('search engine not configured');
  return ctx.search.client;
}

/** Outbox consumer for `policy.index`: public → upsert, anything else (unpublished, deleted, gone) → delete. */
export async function syncPolicyToIndex(ctx: AppContext, payload: { id: string }) {
  const index = requireClient(ctx).index(POLICIES_INDEX);
  const [row] = await ctx.db.select().from(policies).where(eq(policies.id, payload.id));
  const task =
    row && isPublic(row)
      ? index.addDocuments([toPolicyDocument(row)], { primaryKey: 'id' })
      : index.deleteDocument(payload.id);
  const done = await task.waitTask({ timeout: 30_000 });
  if (done.status !== 'succeeded')
    throw new Error(`policy index task ${done.uid} ${done.status}: ${done.error?.message ?? ''}`);
}

/** Rebuilds the policies index from the database: every public policy in, every other document out. */
export async function reindexPolicies(ctx: AppContext): Promise<{ indexed: number; removed: number }> {
  const index = requireClient(ctx).index(POLICIES_INDEX);
  const rows = await ctx.db
    .select()
    .from(policies)
    .where(and(eq(policies.published, true), isNull(policies.deletedAt)))
    .orderBy(policies.id);
  const keep = new Set(rows.map((r) => r.id));
  for (let i = 0; i < rows.length; i += 500) {
    const t = await index
      .addDocuments(rows.slice(i, i + 500).map(toPolicyDocument), { primaryKey: 'id' })
      .waitTask({ timeout: 300_000 });
    if (t.status !== 'succeeded') throw new Error(`policy reindex batch failed: ${t.error?.message ?? t.status}`);
  }
  const stale: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments({ fields: ['id'], limit: 1000, offset });
    for (const d of page.results) if (!keep.has(String(d.id))) stale.push(String(d.id));
    if (page.results.length < 1000) break;
  }
  if (stale.length) {
    const t = await index.deleteDocuments(stale).waitTask({ timeout: 300_000 });
    if (t.status !== 'succeeded') throw new Error(`policy reindex cleanup failed: ${t.error?.message ?? t.status}`);
  }
  return { indexed: rows.length, removed: stale.length };
}
