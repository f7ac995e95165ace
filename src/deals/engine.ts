import { eq } from 'drizzle-orm';
import { users } from '../db/schema/accounts.js';
import { dealHistory, deals } from '../db/schema/deals.js';
import { listingAccessGrants } from '../db/schema/listings.js';
import { issueInvoiceForEffect } from '../invoices/issue.js';
import { notify } from '../notifications/service.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { cancelTimers, scheduleTimer } from '../platform/timers.js';
import { applyDealEvent, dealContextOf, isFinalState, isSigned, type ActorRole, type DealActor, type DealContext, type Effect } from './machines/index.js';
import { dealNotice } from './notices.js';
import type { DealRow } from './parties.js';
import { contractValue } from './terms.js';

const FAILURES = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FORBIDDEN: 'FORBIDDEN',
  PAYLOAD_INVALID: 'VALIDATION_FAILED',
  MACHINE_VERSION_UNKNOWN: 'CONFLICT',
  SNAPSHOT_INVALID: 'CONFLICT',
} as const;

export interface DealEventInput { type: string; [payload: string]: unknown }

/**
 * Runs one event through a deal's machine inside the caller's transaction, on a row the caller has locked:
 * restore from the persisted snapshot, check the state accepts it and the actor may send it, send, then write
 * the new snapshot with version + 1, a history row and the declared effects (invoices in this transaction,
 * timers as rows, notifications to the outbox). A refused event throws and the transaction writes nothing.
 */
export async function applyAndPersist(ctx: AppContext, tx: Tx, deal: DealRow, actor: DealActor, input: DealEventInput): Promise<DealRow> {
  const now = ctx.clock.now().toISOString();
  const { type, ...payload } = input;
  const result = applyDealEvent(deal.type, deal.machineVersion, deal.snapshot, { ...payload, type, actor, at: now });
  if (!result.ok) {
    const errors = result.errors?.map((e) => ({ path: `body.${e.path}`, message: e.message }));
    throw new AppError(FAILURES[result.code], result.detail, errors ? { errors } : {});
  }
  const context = result.context;
  if (type === 'ASSIGN_BROKER') await checkBroker(tx, String(payload.brokerId));
  const signed = isSigned(result.snapshot);
  const final = isFinalState(result.snapshot);
  const version = deal.version + 1;
  const [updated] = await tx.update(deals).set({
    state: result.state,
    snapshot: result.snapshot,
    version,
    brokerUserId: context.broker?.userId ?? deal.brokerUserId,
    contractValue: context.agreedTerms ? contractValue(deal.type, context.agreedTerms) : null,
    signedAt: deal.signedAt ?? (signed ? context.contract.signedAt : null),
    closedAt: final ? now : null,
    lastActivityAt: now,
    updatedAt: now,
  }).where(eq(deals.id, deal.id)).returning();
  await tx.insert(dealHistory).values({
    dealId: deal.id, version, type, actorId: actor.role === 'system' ? null : actor.userId, actorRole: actor.role,
    fromState: deal.state, toState: result.state, payload, at: now,
  });
  await audit(tx, { id: actor.role === 'system' ? null : actor.userId, role: actor.role }, `deal.${type.toLowerCase()}`, 'deal', deal.id, { from: deal.state, to: result.state, version });
  await grantConfidentialAccess(tx, updated, deal.state, result.state, context);
  await scheduleIdleExpiry(ctx, tx, updated, signed || final);
  if (final) await cancelTimers(tx, 'deal', deal.id);
  // Invoices last: numbering locks the year's counter row until commit, so every other write comes first and
  // concurrent signings queue behind each other for as short a time as possible.
  const effects = withNotice(result.effects, updated, actor);
  for (const effect of effects.filter((e) => e.type !== 'issueInvoice')) await perform(ctx, tx, updated, effect);
  for (const effect of effects.filter((e) => e.type === 'issueInvoice')) await perform(ctx, tx, updated, effect);
  return updated;
}

// Every accepted event tells the other parties: where the machine declared no notice of its own, a general one.
function withNotice(effects: Effect[], deal: DealRow, actor: DealActor): Effect[] {
  if (effects.some((e) => e.type === 'notify')) return effects;
  const parties: ('buyer' | 'seller' | 'broker')[] = deal.brokerUserId ? ['buyer', 'seller', 'broker'] : ['buyer', 'seller'];
  const to = parties.filter((p) => p !== actor.role);
  return to.length ? [...effects, { type: 'notify', to, message: 'deal.update' }] : effects;
}

async function checkBroker(tx: Tx, brokerId: string) {
  const [u] = await tx.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, brokerId));
  if (!u || u.role !== 'broker' || u.disabled) {
    throw new AppError('VALIDATION_FAILED', 'brokerId must be an active broker', { errors: [{ path: 'body.brokerId', message: 'is not an active broker' }] });
  }
}

// Once the inquiry is accepted (and the NDA signed by both where the listing needs one) the buyer may read the
// listing's confidential part: the listing visibility rule reads these grants.
async function grantConfidentialAccess(tx: Tx, deal: DealRow, from: string, to: string, context: DealContext) {
  const opened = (from === 'inquiry' || from === 'nda') && to === 'negotiating';
  if (!opened) return;
  await tx.insert(listingAccessGrants).values({
    listingId: deal.listingId, organizationId: deal.buyerOrgId, dealId: deal.id, reason: context.ndaRequired ? 'nda_signed' : 'no_nda_required',
  }).onConflictDoNothing();
}

async function perform(ctx: AppContext, tx: Tx, deal: DealRow, effect: Effect) {
  if (effect.type === 'issueInvoice') {
    await issueInvoiceForEffect(ctx, tx, deal, effect);
  } else if (effect.type === 'startTimer') {
    await scheduleTimer(tx, { subject: 'deal', subjectId: deal.id, name: effect.name, dueAt: effect.dueAt, payload: effect.event });
  } else if (effect.type === 'notify') {
    const [zh, en] = dealNotice(effect.message, listingTitle(deal));
    for (const role of effect.to) {
      const audience = role === 'buyer' ? { organizationId: deal.buyerOrgId } : role === 'seller' ? { organizationId: deal.sellerOrgId } : deal.brokerUserId ? { userIds: [deal.brokerUserId] } : null;
      if (!audience) continue;
      await notify(tx, audience, { kind: 'deal.update', title: zh, titleEn: en, body: effect.message, link: `/deals/${deal.id}`, dedupeKey: `deal:${deal.id}:${deal.version}:${role}`, data: { dealId: deal.id, state: deal.state } });
    }
  }
}

export const listingTitle = (deal: DealRow) => String((deal.listingCopy as { title?: string }).title ?? deal.listingId);

/**
 * Idle expiry (DEAL_IDLE_DAYS without an accepted event before signing): one pending timer per deal, replaced
 * on every event and bound to the version it was set at, so a timer for a deal that has moved on does nothing.
 */
export async function scheduleIdleExpiry(ctx: AppContext, tx: Tx, deal: DealRow, stop: boolean) {
  await cancelTimers(tx, 'deal', deal.id, 'idleExpiry');
  if (stop || ctx.config.DEAL_IDLE_DAYS === 0) return;
  const dueAt = new Date(ctx.clock.now().getTime() + ctx.config.DEAL_IDLE_DAYS * 86_400_000).toISOString();
  await scheduleTimer(tx, { subject: 'deal', subjectId: deal.id, name: 'idleExpiry', dueAt, payload: { type: 'EXPIRE' }, expectVersion: deal.version });
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
