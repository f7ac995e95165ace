import { describe, expect, it } from 'vitest';
import { contractValue } from '../../../src/shared/terms.js';
import { commissionEffects } from '../../../src/deals/machines/effects.js';
import { initialContext } from '../../../src/deals/machines/shared.js';
import { DEAL_FORMS } from '../../../src/shared/listing.js';
import { TERMS } from '../deals/fixtures.js';

// DOMAIN.md "Brokers": the commission is the rate times the contract value known at signing (licence: upfront fee
// plus milestone amounts; transfer: price; equity: valuation; cooperation: budget).
describe('the contract value', () => {
  it('is what the commission rule counts, per form', () => {
    expect(contractValue('license', TERMS.license)).toBe(20_000_000 + 5_000_000 + 10_000_000);
    expect(contractValue('license', { ...TERMS.license, milestones: undefined } as never)).toBe(20_000_000);
    expect(contractValue('transfer', TERMS.transfer)).toBe(30_000_000);
    expect(contractValue('equity', TERMS.equity)).toBe(50_000_000);
    expect(contractValue('cooperation', TERMS.cooperation)).toBe(12_000_000);
  });

  it.each(DEAL_FORMS)('%s: the commission is the rate times that value, half up', (form) => {
    const base = initialContext({
      form,
      ndaRequired: false,
      publicInstitutionSeller: false,
      publicNoticeDays: 15,
      offerTtlDays: 14,
      currency: 'CNY',
    });
    const context = {
      ...base,
      agreedTerms: TERMS[form],
      broker: { userId: 'b', commissionRateBp: 333, assignedBy: 'a', assignedAt: '2026-03-01T00:00:00Z' },
    };
    const [invoice] = commissionEffects(context, '2026-03-02T00:00:00Z');
    const amount = invoice.type === 'issueInvoice' ? invoice.lines[0].amount : NaN;
    expect(amount).toBe(Math.floor((contractValue(form, TERMS[form]) * 333) / 10_000 + 0.5));
  });
});
