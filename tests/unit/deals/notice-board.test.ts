import { describe, expect, it } from 'vitest';
import { ACTORS, days, T0, type TestDeal, timers } from './harness.js';
import { negotiatingDeal, transferTerms } from './fixtures.js';
import { OBJECTION_ID, PRICING_DECISION } from './spec.js';

const objection = (n: number) => `obj_${String(n).padStart(21, '0')}`;

/** A public institution's transfer deal whose agreed price is under public notice since T0. */
function noticedDeal(): TestDeal {
  const deal = negotiatingDeal('transfer', { publicInstitutionSeller: true, publicNoticeDays: 15 });
  deal.send('PROPOSE_TERMS', 'buyer', { terms: transferTerms });
  deal.send('ACCEPT_TERMS', 'seller');
  expect(deal.state).toBe('publicNotice');
  return deal;
}

describe('public notice, machine version 2 (Law Art. 18; 国发〔2016〕16号)', () => {
  it('publishes the agreed price for its period and ends by the system once the period is over', () => {
    const deal = noticedDeal();
    const end = days(T0, 15);
    expect(deal.context.publicNotice).toEqual({ startedAt: T0, endsAt: end });
    expect(timers(deal.effects)).toEqual([
      { type: 'startTimer', name: 'noticeEnd', dueAt: end, event: { type: 'NOTICE_ENDED' } },
    ]);
    deal.expectRejected('NOTICE_ENDED', 'system', 'FORBIDDEN');
    // Version 1's seller-or-admin objection is gone: objections come from the public board.
    deal.expectRejected('RECORD_OBJECTION', 'admin', 'INVALID_TRANSITION', { reason: 'x' });
    deal.at = end;
    deal.send('NOTICE_ENDED', 'system');
    expect(deal.state).toBe('contracting.awaitingBoth');
  });

  it('tells the parties of each objection, and keeps the notice open past its period until every one is answered', () => {
    const deal = noticedDeal();
    deal.advanceDays(2);
    for (const role of ['buyer', 'seller', 'admin', 'broker'] as const)
      deal.expectRejected('OBJECTION_FILED', role, 'FORBIDDEN', { objectionId: objection(1), reason: 'r' });
    deal.send('OBJECTION_FILED', 'system', { objectionId: objection(1), reason: '价格偏低 Too low' });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.objectionFiled' }]);
    deal.send('OBJECTION_FILED', 'system', { objectionId: objection(2), reason: '关联交易 Related buyer' });
    deal.expectRejected('OBJECTION_FILED', 'system', 'PAYLOAD_INVALID', { objectionId: objection(2), reason: 'again' });
    expect(deal.next('seller')).toContain('ANSWER_OBJECTION');
    expect(deal.next('admin')).toContain('ANSWER_OBJECTION');
    expect(deal.next('buyer')).not.toContain('ANSWER_OBJECTION');
    deal.expectRejected('ANSWER_OBJECTION', 'buyer', 'FORBIDDEN', {
      objectionId: objection(1),
      decision: 'dismissed',
      reason: 'x',
    });
    deal.expectRejected('ANSWER_OBJECTION', 'seller', 'PAYLOAD_INVALID', {
      objectionId: objection(9),
      decision: 'dismissed',
      reason: 'x',
    });

    // The period is over, one objection is still open: the period's own timer is refused, the notice runs on.
    deal.at = days(T0, 15);
    deal.send('ANSWER_OBJECTION', 'seller', { objectionId: objection(1), decision: 'dismissed', reason: '有评估报告' });
    expect(timers(deal.effects)).toEqual([]);
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer'], message: 'deal.objectionDismissed' }]);
    deal.expectRejected('NOTICE_ENDED', 'system', 'FORBIDDEN');
    deal.expectRejected('ANSWER_OBJECTION', 'admin', 'PAYLOAD_INVALID', {
      objectionId: objection(1),
      decision: 'upheld',
      reason: 'answered already',
    });

    // The last answer after the period starts a timer due at once: the timer worker ends the notice.
    deal.advanceDays(1);
    deal.send('ANSWER_OBJECTION', 'admin', { objectionId: objection(2), decision: 'dismissed', reason: '非关联方' });
    expect(timers(deal.effects)).toEqual([
      { type: 'startTimer', name: 'noticeEnd', dueAt: deal.at, event: { type: 'NOTICE_ENDED' } },
    ]);
    expect(deal.context.noticeObjections?.map((o) => [o.id, o.answer?.decision, o.answer?.by])).toEqual([
      [objection(1), 'dismissed', ACTORS.seller],
      [objection(2), 'dismissed', ACTORS.admin],
    ]);
    deal.send('NOTICE_ENDED', 'system');
    expect(deal.state).toBe('contracting.awaitingBoth');
  });

  it('dismissing within the period lets it run to its own end; no early end', () => {
    const deal = noticedDeal();
    deal.advanceDays(1);
    deal.send('OBJECTION_FILED', 'system', { objectionId: OBJECTION_ID, reason: 'r' });
    deal.send('ANSWER_OBJECTION', 'seller', { objectionId: OBJECTION_ID, decision: 'dismissed', reason: 'no' });
    expect(timers(deal.effects)).toEqual([]);
    deal.expectRejected('NOTICE_ENDED', 'system', 'FORBIDDEN');
  });

  it('an upheld objection sends the deal back to negotiation; the next notice has its own objections', () => {
    const deal = noticedDeal();
    deal.advanceDays(3);
    deal.send('OBJECTION_FILED', 'system', { objectionId: objection(1), reason: '低于评估值 Below appraisal' });
    deal.send('OBJECTION_FILED', 'system', { objectionId: objection(2), reason: 'also' });
    deal.send('ANSWER_OBJECTION', 'admin', { objectionId: objection(1), decision: 'upheld', reason: '成立' });
    expect(deal.state).toBe('negotiating');
    expect(deal.context.agreedTerms).toBeNull();
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.objectionUpheld' }]);
    deal.expectRejected('ACCEPT_TERMS', 'seller', 'FORBIDDEN');

    deal.send('PROPOSE_TERMS', 'buyer', {
      terms: { price: 35_000_000, payments: [{ name: 'All', amount: 35_000_000, dueDays: 30 }] },
    });
    deal.send('ACCEPT_TERMS', 'seller');
    expect(deal.context.publicNotice?.endsAt).toBe(days(T0, 18));
    // The first notice's unanswered objection does not hold the second one; its old timer does not end it early.
    expect(deal.next('seller')).not.toContain('ANSWER_OBJECTION');
    deal.at = days(T0, 15);
    deal.expectRejected('NOTICE_ENDED', 'system', 'FORBIDDEN');
    deal.at = days(T0, 18);
    deal.send('NOTICE_ENDED', 'system');
    expect(deal.context.agreedTerms).toMatchObject({ price: 35_000_000 });
  });

  it('keeps the seller’s internal pricing decision, recorded while negotiating or under notice, not after', () => {
    const deal = noticedDeal();
    deal.expectRejected('RECORD_PRICING_DECISION', 'buyer', 'FORBIDDEN', {
      ...PRICING_DECISION,
      decidedOn: '2026-03-01',
    });
    deal.expectRejected('RECORD_PRICING_DECISION', 'seller', 'PAYLOAD_INVALID', {
      ...PRICING_DECISION,
      decidedOn: '2026-03-09',
    });
    deal.send('RECORD_PRICING_DECISION', 'seller', { ...PRICING_DECISION, decidedOn: '2026-03-01' });
    expect(deal.context.pricingDecision).toEqual({
      ...PRICING_DECISION,
      decidedOn: '2026-03-01',
      recordedBy: 'u-seller',
      recordedAt: T0,
    });
    deal.at = days(T0, 15);
    deal.send('NOTICE_ENDED', 'system');
    deal.expectRejected('RECORD_PRICING_DECISION', 'seller', 'INVALID_TRANSITION', {
      ...PRICING_DECISION,
      decidedOn: '2026-03-01',
    });
  });
});

describe('public notice, machine version 1 (deals opened before version 2 finish on it)', () => {
  it('still records the seller’s or admin’s objection and reopens negotiation', () => {
    const deal = noticedDeal();
    (deal as { version: number }).version = 1;
    deal.advanceDays(3);
    deal.send('RECORD_OBJECTION', 'admin', { reason: '价格明显低于评估值' });
    expect(deal.state).toBe('negotiating');
    expect(deal.context.objections).toEqual([{ reason: '价格明显低于评估值', by: ACTORS.admin, at: days(T0, 3) }]);
    deal.expectRejected('RECORD_PRICING_DECISION', 'seller', 'INVALID_TRANSITION', {
      ...PRICING_DECISION,
      decidedOn: '2026-03-01',
    });
  });
});
