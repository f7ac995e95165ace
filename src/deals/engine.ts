import { eq, sql, type SQL } from 'drizzle-orm';
import { users } from '../db/schema/accounts.js';
import { deals } from '../db/schema/deals.js';
import { issueInvoiceForEffect } from '../invoices/issue.js';
import { notifyStatement } from '../notifications/service.js';
import { auditStatement } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { inTransaction, isTransaction, type DbOrTx, type Tx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { jsonb, runGuarded, runTogether } from '../platform/statements.js';
import { cancelTimersStatement, scheduleTimerStatement } from '../platform/timers.js';
import { applyDealEvent, dealContextOf, isFinalState, isSigned, type ActorRole, type DealActor, type DealContext, type Effect } from './machines/index.js';
import type { IssueInvoiceEffect } from './machines/types.js';
import { dealNotice } from './notices.js';
import type { DealRow } from './parties.js';
import { contractValue } from '../shared/terms.js';

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
  const actorId = actor.role === 'system' ? null : actor.userId;
  const effects = withNotice(result.effects, updated, actor);
  return {
    updated,
    guard: sql`update deals set state = ${updated.state}, snapshot = ${jsonb(updated.snapshot)}, version = ${updated.version},
      broker_user_id = ${updated.brokerUserId}, contract_value = ${updated.contractValue}::bigint, signed_at = ${updated.signedAt}::timestamptz,
      closed_at = ${updated.closedAt}::timestamptz, last_activity_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where id = ${deal.id} and version = ${deal.version} returning 1`,
    writes: [
      sql`insert into deal_history (deal_id, version, type, actor_id, actor_role, from_state, to_state, payload, at)
        values (${deal.id}, ${updated.version}, ${type}, ${actorId}, ${actor.role}, ${deal.state}, ${result.state}, ${jsonb(payload)}, ${now}::timestamptz)`,
      auditStatement({ id: actorId, role: actor.role }, `deal.${type.toLowerCase()}`, 'deal', deal.id, { from: deal.state, to: result.state, version: updated.version }),
      ...confidentialAccess(updated, deal.state, result.state, context),
      // A closed deal's pending timers (its idle expiry among them) are obsolete; an open one's idle expiry moves on.
      ...(final ? [cancelTimersStatement('deal', deal.id)] : idleExpiryStatements(ctx, updated, signed)),
      ...effects.flatMap((effect) => effectStatements(updated, effect)),
    ],
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

async function currentVersion(db: DbOrTx, dealId: string): Promise<number | null> {
  const [row] = await db.select({ version: deals.version }).from(deals).where(eq(deals.id, dealId));
  return row?.version ?? null;
}

// Every accepted event tells the other parties: where the machine declared no notice of its own, a general one.
function withNotice(effects: Effect[], deal: DealRow, actor: DealActor): Effect[] {
  if (effects.some((e) => e.type === 'notify')) return effects;
  const parties: ('buyer' | 'seller' | 'broker')[] = deal.brokerUserId ? ['buyer', 'seller', 'broker'] : ['buyer', 'seller'];
  const to = parties.filter((p) => p !== actor.role);
  return to.length ? [...effects, { type: 'notify', to, message: 'deal.update' }] : effects;
}

async function checkBroker(db: DbOrTx, brokerId: string) {
  const [u] = await db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, brokerId));
  if (!u || u.role !== 'broker' || u.disabled) {
    throw new AppError('VALIDATION_FAILED', 'brokerId must be an active broker', { errors: [{ path: 'body.brokerId', message: 'is not an active broker' }] });
  }
}

// Once the inquiry is accepted (and the NDA signed by both where the listing needs one) the buyer may read the
// listing's confidential part: the listing visibility rule reads these grants.
function confidentialAccess(deal: DealRow, from: string, to: string, context: DealContext): SQL[] {
  const opened = (from === 'inquiry' || from === 'nda') && to === 'negotiating';
  if (!opened) return [];
  return [sql`insert into listing_access_grants (listing_id, organization_id, deal_id, reason)
    values (${deal.listingId}, ${deal.buyerOrgId}, ${deal.id}, ${context.ndaRequired ? 'nda_signed' : 'no_nda_required'}) on conflict do nothing`];
}

// The rows an effect writes with the event; invoices are issued after (persistDealEvent).
function effectStatements(deal: DealRow, effect: Effect): SQL[] {
  if (effect.type === 'startTimer') {
    return [scheduleTimerStatement({ subject: 'deal', subjectId: deal.id, name: effect.name, dueAt: effect.dueAt, payload: effect.event })];
  }
  if (effect.type !== 'notify') return [];
  const [zh, en] = dealNotice(effect.message, listingTitle(deal));
  return effect.to.flatMap((role) => {
    const audience = role === 'buyer' ? { organizationId: deal.buyerOrgId } : role === 'seller' ? { organizationId: deal.sellerOrgId } : deal.brokerUserId ? { userIds: [deal.brokerUserId] } : null;
    if (!audience) return [];
    return [notifyStatement(audience, { kind: 'deal.update', title: zh, titleEn: en, body: effect.message, link: `/deals/${deal.id}`, dedupeKey: `deal:${deal.id}:${deal.version}:${role}`, data: { dealId: deal.id, state: deal.state } })];
  });
}

export const listingTitle = (deal: DealRow) => String((deal.listingCopy as { title?: string }).title ?? deal.listingId);

/**
 * Idle expiry (DEAL_IDLE_DAYS without an accepted event before signing): one pending timer per deal, replaced
 * on every event and bound to the version it was set at, so a timer for a deal that has moved on does nothing.
 * Run together, the cancel sees the rows as they were, so it leaves the new timer pending.
 */
function idleExpiryStatements(ctx: AppContext, deal: DealRow, stop: boolean): SQL[] {
  const cancel = cancelTimersStatement('deal', deal.id, 'idleExpiry');
  if (stop || ctx.config.DEAL_IDLE_DAYS === 0) return [cancel];
  const dueAt = new Date(ctx.clock.now().getTime() + ctx.config.DEAL_IDLE_DAYS * 86_400_000).toISOString();
  return [cancel, scheduleTimerStatement({ subject: 'deal', subjectId: deal.id, name: 'idleExpiry', dueAt, payload: { type: 'EXPIRE' }, expectVersion: deal.version })];
}

export async function scheduleIdleExpiry(ctx: AppContext, tx: Tx, deal: DealRow, stop: boolean) {
  await runTogether(tx, idleExpiryStatements(ctx, deal, stop));
}

export const SYSTEM: DealActor = { userId: 'system', role: 'system' as ActorRole };

/** Fires a deal timer through the same engine as the `system` actor; a timer whose deal has moved on does nothing. */
export async function fireDealTimer(ctx: AppContext, tx: Tx, timer: { subjectId: string; payload: unknown; expectVersion: number | null }): Promise<'fired' | 'obsolete'> {
  const [deal] = await tx.select().from(deals).where(eq(deals.id, timer.subjectId)).for('update');
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
  const [deal] = await tx.select().from(deals).where(eq(deals.id, invoice.dealId)).for('update');
  if (!deal || isFinalState(deal.snapshot)) return;
  await applyAndPersist(ctx, tx, deal, SYSTEM, { type: 'PAYMENT_RECEIVED', index: Number(m[1]) });
}
