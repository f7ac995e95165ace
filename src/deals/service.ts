import type { FastifyRequest } from 'fastify';
import { checkExclusivity, needsExclusivityCheck } from './exclusivity.js';
import { loadVisibleListing } from '../listings/visibility.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { isTransaction, type DbOrTx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { hasIdempotencyKey, idempotent } from '../platform/idempotency.js';
import { newId } from '../platform/ids.js';
import { runTogether } from '../platform/statements.js';
import { diffTerms } from './diff.js';
import { newDealRow } from './new-deal.js';
import { attachToMessage, documentsOfMessages } from './documents.js';
import {
  applyEvent,
  idleTimer,
  listingTitle,
  versionConflict,
  writtenOrConflict,
  type DealEventInput,
} from './engine.js';
import { dealContextOf, type DealForm } from './machines/index.js';
import { dealNotice } from '../shared/deal-notices.js';
import { loadDealFor } from './parties.js';
import {
  historyRows,
  insertMessage,
  listDealRows,
  messageRows,
  openDealOf,
  openDealStatements,
  userName,
} from './store/index.js';
import { contractToSign, keepSignedContract } from './contract/service.js';
import { keepSignedNda, ndaToSign } from './nda/service.js';
import { dealDetail, dealSummaries } from './view.js';
import { notificationText } from '../notifications/texts.js';

const SIGNATURES = new Set(['SIGN_NDA', 'SIGN_CONTRACT']);

/**
 * A buyer opens a deal on a published listing in one of the forms it offers. The deal keeps a copy of the
 * listing as it is now; one open deal per buyer organization, listing and form.
 */
export async function openDeal(
  ctx: AppContext,
  caller: AuthUser,
  input: { listingId: string; type: DealForm; message?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const listing = await loadVisibleListing(tx, input.listingId, caller);
    if (listing.status !== 'published') throw notFound('Listing');
    if (!listing.dealTypes.includes(input.type)) {
      throw new AppError('VALIDATION_FAILED', 'This listing does not offer that deal form', {
        errors: [
          { path: 'body.type', message: `must be one of the listing's deal forms: ${listing.dealTypes.join(', ')}` },
        ],
      });
    }
    if (listing.organizationId === caller.organizationId)
      throw new AppError('CONFLICT', 'An organization cannot open a deal on its own listing');
    const open = await openDealOf(tx, listing.id, caller.organizationId, input.type);
    if (open)
      throw new AppError('CONFLICT', `Your organization already has an open ${input.type} deal on this listing`, {
        dealId: open,
      });
    const deal = await newDealRow(ctx, tx, {
      listing,
      form: input.type,
      buyer: { organizationId: caller.organizationId, userId: caller.id },
      ndaRequired: listing.ndaRequired,
      contractValue: null,
    });
    const { id, createdAt: now } = deal;
    const actor = { id: caller.id, role: 'buyer' };
    const [zh, en] = dealNotice('deal.inquiryReceived', listingTitle(deal));
    await runTogether(
      tx,
      openDealStatements(deal, {
        history: {
          type: 'OPEN',
          actor,
          fromState: '',
          toState: deal.state,
          payload: { listingId: listing.id, type: input.type },
          at: now,
        },
        message: input.message
          ? { id: newId('msg'), dealId: id, authorId: caller.id, authorRole: 'buyer', body: input.message }
          : null,
        audit: { listingId: listing.id, type: input.type },
        notice: {
          to: { organizationId: listing.organizationId },
          notice: {
            kind: 'deal.update',
            title: zh,
            titleEn: en,
            body: input.message ?? '',
            link: `/deals/${id}`,
            dedupeKey: `deal:${id}:0:seller`,
            data: { dealId: id },
          },
        },
        idle: idleTimer(ctx, false),
      }),
    );
    return dealDetail(tx, deal, caller);
  });
}

/**
 * One event from a party: the caller's expected version checked against the deal as read, then the engine,
 * whose write applies only if the deal is still at that version. Inside a transaction the deal is read locked.
 */
export async function sendEventTx(
  ctx: AppContext,
  db: DbOrTx,
  caller: AuthUser,
  dealId: string,
  expectedVersion: number,
  event: DealEventInput,
): Promise<Awaited<ReturnType<typeof dealDetail>>> {
  const { deal, role, names } = await loadDealFor(db, dealId, caller, isTransaction(db));
  if (deal.version !== expectedVersion) throw versionConflict(deal.version, expectedVersion);
  // Binding licence terms are checked against the licences in force under the listing's lock: a transaction.
  if (needsExclusivityCheck(deal, event.type) && !isTransaction(db))
    return ctx.db.transaction((tx) => sendEventTx(ctx, tx, caller, dealId, expectedVersion, event));
  await checkExclusivity(db, deal, event.type);
  const nda = event.type === 'SIGN_NDA' ? await ndaToSign(db, deal, event.ndaSha256) : null;
  const contract =
    event.type === 'SIGN_CONTRACT' ? await contractToSign(ctx, db, deal, role, caller, event.contractSha256) : null;
  const signed = contract ? { ...event, contractSha256: contract.sha256 } : event;
  const updated = writtenOrConflict(await applyEvent(ctx, db, deal, { userId: caller.id, role }, signed));
  if (nda) await keepSignedNda(ctx, db, updated, caller, role, nda.text);
  if (contract) await keepSignedContract(ctx, db, updated, caller, role, contract.text);
  return dealDetail(db, updated, caller, names);
}

/**
 * POST /api/deals/:id/events. With an Idempotency-Key the event and its stored answer commit together;
 * without one the event needs no transaction around it (the engine's write is atomic on its own).
 */
export async function sendEvent(
  ctx: AppContext,
  req: FastifyRequest,
  caller: AuthUser,
  dealId: string,
  body: DealEventInput & { expectedVersion: number },
) {
  const { expectedVersion, ...event } = body;
  if (!hasIdempotencyKey(req))
    // A signed NDA's or contract's text is kept in the same transaction as the signature.
    return SIGNATURES.has(event.type)
      ? ctx.db.transaction((tx) => sendEventTx(ctx, tx, caller, dealId, expectedVersion, event))
      : sendEventTx(ctx, ctx.db, caller, dealId, expectedVersion, event);
  const { body: view } = await idempotent(ctx.db, req, async (tx) => ({
    status: 200,
    body: await sendEventTx(ctx, tx, caller, dealId, expectedVersion, event),
  }));
  return view;
}

export async function getDeal(ctx: AppContext, caller: AuthUser, id: string) {
  const { deal, names } = await loadDealFor(ctx.db, id, caller);
  return dealDetail(ctx.db, deal, caller, names);
}

/** The caller's deals: as buyer or seller organization, as assigned broker; admins see all. Newest first. */
export async function listDeals(
  ctx: AppContext,
  caller: AuthUser,
  q: { state?: string; type?: DealForm; listingId?: string; limit: number; cursor?: string },
) {
  const scope =
    caller.role === 'broker'
      ? { broker: caller.id }
      : caller.role === 'admin'
        ? ('all' as const)
        : { organization: caller.organizationId };
  const rows = await listDealRows(ctx.db, scope, q);
  const page = pageOf(rows, q.limit);
  return { items: await dealSummaries(ctx.db, page.items, caller), nextCursor: page.nextCursor };
}

export async function dealHistoryOf(ctx: AppContext, caller: AuthUser, id: string) {
  await loadDealFor(ctx.db, id, caller);
  const rows = await historyRows(ctx.db, id);
  return rows.map((h) => ({
    version: h.version,
    type: h.type,
    actor: { id: h.actorId, role: h.actorRole },
    from: h.fromState,
    to: h.toState,
    at: h.at,
    payload: h.payload as Record<string, unknown>,
  }));
}

export async function listMessages(ctx: AppContext, caller: AuthUser, id: string) {
  await loadDealFor(ctx.db, id, caller);
  const rows = await messageRows(ctx.db, id);
  const docs = await documentsOfMessages(
    ctx.db,
    rows.map((r) => r.m.id),
  );
  return {
    items: rows.map(({ m, name }) => ({
      id: m.id,
      author: { id: m.authorId, name, role: m.authorRole },
      body: m.body,
      attachments: docs.get(m.id) ?? [],
      createdAt: m.createdAt,
    })),
    nextCursor: null,
  };
}

export async function postMessage(
  ctx: AppContext,
  caller: AuthUser,
  id: string,
  body: string,
  attachmentIds: string[] = [],
) {
  return ctx.db.transaction(async (tx) => {
    const { deal, role } = await loadDealFor(tx, id, caller);
    const msgId = newId('msg');
    const m = await insertMessage(tx, { id: msgId, dealId: id, authorId: caller.id, authorRole: role, body });
    await attachToMessage(tx, caller, id, msgId, attachmentIds);
    const others = (['buyer', 'seller'] as const).filter((r) => r !== role);
    for (const r of others) {
      await notify(
        tx,
        { organizationId: r === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId },
        {
          ...notificationText('deal.message', { listing: listingTitle(deal) }),
          body: body.slice(0, 200),
          link: `/deals/${id}`,
          dedupeKey: `deal.message:${msgId}:${r}`,
          data: { dealId: id },
        },
      );
    }
    const authorName = await userName(tx, caller.id);
    const attachments = (await documentsOfMessages(tx, [msgId])).get(msgId) ?? [];
    return {
      id: m.id,
      author: { id: caller.id, name: authorName, role },
      body: m.body,
      attachments,
      createdAt: m.createdAt,
    };
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
