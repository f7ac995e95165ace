import { and, asc, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { organizations, users } from '../db/schema/accounts.js';
import { dealHistory, dealMessages, deals } from '../db/schema/deals.js';
import { loadVisibleListing } from '../listings/visibility.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { isTransaction, type DbOrTx, type Tx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { hasIdempotencyKey, idempotent } from '../platform/idempotency.js';
import { newId } from '../platform/ids.js';
import { diffTerms } from './diff.js';
import { attachToMessage, documentsOfMessages } from './documents.js';
import { applyAndPersist, listingTitle, scheduleIdleExpiry, versionConflict, type DealEventInput } from './engine.js';
import { dealContextOf, initialDealSnapshot, type DealForm } from './machines/index.js';
import { dealNotice } from './notices.js';
import { loadDealFor } from './parties.js';
import { dealDetail, dealSummaries } from './view.js';

const PUBLIC_INSTITUTIONS = new Set(['university', 'institute']);

/**
 * A buyer opens a deal on a published listing in one of the forms it offers. The deal keeps a copy of the
 * listing as it is now; one open deal per buyer organization, listing and form.
 */
export async function openDeal(ctx: AppContext, caller: AuthUser, input: { listingId: string; type: DealForm; message?: string }) {
  return ctx.db.transaction(async (tx) => {
    const listing = await loadVisibleListing(tx, input.listingId, caller);
    if (listing.status !== 'published') throw notFound('Listing');
    if (!listing.dealTypes.includes(input.type)) {
      throw new AppError('VALIDATION_FAILED', 'This listing does not offer that deal form', { errors: [{ path: 'body.type', message: `must be one of the listing's deal forms: ${listing.dealTypes.join(', ')}` }] });
    }
    if (listing.organizationId === caller.organizationId) throw new AppError('CONFLICT', 'An organization cannot open a deal on its own listing');
    const open = await tx.select({ id: deals.id }).from(deals)
      .where(and(eq(deals.listingId, listing.id), eq(deals.buyerOrgId, caller.organizationId), eq(deals.type, input.type), isNull(deals.closedAt)));
    if (open.length) throw new AppError('CONFLICT', `Your organization already has an open ${input.type} deal on this listing`, { dealId: open[0].id });
    const [seller] = await tx.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, listing.organizationId));
    const init = initialDealSnapshot(input.type, {
      ndaRequired: listing.ndaRequired,
      publicInstitutionSeller: PUBLIC_INSTITUTIONS.has(seller.type),
      publicNoticeDays: ctx.config.PUBLIC_NOTICE_DAYS,
      offerTtlDays: ctx.config.OFFER_TTL_DAYS,
      invoiceDueDays: ctx.config.INVOICE_DUE_DAYS,
      currency: 'CNY',
    });
    const now = ctx.clock.now().toISOString();
    const id = newId('dl');
    const { confidentialDetails: _secret, ...copy } = listing;
    const [deal] = await tx.insert(deals).values({
      id, type: input.type, listingId: listing.id, listingCopy: copy, buyerOrgId: caller.organizationId, buyerUserId: caller.id,
      sellerOrgId: listing.organizationId, state: init.state, machineVersion: init.machineVersion, snapshot: init.snapshot,
      version: 0, lastActivityAt: now, createdAt: now, updatedAt: now,
    }).returning();
    await tx.insert(dealHistory).values({ dealId: id, version: 0, type: 'OPEN', actorId: caller.id, actorRole: 'buyer', fromState: '', toState: init.state, payload: { listingId: listing.id, type: input.type }, at: now });
    if (input.message) await tx.insert(dealMessages).values({ id: newId('msg'), dealId: id, authorId: caller.id, authorRole: 'buyer', body: input.message });
    await audit(tx, { id: caller.id, role: caller.role }, 'deal.opened', 'deal', id, { listingId: listing.id, type: input.type });
    const [zh, en] = dealNotice('deal.inquiryReceived', listingTitle(deal));
    await notify(tx, { organizationId: listing.organizationId }, { kind: 'deal.update', title: zh, titleEn: en, body: input.message ?? '', link: `/deals/${id}`, dedupeKey: `deal:${id}:0:seller`, data: { dealId: id } });
    await scheduleIdleExpiry(ctx, tx, deal, false);
    return dealDetail(tx, deal, caller);
  });
}

/**
 * One event from a party: the caller's expected version checked against the deal as read, then the engine,
 * whose write applies only if the deal is still at that version. Inside a transaction the deal is read locked.
 */
export async function sendEventTx(ctx: AppContext, db: DbOrTx, caller: AuthUser, dealId: string, expectedVersion: number, event: DealEventInput) {
  const { deal, role, names } = await loadDealFor(db, dealId, caller, isTransaction(db));
  if (deal.version !== expectedVersion) throw versionConflict(deal.version, expectedVersion);
  const updated = await applyAndPersist(ctx, db, deal, { userId: caller.id, role }, event);
  return dealDetail(db, updated, caller, names);
}

/**
 * POST /api/deals/:id/events. With an Idempotency-Key the event and its stored answer commit together;
 * without one the event needs no transaction around it (the engine's write is atomic on its own).
 */
export async function sendEvent(ctx: AppContext, req: FastifyRequest, caller: AuthUser, dealId: string, body: DealEventInput & { expectedVersion: number }) {
  const { expectedVersion, ...event } = body;
  if (!hasIdempotencyKey(req)) return sendEventTx(ctx, ctx.db, caller, dealId, expectedVersion, event);
  const { body: view } = await idempotent(ctx.db, req, async (tx) => ({ status: 200, body: await sendEventTx(ctx, tx, caller, dealId, expectedVersion, event) }));
  return view;
}

export async function getDeal(ctx: AppContext, caller: AuthUser, id: string) {
  const { deal, names } = await loadDealFor(ctx.db, id, caller);
  return dealDetail(ctx.db, deal, caller, names);
}

/** The caller's deals: as buyer or seller organization, as assigned broker; admins see all. Newest first. */
export async function listDeals(ctx: AppContext, caller: AuthUser, q: { state?: string; type?: DealForm; listingId?: string; limit: number; cursor?: string }) {
  const conds: SQL[] = [];
  if (caller.role === 'broker') conds.push(eq(deals.brokerUserId, caller.id));
  else if (caller.role !== 'admin') conds.push(or(eq(deals.buyerOrgId, caller.organizationId), eq(deals.sellerOrgId, caller.organizationId))!);
  if (q.state) conds.push(eq(deals.state, q.state));
  if (q.type) conds.push(eq(deals.type, q.type));
  if (q.listingId) conds.push(eq(deals.listingId, q.listingId));
  if (q.cursor) conds.push(lt(deals.id, q.cursor));
  const rows = await ctx.db.select().from(deals).where(and(...conds)).orderBy(desc(deals.id)).limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  return { items: await dealSummaries(ctx.db, page.items, caller), nextCursor: page.nextCursor };
}

export async function dealHistoryOf(ctx: AppContext, caller: AuthUser, id: string) {
  await loadDealFor(ctx.db, id, caller);
  const rows = await ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, id)).orderBy(asc(dealHistory.version));
  return rows.map((h) => ({ version: h.version, type: h.type, actor: { id: h.actorId, role: h.actorRole }, from: h.fromState, to: h.toState, at: h.at, payload: h.payload as Record<string, unknown> }));
}

export async function listMessages(ctx: AppContext, caller: AuthUser, id: string) {
  await loadDealFor(ctx.db, id, caller);
  const rows = await ctx.db.select({ m: dealMessages, name: users.name }).from(dealMessages).innerJoin(users, eq(users.id, dealMessages.authorId))
    .where(eq(dealMessages.dealId, id)).orderBy(asc(dealMessages.id));
  const docs = await documentsOfMessages(ctx.db, rows.map((r) => r.m.id));
  return { items: rows.map(({ m, name }) => ({ id: m.id, author: { id: m.authorId, name, role: m.authorRole }, body: m.body, attachments: docs.get(m.id) ?? [], createdAt: m.createdAt })), nextCursor: null };
}

export async function postMessage(ctx: AppContext, caller: AuthUser, id: string, body: string, attachmentIds: string[] = []) {
  return ctx.db.transaction(async (tx) => {
    const { deal, role } = await loadDealFor(tx, id, caller);
    const msgId = newId('msg');
    const [m] = await tx.insert(dealMessages).values({ id: msgId, dealId: id, authorId: caller.id, authorRole: role, body }).returning();
    await attachToMessage(tx, caller, id, msgId, attachmentIds);
    const others = (['buyer', 'seller'] as const).filter((r) => r !== role);
    for (const r of others) {
      await notify(tx, { organizationId: r === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId }, {
        kind: 'deal.message', title: `交易洽谈新消息：${listingTitle(deal)}`, titleEn: `New message in deal room: ${listingTitle(deal)}`,
        body: body.slice(0, 200), link: `/deals/${id}`, dedupeKey: `deal.message:${msgId}:${r}`, data: { dealId: id },
      });
    }
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, caller.id));
    const attachments = (await documentsOfMessages(tx, [msgId])).get(msgId) ?? [];
    return { id: m.id, author: { id: caller.id, name: author.name, role }, body: m.body, attachments, createdAt: m.createdAt };
  });
}

/** The difference between two proposals of a deal, by proposal number. */
export async function diffProposals(ctx: AppContext, caller: AuthUser, id: string, from: number, to: number) {
  const { deal } = await loadDealFor(ctx.db, id, caller);
  const proposals = dealContextOf(deal.snapshot).proposals;
  const a = proposals.find((p) => p.seq === from);
  const b = proposals.find((p) => p.seq === to);
  if (!a || !b) throw notFound('Proposal');
  return { from, to, changes: diffTerms(a.terms, b.terms) };
}

