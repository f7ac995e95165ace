import { describe, expect, it } from 'vitest';
import {
  applyDealEvent,
  currentTerms,
  dealContextOf,
  dealStateString,
  initialDealSnapshot,
  isFinalState,
  isSigned,
  MACHINE_VERSIONS,
  nextEventsFor,
} from '../../../src/deals/machines/index.js';
import { ACTORS, T0, TestDeal } from './harness.js';
import { licenseTerms, negotiatingDeal, signedDeal } from './fixtures.js';

const input = {
  ndaRequired: false,
  publicInstitutionSeller: false,
  publicNoticeDays: 15,
  offerTtlDays: 14,
  currency: 'CNY' as const,
};
const accept = { type: 'ACCEPT_INQUIRY', actor: ACTORS.seller, at: T0 };

describe('initialDealSnapshot', () => {
  it('starts every form in inquiry at the current machine version', () => {
    expect(MACHINE_VERSIONS).toEqual({ license: 4, transfer: 4, equity: 3, cooperation: 2 });
    const created = initialDealSnapshot('cooperation', input);
    expect(created).toMatchObject({
      state: 'inquiry',
      machineVersion: 2,
      effects: [{ type: 'notify', to: ['seller'], message: 'deal.inquiryReceived' }],
    });
    expect(JSON.parse(JSON.stringify(created.snapshot))).toEqual(created.snapshot);
    expect(dealContextOf(created.snapshot)).toMatchObject({ form: 'cooperation', invoiceDueDays: 30, currency: 'CNY' });
  });

  it('refuses an input for another form or with impossible periods', () => {
    expect(() => initialDealSnapshot('license', { ...input, form: 'transfer' })).toThrow(RangeError);
    expect(() => initialDealSnapshot('license', { ...input, offerTtlDays: 0 })).toThrow(/offerTtlDays/);
    expect(() => initialDealSnapshot('license', { ...input, publicNoticeDays: 1.5 })).toThrow(/publicNoticeDays/);
  });
});

describe('applyDealEvent error results', () => {
  const { snapshot } = initialDealSnapshot('license', input);

  it('answers MACHINE_VERSION_UNKNOWN for a version or form it does not have', () => {
    expect(applyDealEvent('license', 99, snapshot, accept)).toMatchObject({
      ok: false,
      code: 'MACHINE_VERSION_UNKNOWN',
    });
    expect(applyDealEvent('license', 0, snapshot, accept)).toMatchObject({
      ok: false,
      code: 'MACHINE_VERSION_UNKNOWN',
    });
    expect(applyDealEvent('barter' as never, 1, snapshot, accept)).toMatchObject({
      ok: false,
      code: 'MACHINE_VERSION_UNKNOWN',
    });
    expect(nextEventsFor('license', 99, snapshot, ACTORS.seller)).toEqual([]);
  });

  it('answers SNAPSHOT_INVALID for anything that is not a snapshot of this machine, without throwing', () => {
    const bogus: unknown[] = [
      null,
      'inquiry',
      42,
      { ...(snapshot as object), value: 'bogus' },
      { ...(snapshot as object), value: { contracting: 'awaitingNotary' } },
      { ...(snapshot as object), value: 'contracting' },
      { ...(snapshot as object), value: { inquiry: 'x' } },
      { ...(snapshot as object), value: ['inquiry'] },
      { ...(snapshot as object), status: 'error' },
      { ...(snapshot as object), context: { ...dealContextOf(snapshot), form: 'transfer' } },
      { ...(snapshot as object), context: { form: 'license' } },
    ];
    for (const persisted of bogus) {
      expect(applyDealEvent('license', 1, persisted, accept), JSON.stringify(persisted)).toMatchObject({
        ok: false,
        code: 'SNAPSHOT_INVALID',
      });
      expect(nextEventsFor('license', 1, persisted, ACTORS.seller)).toEqual([]);
    }
    expect(applyDealEvent('transfer', 1, snapshot, accept)).toMatchObject({ ok: false, code: 'SNAPSHOT_INVALID' });
  });

  it('answers SNAPSHOT_INVALID when the context does not fit the state it claims', () => {
    const deal = signedDeal('license');
    const broken = { ...(deal.snapshot as object), context: { ...deal.context, license: null } };
    const result = applyDealEvent('license', 1, broken, {
      type: 'REPORT_ROYALTIES',
      actor: ACTORS.buyer,
      at: T0,
      period: '2026',
      netSales: 1,
    });
    expect(result).toMatchObject({ ok: false, code: 'SNAPSHOT_INVALID' });
    expect(nextEventsFor('license', 1, broken, ACTORS.seller)).toEqual([]);
  });

  it('answers PAYLOAD_INVALID for a malformed envelope or a payload that does not fit, changing nothing', () => {
    expect(
      applyDealEvent('license', 1, snapshot, {
        type: 'ACCEPT_INQUIRY',
        actor: { userId: 'u', role: 'owner' as never },
        at: T0,
      }),
    ).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID', errors: [{ path: 'actor.role' }] });
    expect(applyDealEvent('license', 1, snapshot, { ...accept, at: 'yesterday' })).toMatchObject({
      ok: false,
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'at' }],
    });
    const deal = negotiatingDeal('license');
    const result = deal.try('PROPOSE_TERMS', 'buyer', { terms: { ...licenseTerms, royaltyRateBp: 12_000 } });
    expect(result).toMatchObject({
      ok: false,
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'terms.royaltyRateBp', message: 'must be <= 10000' }],
    });
  });

  it('checks the state before the actor, and the actor before the payload', () => {
    const deal = negotiatingDeal('license');
    deal.expectRejected('SIGN_CONTRACT', 'admin', 'INVALID_TRANSITION');
    deal.expectRejected('PROPOSE_TERMS', 'admin', 'FORBIDDEN', { terms: 'nonsense' });
    deal.expectRejected('PROPOSE_TERMS', 'buyer', 'PAYLOAD_INVALID', { terms: 'nonsense' });
    deal.expectRejected('HACK', 'buyer', 'INVALID_TRANSITION');
  });
});

describe('nextEventsFor', () => {
  it('lists, per role, what the current state lets that role send', () => {
    const deal = new TestDeal('transfer', { ndaRequired: true, publicInstitutionSeller: true });
    const table = () =>
      Object.fromEntries((['buyer', 'seller', 'broker', 'admin', 'system'] as const).map((r) => [r, deal.next(r)]));
    expect(table()).toEqual({
      buyer: ['WITHDRAW'],
      seller: ['ACCEPT_INQUIRY', 'DECLINE'],
      broker: [],
      admin: ['ASSIGN_BROKER'],
      system: ['EXPIRE'],
    });
    deal.send('ACCEPT_INQUIRY', 'seller');
    deal.send('SIGN_NDA', 'buyer');
    deal.send('SIGN_NDA', 'seller');
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 300 });
    expect(table()).toEqual({
      buyer: ['PROPOSE_TERMS', 'WITHDRAW'],
      seller: ['DECLINE', 'PROPOSE_TERMS', 'RECORD_PRICING_DECISION'],
      broker: ['PROPOSE_TERMS'],
      admin: ['ASSIGN_BROKER'],
      system: ['EXPIRE'],
    });
    deal.send('PROPOSE_TERMS', 'buyer', {
      terms: { price: 100, payments: [{ name: 'All', amount: 100, dueDays: 0 }] },
    });
    expect(table()).toEqual({
      buyer: ['PROPOSE_TERMS', 'WITHDRAW'],
      seller: ['ACCEPT_TERMS', 'DECLINE', 'PROPOSE_TERMS', 'RECORD_PRICING_DECISION', 'REJECT_TERMS'],
      broker: ['PROPOSE_TERMS'],
      admin: ['ASSIGN_BROKER'],
      // OFFER_EXPIRED needs the proposal's number, which only the timer carries.
      system: ['EXPIRE'],
    });
    deal.send('ACCEPT_TERMS', 'seller');
    expect(table()).toEqual({
      buyer: ['WITHDRAW'],
      seller: ['DECLINE', 'RECORD_PRICING_DECISION'],
      broker: [],
      admin: ['ASSIGN_BROKER'],
      system: ['EXPIRE', 'OBJECTION_FILED'],
    });
    deal.advanceDays(15);
    expect(deal.next('system')).toEqual(['EXPIRE', 'NOTICE_ENDED', 'OBJECTION_FILED']);
    deal.send('NOTICE_ENDED', 'system');
    expect(table()).toEqual({
      buyer: ['SIGN_CONTRACT', 'WITHDRAW'],
      seller: ['DECLINE', 'SIGN_CONTRACT'],
      broker: [],
      admin: ['ASSIGN_BROKER'],
      system: ['EXPIRE'],
    });
    deal.send('SIGN_CONTRACT', 'buyer');
    deal.send('SIGN_CONTRACT', 'seller');
    expect(table()).toEqual({
      buyer: ['REGISTER_CONTRACT', 'TERMINATE'],
      seller: ['REGISTER_CONTRACT', 'TERMINATE'],
      broker: ['REGISTER_CONTRACT'],
      admin: ['ASSIGN_BROKER', 'TERMINATE'],
      system: ['PAYMENT_RECEIVED'],
    });
  });
});

describe('snapshot helpers', () => {
  it('reads the dotted state, whether signed, whether final, and the terms on the table', () => {
    const deal = negotiatingDeal('license');
    expect(currentTerms(deal.context)).toBeNull();
    deal.send('PROPOSE_TERMS', 'buyer', { terms: licenseTerms });
    expect(currentTerms(deal.context)).toEqual(licenseTerms);
    deal.send('ACCEPT_TERMS', 'seller');
    deal.send('SIGN_CONTRACT', 'seller');
    expect(dealStateString(deal.snapshot)).toBe('contracting.awaitingBuyer');
    expect(isSigned(deal.snapshot)).toBe(false);
    deal.send('SIGN_CONTRACT', 'buyer');
    expect(isSigned(deal.snapshot)).toBe(true);
    expect(isFinalState(deal.snapshot)).toBe(false);
    deal.send('COMPLETE', 'seller');
    expect(isFinalState(deal.snapshot)).toBe(false);
    deal.send('COMPLETE', 'buyer');
    expect(isFinalState(deal.snapshot)).toBe(true);
    expect(dealStateString(deal.snapshot)).toBe('completed');
    expect(currentTerms(deal.context)).toEqual(licenseTerms);
  });
});
