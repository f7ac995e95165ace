import type { SQL } from 'drizzle-orm';
import { issueInvoiceForEffect } from '../invoices/issue.js';
import type { AppContext } from '../platform/context.js';
import { inTransaction, isTransaction, type DbOrTx, type Tx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { runGuarded } from '../platform/statements.js';
import { applyDealEvent, dealContextOf, isFinalState, isSigned, type ActorRole, type DealActor, type DealContext, type Effect } from './machines/index.js';
import type { IssueInvoiceEffect } from './machines/types.js';
import { dealNotice } from './notices.js';
import type { DealRow } from './parties.js';
import { contractValue } from '../shared/terms.js';
import { currentVersion, dealUpdateGuard, eventWrites, isActiveBroker, lockDeal, type EventWrite, type IdleTimerWrite, type NoticeWrite } from './store/index.js';

const FAILURES = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FORBIDDEN: 'FORBIDDEN',
  PAYLOAD_INVALID: 'VALIDATION_FAILED',
  MACHINE_VERSION_UNKNOWN: 'CONFLICT',
  SNAPSHOT_INVALID: 'CONFLICT',
} as const;

export interface DealEventInput { type: string; [payload: string]: unknown }

/** What one accepted event writes: computed without I/O (planDealEvent), written by persistDealEvent. */
export interface EventPlan {
  /** The deal as it will be, at version + 1. */
  updated: DealRow;
  /** The deal's update, applying only at the version the event was computed from. */
  guard: SQL;
  /** Everything else the event writes with it: history, audit, access grant, timers, notices. */
  writes: SQL[];
  /** Invoices to issue after those writes, in the same transaction. */
  invoices: IssueInvoiceEffect[];
}

/**
 * Runs one event through a deal's machine on the deal as the caller read it, without I/O: restore from the
 * persisted snapshot, check the state accepts it and the actor may send it, send, and describe the writes.
 * A refused event throws.
 */
export function planDealEvent(ctx: AppContext, deal: DealRow, actor: DealActor, input: DealEventInput): EventPlan {
  const now = ctx.clock.now().toISOString();
  const { type, ...payload } = input;
  const result = applyDealEvent(deal.type, deal.machineVersion, deal.snapshot, { ...payload, type, actor, at: now });
  if (!result.ok) {
    const errors = result.errors?.map((e) => ({ path: `body.${e.path}`, message: e.message }));
    throw new AppError(FAILURES[result.code], result.detail, errors ? { errors } : {});
  }
  const context = result.context;
  const signed = isSigned(result.snapshot);
  const final = isFinalState(result.snapshot);
  const updated: DealRow = {
    ...deal,
    state: result.state,
    snapshot: result.snapshot,
    version: deal.version + 1,
    brokerUserId: context.broker?.userId ?? deal.brokerUserId,
    contractValue: context.agreedTerms ? contractValue(deal.type, context.agreedTerms) : null,
    signedAt: deal.signedAt ?? (signed ? context.contract.signedAt : null),
    closedAt: final ? now : null,
    lastActivityAt: now,
    updatedAt: now,
  };
  const effects = withNotice(result.effects, updated, actor);
  const write: EventWrite = {
    before: deal,
    updated,
    history: { type, actor: { id: actor.role === 'system' ? null : actor.userId, role: actor.role }, fromState: deal.state, toState: result.state, payload, at: now },
    audit: { action: `deal.${type.toLowerCase()}`, data: { from: deal.state, to: result.state, version: updated.version } },
    grant: confidentialAccess(deal.state, result.state, context),
    timers: final ? 'cancelAll' : idleTimer(ctx, updated, signed),
    startTimers: effects.flatMap((e) => (e.type === 'startTimer' ? [{ subject: 'deal', subjectId: deal.id, name: e.name, dueAt: e.dueAt, payload: e.event }] : [])),
    notices: effects.flatMap((e) => (e.type === 'notify' ? notices(updated, e) : [])),
  };
  return {
    updated,
    guard: dealUpdateGuard(deal, updated),
    writes: eventWrites(write),
    invoices: effects.filter((e): e is IssueInvoiceEffect => e.type === 'issueInvoice'),
  };
}

// Thrown inside an invoice-issuing transaction whose guard missed, and caught right after it: one instance.
const LOST_RACE = new Error('the deal moved on before the write');

/**
 * Writes a planned event: one statement that applies only if the deal is still at the version the plan was
 * computed from (a compare-and-set that takes the row's lock), then its invoices in the same transaction.
 * Outside a transaction, an event without invoices is that one statement. An event that lost the race to
 * another throws VERSION_CONFLICT and writes nothing.
 */
export async function persistDealEvent(ctx: AppContext, db: DbOrTx, plan: EventPlan): Promise<void> {
  const { updated, guard, writes, invoices } = plan;
  const won = invoices.length === 0
    ? await runGuarded(db, guard, writes)
    : await inTransaction(db, async (tx) => {
      if (!(await runGuarded(tx, guard, writes))) throw LOST_RACE; // rolls the transaction back
      // Invoices last, after every other write: each is numbered as the transaction commits (invoices/numbering.ts).
      for (const effect of invoices) await issueInvoiceForEffect(ctx, tx, updated, effect);
      return true;
    }).catch((err) => { if (err === LOST_RACE) return false; throw err; });
  // Outside a transaction (or once this one has rolled back) the answer can say which version won.
  if (!won) throw versionConflict(isTransaction(db) ? null : await currentVersion(db, updated.id), updated.version - 1);
}

/** Runs one event on the deal as read (planDealEvent), then writes it (persistDealEvent). */
export async function applyAndPersist(ctx: AppContext, db: DbOrTx, deal: DealRow, actor: DealActor, input: DealEventInput): Promise<DealRow> {
  const plan = planDealEvent(ctx, deal, actor, input);
  if (input.type === 'ASSIGN_BROKER') await checkBroker(db, String(input.brokerId));
  await persistDealEvent(ctx, db, plan);
  return plan.updated;
}

/** 409 VERSION_CONFLICT for an event sent at `expected` to a deal now at `current` (null: not known). */
export function versionConflict(current: number | null, expected: number): AppError {
  if (current === null) return new AppError('VERSION_CONFLICT', `The deal has moved on from version ${expected}; reload and try again`);
  return new AppError('VERSION_CONFLICT', `The deal is at version ${current}, not ${expected}; reload and try again`, { currentVersion: current });
}

// Every accepted event tells the other parties: where the machine declared no notice of its own, a general one.
function withNotice(effects: Effect[], deal: DealRow, actor: DealActor): Effect[] {
  if (effects.some((e) => e.type === 'notify')) return effects;
  const parties: ('buyer' | 'seller' | 'broker')[] = deal.brokerUserId ? ['buyer', 'seller', 'broker'] : ['buyer', 'seller'];
  const to = parties.filter((p) => p !== actor.role);
  return to.length ? [...effects, { type: 'notify', to, message: 'deal.update' }] : effects;
}

async function checkBroker(db: DbOrTx, brokerId: string) {
  if (!(await isActiveBroker(db, brokerId))) {
    throw new AppError('VALIDATION_FAILED', 'brokerId must be an active broker', { errors: [{ path: 'body.brokerId', message: 'is not an active broker' }] });
  }
}

// Once the inquiry is accepted (and the NDA signed by both where the listing needs one) the buyer may read the
// listing's confidential part: the listing visibility rule reads these grants.
function confidentialAccess(from: string, to: string, context: DealContext): EventWrite['grant'] {
  const opened = (from === 'inquiry' || from === 'nda') && to === 'negotiating';
  if (!opened) return null;
  return context.ndaRequired ? 'nda_signed' : 'no_nda_required';
}

// The notices of a notify effect, one per party it names that the deal has.
function notices(deal: DealRow, effect: Extract<Effect, { type: 'notify' }>): NoticeWrite[] {
  const [zh, en] = dealNotice(effect.message, listingTitle(deal));
  return effect.to.flatMap((role) => {
    const audience = role === 'buyer' ? { organizationId: deal.buyerOrgId } : role === 'seller' ? { organizationId: deal.sellerOrgId } : deal.brokerUserId ? { userIds: [deal.brokerUserId] } : null;
    if (!audience) return [];
    return [{ to: audience, notice: { kind: 'deal.update', title: zh, titleEn: en, body: effect.message, link: `/deals/${deal.id}`, dedupeKey: `deal:${deal.id}:${deal.version}:${role}`, data: { dealId: deal.id, state: deal.state } } }];
  });
}

export const listingTitle = (deal: DealRow) => String((deal.listingCopy as { title?: string }).title ?? deal.listingId);

/** Idle expiry (DEAL_IDLE_DAYS without an accepted event before signing): the deal's timer after a write. */
export function idleTimer(ctx: AppContext, deal: DealRow, stop: boolean): IdleTimerWrite {
  if (stop || ctx.config.DEAL_IDLE_DAYS === 0) return { dueAt: null };
  return { dueAt: new Date(ctx.clock.now().getTime() + ctx.config.DEAL_IDLE_DAYS * 86_400_000).toISOString() };
}

export const SYSTEM: DealActor = { userId: 'system', role: 'system' as ActorRole };

/** Fires a deal timer through the same engine as the `system` actor; a timer whose deal has moved on does nothing. */
export async function fireDealTimer(ctx: AppContext, tx: Tx, timer: { subjectId: string; payload: unknown; expectVersion: number | null }): Promise<'fired' | 'obsolete'> {
  const deal = await lockDeal(tx, timer.subjectId);
  if (!deal || isFinalState(deal.snapshot)) return 'obsolete';
  if (timer.expectVersion !== null && timer.expectVersion !== deal.version) return 'obsolete';
  try {
    await applyAndPersist(ctx, tx, deal, SYSTEM, timer.payload as DealEventInput);
    return 'fired';
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return 'obsolete';
    throw err;
  }
}

export { dealContextOf };

/**
 * The invoicing module calls this inside the payment transaction when an invoice is fully paid: an instalment
 * of a transfer moves the deal on (all paid → recordal), through the engine as the `system` actor.
 */
export async function onInstalmentPaid(ctx: AppContext, tx: Tx, invoice: { dealId: string | null; ref: string | null }) {
  const m = /^instalment:(\d+)$/.exec(invoice.ref ?? '');
  if (!invoice.dealId || !m) return;
  const deal = await lockDeal(tx, invoice.dealId);
  if (!deal || isFinalState(deal.snapshot)) return;
  await applyAndPersist(ctx, tx, deal, SYSTEM, { type: 'PAYMENT_RECEIVED', index: Number(m[1]) });
}
