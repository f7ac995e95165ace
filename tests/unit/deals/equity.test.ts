import { describe, expect, it } from 'vitest';
import { invoices, T0 } from './harness.js';
import { agreedDeal, equityTerms, negotiatingDeal } from './fixtures.js';

const appraisal = (appraisedValue: number) => ({
  appraiser: '新疆天正资产评估有限公司',
  reportNo: 'TZPG-2026-017',
  appraisedValue,
});

describe('equity (作价投资)', () => {
  it('appraises before contracting; a valuation above the appraisal goes back to negotiating (Company Law Art. 48)', () => {
    const deal = agreedDeal('equity');
    expect(deal.state).toBe('appraisal');
    deal.expectRejected('SIGN_CONTRACT', 'buyer', 'INVALID_TRANSITION');
    deal.expectRejected('SUBMIT_APPRAISAL', 'buyer', 'FORBIDDEN', appraisal(60_000_000));
    deal.send('SUBMIT_APPRAISAL', 'seller', appraisal(49_999_999));
    expect(deal.state).toBe('negotiating');
    expect(deal.context.agreedTerms).toBeNull();
    expect(deal.effects).toEqual([
      { type: 'notify', to: ['buyer', 'seller'], message: 'deal.appraisalBelowValuation' },
    ]);

    deal.send('PROPOSE_TERMS', 'seller', { terms: { ...equityTerms, valuation: 49_999_999 } });
    deal.send('ACCEPT_TERMS', 'buyer');
    expect(deal.state).toBe('appraisal');
    deal.send('SUBMIT_APPRAISAL', 'seller', appraisal(49_999_999));
    expect(deal.state).toBe('contracting.awaitingBoth');
    expect(deal.context.equity?.appraisals.map((a) => [a.valuation, a.appraisedValue, a.outcome])).toEqual([
      [50_000_000, 49_999_999, 'overvalued'],
      [49_999_999, 49_999_999, 'confirmed'],
    ]);
  });

  it('issues no invoice but the commission on the valuation, then records the IP assignment and the equity registration', () => {
    const deal = negotiatingDeal('equity', { publicInstitutionSeller: true, publicNoticeDays: 15 });
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 100 });
    deal.send('PROPOSE_TERMS', 'buyer', { terms: equityTerms });
    deal.send('ACCEPT_TERMS', 'seller');
    expect(deal.state).toBe('publicNotice');
    deal.advanceDays(15);
    deal.send('NOTICE_ENDED', 'system');
    expect(deal.state).toBe('appraisal');
    deal.send('SUBMIT_APPRAISAL', 'seller', appraisal(80_000_000));
    deal.send('SIGN_CONTRACT', 'buyer');
    deal.send('SIGN_CONTRACT', 'seller');
    expect(deal.state).toBe('ipAssignment');
    expect(invoices(deal.effects)).toEqual([
      expect.objectContaining({
        kind: 'commission',
        issuer: 'broker',
        recipient: 'seller',
        ref: 'commission',
        lines: [{ kind: 'brokerage', description: '技术经纪佣金 Brokerage commission', amount: 500_000 }],
      }),
    ]);
    deal.expectRejected('REGISTER_EQUITY', 'buyer', 'INVALID_TRANSITION', { registrationRef: 'R' });
    deal.send('RECORD_ASSIGNMENT', 'seller', { registrationNo: 'ZL201910123456.7', registeredAt: '2026-03-17' });
    expect(deal.state).toBe('equityRegistration');
    expect(deal.context.equity?.ipAssignment).toMatchObject({ registrationNo: 'ZL201910123456.7' });
    deal.expectRejected('REGISTER_EQUITY', 'broker', 'FORBIDDEN', { registrationRef: 'R' });
    deal.send('REGISTER_EQUITY', 'seller', { registrationRef: '91659001MA79XYZ12K' });
    expect(deal.state).toBe('completed');
    expect(invoices(deal.effects)).toEqual([]);
    expect(deal.context.equity?.equityRegistration).toEqual({
      registrationRef: '91659001MA79XYZ12K',
      recordedAt: deal.at,
    });
    expect(deal.at > T0).toBe(true);
  });
});
