import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { isFinalState, type ActorRole, type DealActor } from '../machines/index.js';
import { lockDeal } from '../store/index.js';
import type { DealEventInput } from './plan.js';
import { applyEvent, writtenOrConflict } from './runner.js';

// The deal's handlers for work that arrives from outside a request: its timers and paid instalments, run
// through the same engine as the `system` actor.

export const SYSTEM: DealActor = { userId: 'system', role: 'system' as ActorRole };

/** Fires a deal timer; a timer whose deal has moved on (or refuses the event) does nothing. */
export async function fireDealTimer(
  ctx: AppContext,
  tx: Tx,
  timer: { subjectId: string; payload: unknown; expectVersion: number | null },
): Promise<'fired' | 'obsolete'> {
  const deal = await lockDeal(tx, timer.subjectId);
  if (!deal || isFinalState(deal.snapshot)) return 'obsolete';
  if (timer.expectVersion !== null && timer.expectVersion !== deal.version) return 'obsolete';
  try {
    const outcome = await applyEvent(ctx, tx, deal, SYSTEM, timer.payload as DealEventInput);
    return outcome.kind === 'written' ? 'fired' : 'obsolete';
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return 'obsolete';
    throw err;
  }
}

/**
 * The invoicing module calls this inside the payment transaction when an invoice is fully paid: an instalment
 * of a transfer moves the deal on (all paid → recordal).
 */
export async function onInstalmentPaid(
  ctx: AppContext,
  tx: Tx,
  invoice: { dealId: string | null; ref: string | null },
) {
  const m = /^instalment:(\d+)$/.exec(invoice.ref ?? '');
  if (!invoice.dealId || !m) return;
  const deal = await lockDeal(tx, invoice.dealId);
  if (!deal || isFinalState(deal.snapshot)) return;
  writtenOrConflict(await applyEvent(ctx, tx, deal, SYSTEM, { type: 'PAYMENT_RECEIVED', index: Number(m[1]) }));
}
