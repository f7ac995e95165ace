import { applyEvent, SYSTEM, writtenOrConflict } from '../deals/engine.js';
import {
  boardRows,
  insertObjection,
  lockDeal,
  noticeRow,
  objectionCounts,
  objectionRows,
  type NoticeRow,
  type ObjectionRow,
} from '../deals/store/index.js';
import { audit } from '../platform/audit.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { OBJECTION_LIMITS } from '../shared/deal.js';
import type { ListNoticesInput, NoticeView } from './schemas.js';

// The public notice board (DOMAIN.md "Pricing routes"; Law Art. 18, 国发〔2016〕16号): every notice of a public
// institution's agreed price, open and ended, with its objections and their answers. Objectors are never named.

type BoardRow = Awaited<ReturnType<typeof boardRows>>[number];

function noticeView(r: BoardRow, objections: ObjectionRow[]): NoticeView {
  const n = r.n;
  return {
    id: n.id,
    dealId: n.dealId,
    listing: { id: n.listingId, title: n.listingTitle, registrationNo: n.registrationNo },
    form: n.form,
    price: n.price,
    currency: 'CNY',
    seller: { name: r.sellerName },
    buyer: { name: r.buyerName },
    relatedParty: n.relatedParty,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
    status: n.status,
    outcome: n.outcome,
    endedAt: n.endedAt,
    objections: objections
      .filter((o) => o.noticeId === n.id)
      .map((o) => ({
        id: o.id,
        reason: o.reason,
        answer:
          o.decision && o.answeredAt ? { decision: o.decision, reason: o.answerReason ?? '', at: o.answeredAt } : null,
        at: o.at,
      })),
  };
}

async function viewsOf(db: DbOrTx, rows: BoardRow[]): Promise<NoticeView[]> {
  const objections = await objectionRows(
    db,
    rows.map((r) => r.n.id),
  );
  return rows.map((r) => noticeView(r, objections));
}

export async function listNotices(ctx: AppContext, q: ListNoticesInput) {
  const rows = await boardRows(ctx.db, {
    status: q.status,
    q: q.q?.trim() || undefined,
    limit: q.limit,
    cursor: q.cursor,
  });
  const page = pageOf(
    rows.map((r) => ({ ...r, id: r.n.id })),
    q.limit,
  );
  return { items: await viewsOf(ctx.db, page.items), nextCursor: page.nextCursor };
}

export async function getNotice(ctx: AppContext, id: string): Promise<NoticeView> {
  const rows = await boardRows(ctx.db, { id, limit: 1 });
  if (rows.length === 0) throw notFound('Notice');
  return (await viewsOf(ctx.db, rows.slice(0, 1)))[0];
}

/** Every notice of a deal, oldest first (the pricing dossier reads them). */
export async function noticesOfDeal(db: DbOrTx, dealId: string): Promise<NoticeView[]> {
  const rows = await boardRows(db, { dealId, limit: 99 });
  return (await viewsOf(db, rows)).reverse();
}

function refuseClosed(notice: NoticeRow | null, now: Date): asserts notice is NoticeRow {
  if (!notice || notice.status !== 'open')
    throw new AppError('INVALID_TRANSITION', 'This notice is not open for objections');
  if (now.getTime() >= Date.parse(notice.endsAt))
    throw new AppError('INVALID_TRANSITION', 'The notice period is over: objections are no longer accepted');
}

/**
 * Anyone signed in objects to an open notice, with reasons. The objection is kept on the board and sent to the deal
 * as OBJECTION_FILED (the parties are told; the notice cannot end until it is answered), in one transaction.
 * Bounded per user per day and per notice (429 RATE_LIMITED).
 */
export async function fileObjection(ctx: AppContext, user: AuthUser, noticeId: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const seen = await noticeRow(tx, noticeId);
    if (!seen) throw notFound('Notice');
    // The deal's row lock first, as every deal event takes it before it writes the board: the notice read after it
    // is the one no concurrent event can close under us (and the lock order cannot deadlock).
    const deal = await lockDeal(tx, seen.dealId);
    const notice = await noticeRow(tx, noticeId);
    refuseClosed(notice, now);
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    const counts = await objectionCounts(tx, user.id, noticeId, since);
    if (counts.recent >= OBJECTION_LIMITS.perUserPerDay || counts.here >= OBJECTION_LIMITS.perUserPerNotice)
      throw new AppError('RATE_LIMITED', 'Too many objections from this account; try again later');
    if (!deal || deal.state !== 'publicNotice') throw new AppError('INVALID_TRANSITION', 'This notice is not open');
    const objection = await insertObjection(tx, {
      id: newId('obj'),
      noticeId,
      objectorId: user.id,
      reason: reason.trim(),
      at: now.toISOString(),
    });
    writtenOrConflict(
      await applyEvent(ctx, tx, deal, SYSTEM, {
        type: 'OBJECTION_FILED',
        objectionId: objection.id,
        reason: objection.reason,
      }),
    );
    await audit(tx, { id: user.id, role: user.role }, 'notice.objection_filed', 'notice', noticeId, {
      objectionId: objection.id,
      dealId: deal.id,
    });
    return { id: objection.id, reason: objection.reason, answer: null, at: objection.at };
  });
}
