import type { DealActor, DealContext } from '../machines/index.js';
import type { BoardWrite, DealRow } from '../store/index.js';

const NOTICE = 'publicNotice';

/**
 * What an accepted event changes on the public notice board (DOMAIN.md "Pricing routes"), read from the states it
 * moved between: entering the notice publishes it (the agreed price, the period, the related-party mark), an answer
 * to an objection is kept with it, and leaving the notice closes it: passed (on to contracting or appraisal),
 * upheld (back to negotiation), or closed (the deal ended). Works for both machine versions.
 */
export function boardWrites(
  before: DealRow,
  updated: DealRow,
  input: { type: string; [payload: string]: unknown },
  actor: DealActor,
  context: DealContext,
  at: string,
): BoardWrite[] {
  const was = before.state === NOTICE;
  const is = updated.state === NOTICE;
  const writes: BoardWrite[] = [];
  if (input.type === 'ANSWER_OBJECTION')
    writes.push({
      kind: 'answer',
      objectionId: String(input.objectionId),
      decision: input.decision === 'upheld' ? 'upheld' : 'dismissed',
      reason: String(input.reason),
      by: actor.userId,
      at,
    });
  if (!was && is && context.publicNotice)
    writes.push({
      kind: 'open',
      startsAt: context.publicNotice.startedAt,
      endsAt: context.publicNotice.endsAt,
      price: updated.contractValue ?? 0,
      relatedParty: context.pricingDecision?.relatedParty ?? false,
    });
  if (was && is && input.type === 'RECORD_PRICING_DECISION')
    writes.push({ kind: 'relatedParty', relatedParty: context.pricingDecision?.relatedParty ?? false });
  if (was && !is) {
    const outcome = updated.state === 'negotiating' ? 'upheld' : updated.closedAt ? 'closed' : 'passed';
    writes.push({ kind: 'close', outcome, at });
  }
  return writes;
}
