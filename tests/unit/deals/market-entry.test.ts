import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { initialDealSnapshot } from '../../../src/deals/machines/index.js';
import { machineFor } from '../../../src/deals/machines/registry.js';
import type { DealContext } from '../../../src/deals/machines/types.js';
import { serializeDealState } from '../../helpers/deal-paths.js';
import { licenseTerms, transferTerms } from './fixtures.js';
import { ACTORS, T0, TestDeal, invoices } from './harness.js';

// Machine version 4: the deal of a sold offering enters at `contracting` with the market's price (DOMAIN.md
// "Pricing routes": no public notice, the market formed the price). Every other deal starts as on version 3.

const market = (form: 'license' | 'transfer') => ({
  marketPriced: {
    offeringId: 'of_00000000000000000001',
    price: form === 'license' ? licenseTerms.upfrontFee : transferTerms.price,
    terms: form === 'license' ? licenseTerms : transferTerms,
  },
  publicInstitutionSeller: true,
});

describe('the market-priced entry (version 4)', () => {
  it('starts a sold licence in contracting with its terms agreed, and activates it at both signatures', () => {
    const deal = new TestDeal('license', market('license'));
    expect(deal.version).toBe(4);
    expect(deal.state).toBe('contracting.awaitingBoth');
    expect(deal.context.agreedTerms).toEqual(licenseTerms);
    expect(deal.context.marketPriced).toEqual({
      offeringId: 'of_00000000000000000001',
      price: licenseTerms.upfrontFee,
    });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.marketPriced' }]);
    // Nothing of negotiation or notice is open: only signing, declining and withdrawing.
    deal.expectRejected('PROPOSE_TERMS', 'buyer', 'INVALID_TRANSITION', { terms: licenseTerms });
    deal.expectRejected('NOTICE_ENDED', 'system', 'INVALID_TRANSITION');
    deal.send('SIGN_CONTRACT', 'buyer', { contractSha256: 'a'.repeat(64) });
    const effects = deal.send('SIGN_CONTRACT', 'seller', { contractSha256: 'a'.repeat(64) });
    expect(deal.state).toBe('active');
    expect(invoices(effects).map((i) => i.lines[0].amount)).toEqual([licenseTerms.upfrontFee]);
  });

  it('starts a sold transfer in contracting and invoices its instalments at signing', () => {
    const deal = new TestDeal('transfer', market('transfer'));
    expect(deal.state).toBe('contracting.awaitingBoth');
    deal.send('SIGN_CONTRACT', 'seller', { contractSha256: 'b'.repeat(64) });
    const effects = deal.send('SIGN_CONTRACT', 'buyer', { contractSha256: 'b'.repeat(64) });
    expect(deal.state).toBe('payment');
    expect(invoices(effects).map((i) => i.lines[0].amount)).toEqual([9_000_000, 21_000_000]);
  });

  it('keeps an ordinary deal on version 4 in inquiry, as on version 3', () => {
    const deal = new TestDeal('license', { publicInstitutionSeller: true });
    expect(deal.version).toBe(4);
    expect(deal.state).toBe('inquiry');
    expect(deal.context.agreedTerms).toBeNull();
    expect(deal.context.marketPriced).toBeUndefined();
    deal.send('ACCEPT_INQUIRY', 'seller');
    expect(deal.state).toBe('negotiating');
  });

  it('refuses a market-priced input the engine should never build', () => {
    const base = {
      ndaRequired: false,
      publicInstitutionSeller: true,
      publicNoticeDays: 15,
      offerTtlDays: 14,
      currency: 'CNY' as const,
    };
    expect(() => initialDealSnapshot('equity', { ...base, marketPriced: market('license').marketPriced })).toThrow(
      RangeError,
    );
    expect(() =>
      initialDealSnapshot('transfer', {
        ...base,
        marketPriced: { offeringId: 'x', price: 1, terms: { ...transferTerms, price: 1 } },
      }),
    ).toThrow(/invalid/);
  });

  it.each(['license', 'transfer'] as const)(
    'reaches, from the %s entry, only contracting and what follows it (model-based paths)',
    (form) => {
      const machine = machineFor(form, 4)!;
      const paths = getShortestPaths(machine, {
        input: {
          form,
          ndaRequired: false,
          publicInstitutionSeller: true,
          publicNoticeDays: 15,
          offerTtlDays: 14,
          currency: 'CNY',
          ipType: 'invention_patent',
          marketPriced: market(form).marketPriced,
        },
        events: (s: AnyMachineSnapshot) => {
          const c = s.context as DealContext;
          const at = c.contract.signedAt ? '2032-01-01T00:00:00.000Z' : T0;
          return [
            { type: 'SIGN_CONTRACT', actor: ACTORS.buyer, at, contractSha256: 'c'.repeat(64) },
            { type: 'SIGN_CONTRACT', actor: ACTORS.seller, at, contractSha256: 'c'.repeat(64) },
            { type: 'DECLINE', actor: ACTORS.seller, at },
            { type: 'WITHDRAW', actor: ACTORS.buyer, at },
            { type: 'TERMINATE', actor: ACTORS.buyer, at, reason: 'breach' },
            { type: 'TERM_ENDED', actor: ACTORS.system, at },
            { type: 'PAYMENT_RECEIVED', actor: ACTORS.system, at, index: 0 },
            { type: 'PAYMENT_RECEIVED', actor: ACTORS.system, at, index: 1 },
            { type: 'RECORD_ASSIGNMENT', actor: ACTORS.seller, at, registrationNo: 'ZL1', registeredAt: '2031-12-01' },
          ] as never[];
        },
        serializeState: (s) => serializeDealState(s as AnyMachineSnapshot),
      });
      const reached = new Set(
        paths.map((p) => (typeof p.state.value === 'string' ? p.state.value : Object.keys(p.state.value)[0])),
      );
      for (const before of ['inquiry', 'nda', 'negotiating', 'publicNotice']) expect(reached.has(before)).toBe(false);
      const expected = form === 'license' ? ['active', 'completed'] : ['payment', 'recordal', 'completed'];
      for (const state of ['contracting', 'declined', 'withdrawn', 'terminated', ...expected])
        expect(reached, state).toContain(state);
      expect(paths.every((p) => p.state.status !== 'error')).toBe(true);
    },
  );
});
