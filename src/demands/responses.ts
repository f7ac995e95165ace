import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { demandResponses } from '../db/schema/demand-responses.js';
import { listings } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { notify } from '../notifications/service.js';
import { loadDemand } from './service.js';
import type { ResponseInput } from './schemas.js';
import { notificationText } from '../notifications/texts.js';

type ResponseRow = typeof demandResponses.$inferSelect;

async function orgNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function view(db: DbOrTx, rows: ResponseRow[]) {
  if (rows.length === 0) return [];
  const offered = await db
    .select()
    .from(listings)
    .where(inArray(listings.id, [...new Set(rows.map((r) => r.listingId))]));
  const byId = new Map(offered.map((l) => [l.id, l]));
  const names = await orgNames(db, [...rows.map((r) => r.organizationId), ...offered.map((l) => l.organizationId)]);
  return rows.map((r) => {
    const l = byId.get(r.listingId)!;
    return {
      id: r.id,
      demandId: r.demandId,
      listing: {
        id: l.id,
        title: l.title,
        titleEn: l.titleEn,
        summary: l.summary,
        field: l.field,
        trl: l.trl,
        askingPrice: l.askingPrice,
        organization: { id: l.organizationId, name: names.get(l.organizationId) ?? '' },
      },
      // A broker answers for another organization's listing; a seller only with its own.
      responder: {
        organization: { id: r.organizationId, name: names.get(r.organizationId) ?? '' },
        role: (r.organizationId === l.organizationId ? 'seller' : 'broker') as 'seller' | 'broker',
      },
      message: r.message,
      createdAt: r.createdAt,
    };
  });
}

/**
 * A seller answers a demand with one of its organization's published listings; a broker, whose trade is to
 * bring a technology to the enterprise that seeks it, with any published listing. A closed demand takes no
 * answers (409 DEMAND_CLOSED); the same listing answers a demand once (409 CONFLICT).
 */
export async function answerDemand(ctx: AppContext, caller: AuthUser, demandId: string, input: ResponseInput) {
  return ctx.db.transaction(async (tx) => {
    const demand = await loadDemand(tx, demandId);
    const [listing] = await tx.select().from(listings).where(eq(listings.id, input.listingId));
    const own = listing?.organizationId === caller.organizationId;
    if (!listing || (listing.status !== 'published' && !own)) throw notFound('Listing');
    if (listing.status !== 'published')
      throw new AppError('VALIDATION_FAILED', 'Only a published listing can answer a demand', {
        errors: [{ path: '/listingId', message: 'the listing is not published' }],
      });
    if (caller.role === 'seller' && !own)
      throw new AppError('FORBIDDEN', "A seller answers with its own organization's listings");
    // Who may answer is decided before the demand's state, as everywhere: 403 before 409.
    if (demand.status !== 'open') throw new AppError('DEMAND_CLOSED', 'The demand is closed and takes no answers');
    const id = newId('drs');
    const [row] = await tx
      .insert(demandResponses)
      .values({
        id,
        demandId,
        listingId: listing.id,
        organizationId: caller.organizationId,
        createdBy: caller.id,
        message: input.message?.trim() || null,
        createdAt: ctx.clock.now().toISOString(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', 'This listing has already answered the demand');
    await audit(tx, { id: caller.id, role: caller.role }, 'demand.answered', 'demand', demandId, {
      responseId: id,
      listingId: listing.id,
    });
    await notify(
      tx,
      { organizationId: demand.organizationId },
      {
        ...notificationText('demand.answered', {
          demand: demand.title,
          title: listing.title,
          titleEn: listing.titleEn ?? null,
        }),
        body: input.message?.trim() ?? '',
        link: `/demands/${demandId}`,
        dedupeKey: `demand.answered:${id}`,
        data: { demandId, listingId: listing.id, responseId: id },
      },
    );
    return (await view(tx, [row]))[0];
  });
}

/**
 * The answers to a demand: its organization and admins read them all; an organization that answered reads its
 * own (others' offers are the demand owner's business, not a competitor's).
 */
export async function listResponses(
  ctx: AppContext,
  caller: AuthUser,
  demandId: string,
  q: { limit: number; cursor?: string },
) {
  const demand = await loadDemand(ctx.db, demandId);
  const conds: SQL[] = [eq(demandResponses.demandId, demandId)];
  if (caller.role !== 'admin' && caller.organizationId !== demand.organizationId)
    conds.push(eq(demandResponses.organizationId, caller.organizationId));
  if (q.cursor) conds.push(lt(demandResponses.id, q.cursor));
  const rows = await ctx.db
    .select()
    .from(demandResponses)
    .where(and(...conds))
    .orderBy(desc(demandResponses.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  return { items: await view(ctx.db, page.items), nextCursor: page.nextCursor };
}
