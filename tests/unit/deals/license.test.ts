import { describe, expect, it } from 'vitest';
import { days, invoices, T0 } from './harness.js';
import { licenseTerms, negotiatingDeal, signedDeal } from './fixtures.js';
import { CONTRACT_REGISTRATION as REGISTRATION } from './spec.js';

describe('licence', () => {
  it('activates at signing: commission to the seller, upfront fee to the buyer, filing due in 3 months', () => {
    const deal = negotiatingDeal('license');
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 275 });
    const terms = { ...licenseTerms, upfrontFee: 20_000_020 };
    deal.send('PROPOSE_TERMS', 'broker', { terms });
    deal.send('ACCEPT_TERMS', 'buyer');
    deal.send('ACCEPT_TERMS', 'seller');
    deal.send('SIGN_CONTRACT', 'buyer');
    deal.at = '2026-01-31T04:00:00.000Z';
    const effects = deal.send('SIGN_CONTRACT', 'seller');
    expect(deal.state).toBe('active');
    expect(invoices(effects)).toEqual([
      {
        // (20,000,020 + 5,000,000 + 10,000,000) × 2.75% = 962,500.55 → 962,501 fen
        type: 'issueInvoice',
        kind: 'commission',
        issuer: 'broker',
        recipient: 'seller',
        lines: [{ kind: 'brokerage', description: '技术经纪佣金 Brokerage commission', amount: 962_501 }],
        ref: 'commission',
        dueAt: '2026-03-02T04:00:00.000Z',
      },
      {
        type: 'issueInvoice',
        kind: 'upfront_fee',
        issuer: 'seller',
        recipient: 'buyer',
        lines: [{ kind: 'license_fee', description: '技术许可入门费 Upfront licence fee', amount: 20_000_020 }],
        ref: 'upfront',
        dueAt: '2026-03-02T04:00:00.000Z',
      },
    ]);
    expect(effects.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && [e.to, e.message])).toEqual([
      [['buyer', 'broker'], 'deal.contractSignedByParty'],
      [['buyer', 'seller', 'broker'], 'deal.contractSigned'],
    ]);
    expect(deal.context.contract.signedAt).toBe('2026-01-31T04:00:00.000Z');
    expect(deal.context.license).toMatchObject({
      activatedAt: '2026-01-31T04:00:00.000Z',
      filingDueAt: '2026-04-30T04:00:00.000Z',
      filing: null,
    });
  });

  it('issues no upfront invoice for a zero fee, and no commission without a broker', () => {
    const deal = signedDeal('license', { ...licenseTerms, upfrontFee: 0, milestones: undefined });
    expect(invoices(deal.effects)).toEqual([]);
    expect(deal.context.license?.milestones).toEqual([]);
    expect(deal.next('seller')).toEqual(['COMPLETE', 'RECORD_FILING', 'REGISTER_CONTRACT', 'TERMINATE']);
  });

  it('bills royalties at the agreed rate, once per period', () => {
    const deal = signedDeal('license');
    deal.advanceDays(100);
    const effects = deal.send('REPORT_ROYALTIES', 'buyer', { period: '2026Q2', netSales: 123_457 });
    expect(invoices(effects)).toEqual([
      {
        type: 'issueInvoice',
        kind: 'royalty',
        issuer: 'seller',
        recipient: 'buyer',
        lines: [{ kind: 'license_fee', description: '许可使用费提成 Royalty 2026Q2', amount: 4_321 }],
        ref: 'royalty:2026Q2',
        dueAt: days(T0, 130),
      },
    ]);
    expect(deal.context.license?.royaltyReports).toEqual([
      { period: '2026Q2', netSales: 123_457, royalty: 4_321, reportedBy: 'u-buyer', reportedAt: days(T0, 100) },
    ]);
    deal.expectRejected('REPORT_ROYALTIES', 'seller', 'FORBIDDEN', { period: '2026Q3', netSales: 1 });
    const overlap = deal.try('REPORT_ROYALTIES', 'buyer', { period: '2026H1', netSales: 1 });
    expect(overlap).toMatchObject({
      ok: false,
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'period', message: 'overlaps the period 2026Q2 already reported' }],
    });
    deal.send('REPORT_ROYALTIES', 'buyer', { period: '2026-07', netSales: 0 });
    expect(invoices(deal.effects)).toEqual([]);
    expect(deal.context.license?.royaltyReports).toHaveLength(2);
  });

  it('invoices each licence milestone once, and offers the event only while one is left', () => {
    const deal = signedDeal('license');
    deal.expectRejected('INVOICE_MILESTONE', 'buyer', 'FORBIDDEN', { index: 1 });
    deal.send('INVOICE_MILESTONE', 'seller', { index: 1 });
    expect(invoices(deal.effects)).toEqual([
      expect.objectContaining({
        kind: 'milestone',
        ref: 'milestone:1',
        dueAt: days(T0, 30),
        lines: [
          { kind: 'license_fee', description: '许可里程碑付款 Licence milestone: Mass production', amount: 10_000_000 },
        ],
      }),
    ]);
    expect(deal.try('INVOICE_MILESTONE', 'seller', { index: 1 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index' }],
    });
    expect(deal.try('INVOICE_MILESTONE', 'seller', { index: 2 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index' }],
    });
    deal.send('INVOICE_MILESTONE', 'seller', { index: 0 });
    expect(deal.next('seller')).not.toContain('INVOICE_MILESTONE');
    deal.expectRejected('INVOICE_MILESTONE', 'seller', 'FORBIDDEN', { index: 0 });
  });

  it('takes the registration date between signing and today, and lets the admin alone confirm it, once', () => {
    const deal = signedDeal('license');
    deal.advanceDays(3);
    for (const [registeredOn, message] of [
      ['2026-03-01', 'must not be before the contract was signed'],
      ['2026-03-06', 'must not be in the future'],
    ]) {
      expect(deal.try('REGISTER_CONTRACT', 'seller', { ...REGISTRATION, registeredOn })).toMatchObject({
        code: 'PAYLOAD_INVALID',
        errors: [{ path: 'registeredOn', message }],
      });
    }
    expect(deal.try('REGISTER_CONTRACT', 'seller', { registrationNo: '6501012026000123' })).toMatchObject({
      code: 'PAYLOAD_INVALID',
    });
    deal.send('REGISTER_CONTRACT', 'seller', { ...REGISTRATION, registeredOn: '2026-03-05' });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer'], message: 'deal.contractRegistered' }]);
    for (const role of ['buyer', 'seller'] as const) {
      expect(deal.next(role)).not.toContain('CONFIRM_CONTRACT_REGISTRATION');
      deal.expectRejected('CONFIRM_CONTRACT_REGISTRATION', role, 'FORBIDDEN');
    }
    expect(deal.next('admin')).toContain('CONFIRM_CONTRACT_REGISTRATION');
    deal.advanceDays(1);
    deal.send('CONFIRM_CONTRACT_REGISTRATION', 'admin');
    expect(deal.context.contractRegistration).toMatchObject({
      registeredOn: '2026-03-05',
      certifiedIncome: REGISTRATION.certifiedIncome,
      confirmedBy: { role: 'admin' },
      confirmedAt: days(T0, 4),
    });
    expect(deal.effects).toEqual([
      { type: 'notify', to: ['buyer', 'seller'], message: 'deal.contractRegistrationConfirmed' },
    ]);
    deal.expectRejected('CONFIRM_CONTRACT_REGISTRATION', 'admin', 'FORBIDDEN');
    expect(deal.next('admin')).not.toContain('CONFIRM_CONTRACT_REGISTRATION');
  });

  it('records the CNIPA filing once, dated between signing and today', () => {
    const deal = signedDeal('license');
    deal.advanceDays(20);
    expect(deal.try('RECORD_FILING', 'seller', { filingNo: 'F-1', filedAt: '2026-03-01' })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'filedAt', message: 'must not be before the contract was signed' }],
    });
    expect(deal.try('RECORD_FILING', 'seller', { filingNo: 'F-1', filedAt: '2026-03-30' })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'filedAt', message: 'must not be in the future' }],
    });
    deal.send('RECORD_FILING', 'seller', { filingNo: 'F-1', filedAt: '2026-03-20' });
    expect(deal.context.license?.filing).toEqual({ filingNo: 'F-1', filedAt: '2026-03-20', recordedAt: days(T0, 20) });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer'], message: 'deal.licenseFiled' }]);
    deal.expectRejected('RECORD_FILING', 'seller', 'FORBIDDEN', { filingNo: 'F-2', filedAt: '2026-03-21' });
  });

  it('registers the technology contract once, and lets a party or the admin terminate with a reason', () => {
    const deal = signedDeal('license');
    const registration = { ...REGISTRATION, registeredOn: '2026-03-02' };
    deal.expectRejected('REGISTER_CONTRACT', 'admin', 'FORBIDDEN', registration);
    expect(deal.next('admin')).not.toContain('CONFIRM_CONTRACT_REGISTRATION');
    deal.expectRejected('CONFIRM_CONTRACT_REGISTRATION', 'admin', 'FORBIDDEN');
    deal.send('REGISTER_CONTRACT', 'buyer', registration);
    expect(deal.context.contractRegistration).toEqual({
      ...registration,
      recordedBy: { userId: 'u-buyer', role: 'buyer' },
      recordedAt: T0,
      confirmedBy: null,
      confirmedAt: null,
    });
    deal.expectRejected('REGISTER_CONTRACT', 'seller', 'FORBIDDEN', {
      ...registration,
      registrationNo: '6501012026000124',
    });
    deal.expectRejected('TERMINATE', 'broker', 'FORBIDDEN', { reason: 'x' });
    deal.send('TERMINATE', 'admin', { reason: 'Licensee insolvent' });
    expect(deal.state).toBe('terminated');
    expect(deal.context.closure).toMatchObject({ outcome: 'terminated', reason: 'Licensee insolvent' });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.terminated' }]);
  });
});
