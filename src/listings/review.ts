import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/platform.js';
import { listings } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { pageOf } from '../platform/http.js';
import { listingView } from './view.js';

/**
 * The earlier returns of each listing, oldest first, read from the audit trail (the listing row keeps only the
 * latest reason): what the bureau said before, and when, so that a resubmission is read against it.
 */
async function rejectionsOf(ctx: AppContext, ids: string[]) {
  const byListing = new Map<string, { reason: string; at: string }[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byListing;
  const rows = await ctx.db
    .select({ entityId: auditLog.entityId, data: auditLog.data, at: auditLog.at })
    .from(auditLog)
    .where(
      and(eq(auditLog.entity, 'listing'), eq(auditLog.action, 'listing.rejected'), inArray(auditLog.entityId, ids)),
    )
    .orderBy(asc(auditLog.id));
  for (const r of rows) {
    const reason = (r.data as { reason?: unknown }).reason;
    byListing.get(r.entityId)!.push({ reason: typeof reason === 'string' ? reason : '', at: r.at });
  }
  return byListing;
}

/**
 * The bureau's review queue: submitted listings, oldest submission first, each with everything the reviewer
 * needs on one page: the whole registration as the admin sees it (attachments included) and its earlier returns.
 */
export async function reviewQueue(ctx: AppContext, admin: AuthUser, q: { limit: number; cursor?: string }) {
  const conds = [eq(listings.status, 'submitted')];
  if (q.cursor) conds.push(sql`${listings.id} > ${q.cursor}`);
  const rows = await ctx.db
    .select()
    .from(listings)
    .where(and(...conds))
    .orderBy(asc(listings.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  const rejections = await rejectionsOf(
    ctx,
    page.items.map((r) => r.id),
  );
  const items = [];
  for (const row of page.items)
    items.push({ ...(await listingView(ctx.db, row, admin)), rejections: rejections.get(row.id)! });
  return { items, nextCursor: page.nextCursor };
}
