import { describe, expect, it } from 'vitest';
import { invoices, timers } from './harness.js';
import { licenseTerms, signedDeal } from './fixtures.js';

const SIGNED_AT = '2026-03-02T02:00:00.000Z';
const terms = { ...licenseTerms, termMonths: 30, minimumAnnualRoyalty: 1_200_000 };

describe('licence performance, machine version 3 (DOMAIN.md "Performance")', () => {
  it('starts the term-end, filing and licence-year timers at signing', () => {
    const deal = signedDeal('license', terms);
    expect(deal.context.license).toMatchObject({
      filingDueAt: '2026-06-02T02:00:00.000Z',
      endsAt: '2028-09-02T02:00:00.000Z',
      filingLate: false,
    });
    expect(timers(deal.effects).map((t) => [t.name, t.dueAt, t.event])).toEqual([
      // The first half-year boundary in China time (1 July 00:00 +08:00).
      ['royaltyReminder', '2026-06-30T16:00:00.000Z', { type: 'REMIND_ROYALTIES' }],
      ['termEnd', '2028-09-02T02:00:00.000Z', { type: 'TERM_ENDED' }],
      ['filingReminder', '2026-05-03T02:00:00.000Z', { type: 'REMIND_FILING' }],
      ['filingOverdue', '2026-06-02T02:00:00.000Z', { type: 'FILING_OVERDUE' }],
      ['licenceYear', '2027-03-02T02:00:00.000Z', { type: 'LICENCE_YEAR_ENDED', year: 1 }],
    ]);
    expect(deal.context.license?.activatedAt).toBe(SIGNED_AT);
  });

  it('asks no CNIPA filing of a licence of know-how', () => {
    const deal = signedDeal('license', terms, { ipType: 'trade_secret' });
    expect(deal.context.license?.filingDueAt).toBeNull();
    expect(timers(deal.effects).map((t) => t.name)).not.toContain('filingOverdue');
    deal.expectRejected('RECORD_FILING', 'seller', 'FORBIDDEN', { filingNo: '2026650000123', filedAt: '2026-03-02' });
    deal.expectRejected('FILING_OVERDUE', 'system', 'FORBIDDEN');
  });

  it('reminds the filing, flags it late at its deadline, and neither once it is filed', () => {
    const deal = signedDeal('license', terms);
    deal.at = '2026-05-03T02:00:00.000Z';
    expect(deal.send('REMIND_FILING', 'system')).toContainEqual({
      type: 'notify',
      to: ['seller'],
      message: 'deal.filingDueSoon',
    });
    deal.at = '2026-06-02T02:00:00.000Z';
    deal.send('FILING_OVERDUE', 'system');
    expect(deal.context.license?.filingLate).toBe(true);
    // Filed late is still filed: the flag stays as the record of lateness.
    deal.send('RECORD_FILING', 'seller', { filingNo: '2026650000123', filedAt: '2026-06-02' });
    deal.expectRejected('FILING_OVERDUE', 'system', 'FORBIDDEN');
    deal.expectRejected('REMIND_FILING', 'system', 'FORBIDDEN');

    const onTime = signedDeal('license', terms);
    onTime.send('RECORD_FILING', 'seller', { filingNo: '2026650000124', filedAt: '2026-03-02' });
    onTime.expectRejected('FILING_OVERDUE', 'system', 'FORBIDDEN');
    expect(onTime.context.license?.filingLate).toBe(false);
  });

  it('completes before its term only when both parties agree; the bureau cannot close it alone', () => {
    const deal = signedDeal('license', terms);
    deal.expectRejected('COMPLETE', 'admin', 'FORBIDDEN');
    deal.send('COMPLETE', 'seller');
    expect(deal.state).toBe('active');
    deal.expectRejected('COMPLETE', 'seller', 'FORBIDDEN');
    expect(deal.next('buyer')).toContain('COMPLETE');
    deal.send('COMPLETE', 'buyer');
    expect(deal.state).toBe('completed');
  });

  it('invoices the minimum-royalty shortfall each licence year, and the last, shorter year pro rata', () => {
    const deal = signedDeal('license', terms);
    deal.at = '2026-08-01T02:00:00.000Z';
    deal.send('REPORT_ROYALTIES', 'buyer', { period: '2026H1', netSales: 10_000_000 }); // 3.5% → 350,000
    deal.at = '2027-03-02T02:00:00.000Z';
    const year1 = deal.send('LICENCE_YEAR_ENDED', 'system', { year: 1 });
    expect(invoices(year1)).toMatchObject([
      { kind: 'royalty', ref: 'minimumRoyalty:1', lines: [{ kind: 'license_fee', amount: 850_000 }] },
    ]);
    expect(timers(year1)).toMatchObject([{ name: 'licenceYear', dueAt: '2028-03-02T02:00:00.000Z' }]);
    // A repeated timer for a settled year changes nothing.
    deal.expectRejected('LICENCE_YEAR_ENDED', 'system', 'FORBIDDEN', { year: 1 });

    deal.at = '2027-08-01T02:00:00.000Z';
    deal.send('REPORT_ROYALTIES', 'buyer', { period: '2027H1', netSales: 40_000_000 }); // 1,400,000 ≥ 1,200,000
    deal.at = '2028-03-02T02:00:00.000Z';
    const year2 = deal.send('LICENCE_YEAR_ENDED', 'system', { year: 2 });
    expect(invoices(year2)).toEqual([]);
    // Year 3 ends with the term (30 months): no timer of its own.
    expect(timers(year2)).toEqual([]);

    deal.at = '2028-09-01T02:00:00.000Z';
    deal.expectRejected('TERM_ENDED', 'system', 'FORBIDDEN');
    deal.at = '2028-09-02T02:00:00.000Z';
    const end = deal.send('TERM_ENDED', 'system');
    expect(deal.state).toBe('completed');
    // Six months of 1,200,000 a year, nothing reported in them.
    expect(invoices(end)).toMatchObject([{ ref: 'minimumRoyalty:3', lines: [{ amount: 600_000 }] }]);
    expect(deal.context.license?.licenceYears).toEqual([
      { year: 1, endsAt: '2027-03-02T02:00:00.000Z', royalties: 350_000, shortfall: 850_000 },
      { year: 2, endsAt: '2028-03-02T02:00:00.000Z', royalties: 1_400_000, shortfall: 0 },
      { year: 3, endsAt: '2028-09-02T02:00:00.000Z', royalties: 0, shortfall: 600_000 },
    ]);
  });

  it('ends a licence without a minimum at its term with no invoice', () => {
    const deal = signedDeal('license', { ...licenseTerms, termMonths: 12 });
    deal.at = '2027-03-02T02:00:00.000Z';
    expect(invoices(deal.send('TERM_ENDED', 'system'))).toEqual([]);
    expect(deal.state).toBe('completed');
  });
});
