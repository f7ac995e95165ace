import { describe, expect, it } from 'vitest';
import { DEAL_FORMS } from '../../../src/shared/listing.js';
import { days, T0, TestDeal, timers } from './harness.js';
import { agreedDeal, licenseTerms, negotiatingDeal, TERMS, transferTerms } from './fixtures.js';

const counter = { ...licenseTerms, upfrontFee: 18_000_000 };

describe('inquiry and NDA', () => {
  it('tells the seller of a new inquiry, and goes straight to negotiating without an NDA', () => {
    const deal = new TestDeal('license');
    expect(deal.state).toBe('inquiry');
    expect(deal.effects).toEqual([{ type: 'notify', to: ['seller'], message: 'deal.inquiryReceived' }]);
    deal.send('ACCEPT_INQUIRY', 'seller');
    expect(deal.state).toBe('negotiating');
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer'], message: 'deal.inquiryAccepted' }]);
    deal.expectRejected('SIGN_NDA', 'buyer', 'INVALID_TRANSITION');
  });

  it('needs both NDA signatures, in either order, each once', () => {
    const deal = new TestDeal('transfer', { ndaRequired: true });
    deal.expectRejected('SIGN_NDA', 'buyer', 'INVALID_TRANSITION');
    deal.send('ACCEPT_INQUIRY', 'seller');
    expect(deal.state).toBe('nda');
    deal.expectRejected('PROPOSE_TERMS', 'buyer', 'INVALID_TRANSITION', { terms: transferTerms });
    deal.send('SIGN_NDA', 'seller');
    expect(deal.state).toBe('nda');
    expect(deal.context.nda).toEqual({ buyer: null, seller: { userId: 'u-seller', at: T0 } });
    deal.expectRejected('SIGN_NDA', 'seller', 'FORBIDDEN');
    expect(deal.next('seller')).toEqual(['DECLINE']);
    expect(deal.next('buyer')).toEqual(['SIGN_NDA', 'WITHDRAW']);
    deal.advanceDays(1);
    deal.send('SIGN_NDA', 'buyer');
    expect(deal.state).toBe('negotiating');
    expect(deal.context.nda).toEqual({
      seller: { userId: 'u-seller', at: T0 },
      buyer: { userId: 'u-buyer', at: days(T0, 1) },
    });
    expect(deal.effects.map((e) => e.type === 'notify' && e.message)).toEqual(['deal.ndaSigned', 'deal.ndaInForce']);
  });
});

describe('negotiation', () => {
  it('keeps every proposal: a counter-proposal supersedes, the other party accepts', () => {
    const deal = negotiatingDeal('license');
    const effects = deal.send('PROPOSE_TERMS', 'buyer', { terms: licenseTerms });
    expect(effects).toEqual([
      {
        type: 'startTimer',
        name: 'offerExpiry',
        dueAt: days(T0, 14),
        event: { type: 'OFFER_EXPIRED', proposalSeq: 1 },
      },
      { type: 'notify', to: ['seller'], message: 'deal.termsProposed' },
    ]);
    deal.expectRejected('ACCEPT_TERMS', 'buyer', 'FORBIDDEN');
    deal.expectRejected('REJECT_TERMS', 'buyer', 'FORBIDDEN');
    deal.advanceDays(2);
    deal.send('PROPOSE_TERMS', 'seller', { terms: counter });
    deal.expectRejected('ACCEPT_TERMS', 'seller', 'FORBIDDEN');
    deal.send('ACCEPT_TERMS', 'buyer');
    expect(deal.state).toBe('contracting.awaitingBoth');
    expect(deal.context.agreedTerms).toEqual(counter);
    expect(deal.context.proposals.map((p) => [p.seq, p.by, p.authorId, p.status, p.acceptedBy])).toEqual([
      [1, 'buyer', 'u-buyer', 'superseded', []],
      [2, 'seller', 'u-seller', 'accepted', ['buyer']],
    ]);
    expect(deal.context.proposals[0].closedAt).toBe(days(T0, 2));
  });

  it('lets the party a proposal was made to reject it, which clears it', () => {
    const deal = negotiatingDeal('transfer');
    deal.send('PROPOSE_TERMS', 'seller', { terms: transferTerms });
    deal.expectRejected('REJECT_TERMS', 'seller', 'FORBIDDEN');
    deal.send('REJECT_TERMS', 'buyer');
    expect(deal.state).toBe('negotiating');
    expect(deal.context.proposals[0].status).toBe('rejected');
    expect(deal.effects).toEqual([{ type: 'notify', to: ['seller'], message: 'deal.termsRejected' }]);
    deal.expectRejected('ACCEPT_TERMS', 'buyer', 'FORBIDDEN');
    deal.expectRejected('REJECT_TERMS', 'buyer', 'FORBIDDEN');
    expect(deal.next('buyer')).toEqual(['PROPOSE_TERMS', 'WITHDRAW']);
  });

  it("needs both parties to accept a broker's proposal, and either may reject it", () => {
    const deal = negotiatingDeal('equity');
    deal.expectRejected('PROPOSE_TERMS', 'broker', 'FORBIDDEN', { terms: TERMS.equity });
    deal.expectRejected('ASSIGN_BROKER', 'seller', 'FORBIDDEN', {
      brokerId: 'us_000000000000000broker',
      commissionRateBp: 300,
    });
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 300 });
    expect(deal.effects).toEqual([
      { type: 'notify', to: ['buyer', 'seller', 'broker'], message: 'deal.brokerAssigned' },
    ]);
    // Another broker of the platform is not this deal's broker.
    deal.expectRejected('PROPOSE_TERMS', { userId: 'u-other-broker', role: 'broker' }, 'FORBIDDEN', {
      terms: TERMS.equity,
    });
    deal.send('PROPOSE_TERMS', 'broker', { terms: TERMS.equity });
    expect(deal.effects[1]).toEqual({ type: 'notify', to: ['buyer', 'seller'], message: 'deal.termsProposed' });
    deal.expectRejected('ACCEPT_TERMS', 'broker', 'FORBIDDEN');
    deal.send('ACCEPT_TERMS', 'seller');
    expect(deal.state).toBe('negotiating');
    expect(deal.context.proposals[0].acceptedBy).toEqual(['seller']);
    deal.expectRejected('ACCEPT_TERMS', 'seller', 'FORBIDDEN');
    deal.send('ACCEPT_TERMS', 'buyer');
    expect(deal.state).toBe('appraisal');

    const other = negotiatingDeal('cooperation');
    other.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 300 });
    other.send('PROPOSE_TERMS', 'broker', { terms: TERMS.cooperation });
    other.send('ACCEPT_TERMS', 'buyer');
    other.send('REJECT_TERMS', 'buyer');
    expect(other.context.proposals[0].status).toBe('rejected');
    other.send('PROPOSE_TERMS', 'broker', { terms: TERMS.cooperation });
    other.send('REJECT_TERMS', 'seller');
    expect(other.context.proposals.map((p) => p.status)).toEqual(['rejected', 'rejected']);
  });

  it('expires only the current proposal, and only from the system', () => {
    const deal = negotiatingDeal('license');
    deal.send('PROPOSE_TERMS', 'buyer', { terms: licenseTerms });
    deal.send('PROPOSE_TERMS', 'seller', { terms: counter });
    expect(timers(deal.effects)).toEqual([
      expect.objectContaining({ event: { type: 'OFFER_EXPIRED', proposalSeq: 2 } }),
    ]);
    deal.advanceDays(14);
    deal.expectRejected('OFFER_EXPIRED', 'system', 'FORBIDDEN', { proposalSeq: 1 });
    deal.expectRejected('OFFER_EXPIRED', 'buyer', 'FORBIDDEN', { proposalSeq: 2 });
    deal.send('OFFER_EXPIRED', 'system', { proposalSeq: 2 });
    expect(deal.context.proposals.map((p) => p.status)).toEqual(['superseded', 'expired']);
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.offerExpired' }]);
    deal.expectRejected('ACCEPT_TERMS', 'buyer', 'FORBIDDEN');
    deal.expectRejected('OFFER_EXPIRED', 'system', 'FORBIDDEN', { proposalSeq: 2 });
  });

  it('clears the effects of the previous event', () => {
    const deal = negotiatingDeal('transfer');
    deal.send('PROPOSE_TERMS', 'buyer', { terms: transferTerms });
    expect(deal.effects).toHaveLength(2);
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 0 });
    expect(deal.effects).toHaveLength(1);
    expect(deal.effects[0]).toMatchObject({ message: 'deal.brokerAssigned' });
  });
});

describe.each(DEAL_FORMS)('%s: closing before and after signing', (form) => {
  it('lets the buyer withdraw, the seller decline and the system expire an unsigned deal, with the reason kept', () => {
    const withdrawn = agreedDeal(form);
    withdrawn.send('WITHDRAW', 'buyer', { reason: 'Budget cut' });
    expect(withdrawn.state).toBe('withdrawn');
    expect(withdrawn.context.closure).toEqual({
      outcome: 'withdrawn',
      reason: 'Budget cut',
      by: { userId: 'u-buyer', role: 'buyer' },
      at: T0,
    });
    expect(withdrawn.effects).toEqual([{ type: 'notify', to: ['seller'], message: 'deal.withdrawn' }]);
    withdrawn.expectRejected('PROPOSE_TERMS', 'buyer', 'INVALID_TRANSITION', { terms: TERMS[form] });

    const declined = new TestDeal(form);
    declined.send('DECLINE', 'seller');
    expect(declined.state).toBe('declined');
    expect(declined.context.closure?.reason).toBeNull();

    const expired = negotiatingDeal(form, { ndaRequired: true });
    expired.expectRejected('EXPIRE', 'admin', 'FORBIDDEN');
    expired.send('EXPIRE', 'system');
    expect(expired.state).toBe('expired');
    expect(expired.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.expired' }]);
  });

  it('keeps an unsigned contract open to withdrawal after one signature', () => {
    const deal = agreedDeal(form);
    if (form === 'equity')
      deal.send('SUBMIT_APPRAISAL', 'seller', { appraiser: 'A', reportNo: 'R-1', appraisedValue: 50_000_000 });
    deal.send('SIGN_CONTRACT', 'buyer');
    expect(deal.state).toBe('contracting.awaitingSeller');
    deal.expectRejected('SIGN_CONTRACT', 'buyer', 'FORBIDDEN');
    deal.expectRejected('TERMINATE', 'buyer', 'INVALID_TRANSITION', { reason: 'x' });
    deal.send('WITHDRAW', 'buyer');
    expect(deal.state).toBe('withdrawn');
  });
});
