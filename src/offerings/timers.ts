import { SYSTEM_ACTOR } from '../platform/audit.js';
import type { TimerHandler } from '../platform/feature.js';
import { applyOfferingEvent, type OfferingEvent } from './machine.js';
import { stepOffering } from './engine.js';
import { performEffects } from './settle.js';
import { lockOffering } from './store.js';

const FINAL = new Set(['sold', 'lapsed', 'cancelled']);

/**
 * Fires an offering's listing-end or round-end timer as the system. The timer row is claimed with SKIP LOCKED
 * (platform/timers.ts) and the offering row locked here, so with several workers one fire wins; a later fire of
 * the same end, or one that came before a late bid moved the round's end, is refused by the machine (the time
 * guard) and marked obsolete, with nothing written.
 */
export const fireOfferingTimer: TimerHandler = async (ctx, tx, timer) => {
  const row = await lockOffering(tx, timer.subjectId).catch(() => null);
  if (!row || FINAL.has(row.status)) return 'obsolete';
  const type = (timer.payload as { type?: string }).type;
  if (type !== 'LISTING_ENDED' && type !== 'ROUND_ENDED') return 'obsolete';
  const event: OfferingEvent = { type, at: ctx.clock.now().toISOString() };
  // Checked before anything is written: a refused end leaves the transaction clean.
  if (!applyOfferingEvent(row.snapshot, event).ok) return 'obsolete';
  const step = await stepOffering(ctx, tx, row, SYSTEM_ACTOR, event, { action: `offering.${type.toLowerCase()}` });
  await performEffects(ctx, tx, step);
  return 'fired';
};
