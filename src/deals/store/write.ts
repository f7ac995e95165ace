import { sql, type SQL } from 'drizzle-orm';
import { dealHistory, dealMessages, deals } from '../../db/schema/deals.js';
import { listingAccessGrants, listings } from '../../db/schema/listings.js';
import { enqueueStatement } from '../../platform/outbox.js';
import { notifyStatement, type Audience, type NotificationInput } from '../../notifications/service.js';
import { auditStatement, type Actor, type AuditData } from '../../platform/audit.js';
import type { DbOrTx } from '../../platform/db.js';
import { guardedStatement, insertStatement, updateStatement } from '../../platform/statements.js';
import { cancelTimersStatement, scheduleTimerStatement, type TimerSpec } from '../../platform/timers.js';
import { boardStatement, type BoardWrite } from './notice-board.js';
import type { DealRow } from './read.js';

// The deal store's writes, as statements to run together (platform/statements.ts): the engine plans what an
// event writes and the runner sends it; neither writes SQL of its own.

/** One accepted event, as the history records it. */
export interface HistoryEntryWrite {
  type: string;
  actor: Actor;
  fromState: string;
  toState: string;
  payload: Record<string, unknown>;
  at: string;
}

/** A notice for a deal's party, queued in the outbox with the write. */
export interface NoticeWrite {
  to: Audience;
  notice: NotificationInput;
}

/** The deal's idle-expiry timer after a write: replaced by one due at `dueAt`, or only cancelled (null). */
export interface IdleTimerWrite {
  dueAt: string | null;
}

/** Everything an accepted event writes besides the deal itself. */
export interface EventWrite {
  before: DealRow;
  updated: DealRow;
  history: HistoryEntryWrite;
  audit: { action: string; data: AuditData };
  /** The buyer may now read the listing's confidential part (the reason recorded with the grant). */
  grant: 'nda_signed' | 'no_nda_required' | null;
  /** A closed deal's pending timers are all obsolete; an open one's idle expiry moves on. */
  timers: 'cancelAll' | IdleTimerWrite;
  startTimers: TimerSpec[];
  notices: NoticeWrite[];
  /** What the event changes on the public notice board. */
  board: BoardWrite[];
}

/** The guarded update of a deal: applies only at the version the change was computed from (returning 1). */
export function dealUpdateGuard(before: DealRow, updated: DealRow): SQL {
  const update = updateStatement(
    deals,
    {
      state: updated.state,
      snapshot: updated.snapshot,
      version: updated.version,
      brokerUserId: updated.brokerUserId,
      contractValue: updated.contractValue,
      signedAt: updated.signedAt,
      closedAt: updated.closedAt,
      lastActivityAt: updated.lastActivityAt,
      updatedAt: updated.updatedAt,
    },
    { id: before.id, version: before.version },
  );
  return sql`${update} returning 1`;
}

/**
 * Idle expiry: one pending timer per deal, replaced on every event and bound to the version it was set at, so a
 * timer for a deal that has moved on does nothing. Run together, the cancel sees the rows as they were, so it
 * leaves the new timer pending.
 */
export function idleTimerStatements(deal: DealRow, idle: IdleTimerWrite): SQL[] {
  const cancel = cancelTimersStatement('deal', deal.id, 'idleExpiry');
  if (idle.dueAt === null) return [cancel];
  return [
    cancel,
    scheduleTimerStatement({
      subject: 'deal',
      subjectId: deal.id,
      name: 'idleExpiry',
      dueAt: idle.dueAt,
      payload: { type: 'EXPIRE' },
      expectVersion: deal.version,
    }),
  ];
}

const historyStatement = (deal: DealRow, h: HistoryEntryWrite) =>
  insertStatement(dealHistory, {
    dealId: deal.id,
    version: deal.version,
    type: h.type,
    actorId: h.actor.id,
    actorRole: h.actor.role,
    fromState: h.fromState,
    toState: h.toState,
    payload: h.payload,
    at: h.at,
  });

/** The rows an event writes beside the deal's update: history, audit, access grant, timers, notices. */
export function eventWrites(w: EventWrite): SQL[] {
  const { before, updated } = w;
  return [
    historyStatement(updated, w.history),
    auditStatement(w.history.actor, w.audit.action, 'deal', before.id, w.audit.data),
    ...(w.grant
      ? [
          sql`${insertStatement(listingAccessGrants, { listingId: updated.listingId, organizationId: updated.buyerOrgId, dealId: updated.id, reason: w.grant })} on conflict do nothing`,
        ]
      : []),
    ...(w.timers === 'cancelAll' ? [cancelTimersStatement('deal', before.id)] : idleTimerStatements(updated, w.timers)),
    ...w.startTimers.map(scheduleTimerStatement),
    ...w.notices.map((n) => notifyStatement(n.to, n.notice)),
    ...w.board.map((b) => boardStatement(updated, b)),
    ...(transferCompleted(before, updated) ? offMarketStatements(updated) : []),
  ];
}

const transferCompleted = (before: DealRow, updated: DealRow) =>
  updated.type === 'transfer' && updated.state === 'completed' && before.state !== 'completed';

// DOMAIN.md "Exclusivity": a completed transfer takes the listing off the market — the seller no longer holds
// what it offers (Patent Law Art. 10; for a trade secret, Civil Code Art. 862). It is withdrawn (if it is still
// published), taken out of the search index, and the audit says which deal transferred it.
function offMarketStatements(deal: DealRow): SQL[] {
  return [
    updateStatement(
      listings,
      { status: 'withdrawn', withdrawnAt: deal.updatedAt, updatedAt: deal.updatedAt },
      { id: deal.listingId, status: 'published' },
    ),
    enqueueStatement('listing.index', { id: deal.listingId }),
    auditStatement({ id: null, role: 'system' }, 'listing.transferred', 'listing', deal.listingId, { dealId: deal.id }),
  ];
}

/** An accepted event as one statement: the guarded update with everything it writes (guardedStatement). */
export function eventStatement(w: EventWrite): SQL {
  return guardedStatement(dealUpdateGuard(w.before, w.updated), eventWrites(w));
}

/** A new deal with its first history entry, opening message, audit record, notice and idle timer: one statement. */
export function openDealStatements(
  deal: DealRow,
  o: {
    history: HistoryEntryWrite;
    message: MessageWrite | null;
    audit: AuditData;
    notice: NoticeWrite;
    idle: IdleTimerWrite;
  },
): SQL[] {
  return [
    insertStatement(deals, deal),
    historyStatement(deal, o.history),
    ...(o.message ? [messageStatement(o.message)] : []),
    auditStatement(o.history.actor, 'deal.opened', 'deal', deal.id, o.audit),
    notifyStatement(o.notice.to, o.notice.notice),
    ...idleTimerStatements(deal, o.idle),
  ];
}

export type MessageWrite = typeof dealMessages.$inferInsert;
export const messageStatement = (m: MessageWrite) => insertStatement(dealMessages, m);

/** Posts a message in the deal room, answering its row as stored. */
export async function insertMessage(db: DbOrTx, m: MessageWrite) {
  const [row] = await db.insert(dealMessages).values(m).returning();
  return row;
}
