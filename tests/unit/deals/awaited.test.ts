import { describe, expect, it } from 'vitest';
import { awaitedParties, isToDo, waitingLabel, type Awaited } from '../../../src/shared/deal-awaited.js';
import { DEAL_FORMS, type DealForm } from '../../../src/shared/listing.js';
import { TERMS, negotiatingDeal } from './fixtures.js';
import { TestDeal } from './harness.js';
import { happyPath } from './spec.js';

const awaitedOf = (deal: TestDeal): Awaited[] =>
  awaitedParties(deal.state, {
    buyer: deal.next('buyer'),
    seller: deal.next('seller'),
    broker: deal.next('broker'),
    admin: deal.next('admin'),
  });

// After each step of the full path (broker, NDA, public notice with an objection, every form's performance), who
// the deal waits for. The key is the step's index in happyPath; the opening steps are the same in every form.
const OPENING: Awaited[][] = [
  ['seller'], // inquiry (a broker assigned): the seller accepts or declines
  ['buyer', 'seller'], // nda: both still to sign
  ['seller'], // nda: the buyer signed, the seller has not
  ['buyer', 'seller', 'broker'], // negotiating, nothing proposed: whoever may propose
  ['buyer', 'seller'], // the broker proposed: both parties must accept
  ['seller'], // the buyer accepted the broker's proposal
  ['seller'], // the seller recorded its pricing decision, still to accept
  ['noticePeriod'], // publicNotice: the period runs
  ['seller', 'admin'], // an objection was filed: the seller or the bureau answers it
  ['noticePeriod'], // answered: the period runs on
];
const AFTER_NOTICE: Record<DealForm, Awaited[][]> = {
  license: [
    ['buyer', 'seller'], // contracting.awaitingBoth
    ['buyer'], // the seller signed
    ['seller'], // active: milestones to invoice, the CNIPA filing to record
    ['seller'], // registered
    ['seller'], // the registration confirmed by the admin: a standing event, never awaited
    ['seller'], // one milestone invoiced, the filing still to record
    ['seller'], // filing recorded, the second milestone still to invoice
    ['seller'], // royalties reported
    ['seller'], // the seller agreed to complete early (version 3): an optional answer, the milestone still to invoice
    [], // completed by the buyer's agreement
  ],
  transfer: [
    ['buyer', 'seller'],
    ['buyer'],
    ['payment'], // payment: the instalments are paid on their invoices
    ['payment'], // registered
    ['payment'], // confirmed
    ['payment'],
    ['seller'], // recordal: the seller records the assignment
    [],
  ],
  equity: [
    ['seller'], // appraisal
    ['buyer', 'seller'],
    ['buyer'],
    ['seller'], // ipAssignment
    ['seller'], // registered
    ['seller'], // confirmed
    ['buyer', 'seller'], // equityRegistration: either party records the change of registration (工商变更)
    [],
  ],
  cooperation: [
    ['buyer', 'seller'],
    ['buyer'],
    ['seller'], // inProgress: the seller delivers
    ['seller'], // registered
    ['seller'], // confirmed
  ],
};

describe.each(DEAL_FORMS)('%s: who the deal waits for, state by state', (form) => {
  it('names the roles with a move to make at every step of the full path', () => {
    const deal = new TestDeal(form, { ndaRequired: true, publicInstitutionSeller: true, publicNoticeDays: 15 });
    const expected = [...OPENING, ...AFTER_NOTICE[form]];
    const seen: Array<[string, Awaited[]]> = [];
    for (const [i, [type, role, payload]] of happyPath(form).entries()) {
      deal.advanceDays(type === 'NOTICE_ENDED' ? 15 : 1);
      deal.send(type, role, typeof payload === 'function' ? payload(deal.at) : payload);
      seen.push([deal.state, awaitedOf(deal)]);
      if (i >= expected.length) break;
    }
    const length = Math.min(seen.length, expected.length);
    expect(seen.slice(0, length).map(([state, a], i) => [i, state, a])).toEqual(
      seen.slice(0, length).map(([state], i) => [i, state, expected[i]]),
    );
    expect(awaitedOf(new TestDeal(form))).toEqual(['seller']);
  });

  it('after proposing, the proposer waits for the other party; a rejection opens proposing again', () => {
    const deal = negotiatingDeal(form);
    expect(awaitedOf(deal)).toEqual(['buyer', 'seller']);
    deal.send('PROPOSE_TERMS', 'buyer', { terms: TERMS[form] });
    const awaited = awaitedOf(deal);
    expect(awaited).toEqual(['seller']);
    // The buyer may still counter or withdraw, but nothing is the buyer's to do.
    expect(deal.next('buyer')).toContain('PROPOSE_TERMS');
    expect(isToDo(awaited, 'buyer')).toBe(false);
    expect(isToDo(awaited, 'seller')).toBe(true);
    deal.send('REJECT_TERMS', 'seller');
    expect(awaitedOf(deal)).toEqual(['buyer', 'seller']);
  });

  it('a closed deal waits for no one', () => {
    const deal = new TestDeal(form);
    deal.send('DECLINE', 'seller', {});
    expect(awaitedOf(deal)).toEqual([]);
  });
});

describe('the waiting label', () => {
  it('names who is awaited in both languages, and nothing for a deal that awaits no one', () => {
    expect(waitingLabel(['buyer'])).toEqual({ zh: '等待需求方', en: 'Waiting for the buyer' });
    expect(waitingLabel(['seller', 'admin'])).toEqual({
      zh: '等待成果方、科技局',
      en: 'Waiting for the seller and the bureau',
    });
    expect(waitingLabel(['broker'])?.zh).toBe('等待技术经理人');
    expect(waitingLabel(['noticePeriod'])?.en).toBe('Waiting for the public notice period to end');
    expect(waitingLabel([])).toBeNull();
  });
});
