import { describe, expect, it } from 'vitest';
import { days, invoices, T0, TestDeal } from './harness.js';
import { negotiatingDeal, signedDeal, transferTerms } from './fixtures.js';

describe('transfer', () => {
  it('invoices every instalment at signing, due dueDays after it, with the commission on the price', () => {
    const deal = negotiatingDeal('transfer');
    deal.send('ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 250 });
    deal.send('PROPOSE_TERMS', 'seller', { terms: transferTerms });
    deal.send('ACCEPT_TERMS', 'buyer');
    deal.send('SIGN_CONTRACT', 'seller');
    deal.advanceDays(2);
    deal.send('SIGN_CONTRACT', 'buyer');
    const signedAt = days(T0, 2);
    expect(deal.state).toBe('payment');
    expect(invoices(deal.effects)).toEqual([
      {
        type: 'issueInvoice',
        kind: 'commission',
        issuer: 'broker',
        recipient: 'seller',
        lines: [{ kind: 'brokerage', description: '技术经纪佣金 Brokerage commission', amount: 750_000 }],
        ref: 'commission',
        dueAt: days(signedAt, 30),
      },
      {
        type: 'issueInvoice',
        kind: 'instalment',
        issuer: 'seller',
        recipient: 'buyer',
        lines: [{ kind: 'transfer_fee', description: '技术转让价款 Transfer price: Deposit', amount: 9_000_000 }],
        ref: 'instalment:0',
        dueAt: signedAt,
      },
      {
        type: 'issueInvoice',
        kind: 'instalment',
        issuer: 'seller',
        recipient: 'buyer',
        lines: [{ kind: 'transfer_fee', description: '技术转让价款 Transfer price: Balance', amount: 21_000_000 }],
        ref: 'instalment:1',
        dueAt: days(signedAt, 90),
      },
    ]);
    expect(deal.context.transfer?.instalments.map((p) => p.status)).toEqual(['invoiced', 'invoiced']);
  });

  it('moves to recordal when the last instalment is paid, and completes on the CNIPA registration', () => {
    const deal = signedDeal('transfer');
    deal.expectRejected('PAYMENT_RECEIVED', 'seller', 'FORBIDDEN', { index: 0 });
    deal.expectRejected('RECORD_ASSIGNMENT', 'seller', 'INVALID_TRANSITION', {
      registrationNo: 'ZL1',
      registeredAt: '2026-03-02',
    });
    deal.advanceDays(1);
    deal.send('PAYMENT_RECEIVED', 'system', { index: 0 });
    expect(deal.state).toBe('payment');
    expect(deal.context.transfer?.instalments[0]).toMatchObject({ status: 'paid', paidAt: days(T0, 1) });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.instalmentPaid' }]);
    expect(deal.try('PAYMENT_RECEIVED', 'system', { index: 0 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index', message: 'this instalment is already paid' }],
    });
    expect(deal.try('PAYMENT_RECEIVED', 'system', { index: 5 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index' }],
    });
    deal.send('PAYMENT_RECEIVED', 'system', { index: 1 });
    expect(deal.state).toBe('recordal');
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer', 'seller'], message: 'deal.transferPaidInFull' }]);
    deal.expectRejected('RECORD_ASSIGNMENT', 'buyer', 'FORBIDDEN', {
      registrationNo: 'ZL1',
      registeredAt: '2026-03-03',
    });
    deal.advanceDays(30);
    deal.send('RECORD_ASSIGNMENT', 'seller', { registrationNo: 'ZL201910123456.7', registeredAt: '2026-03-20' });
    expect(deal.state).toBe('completed');
    expect(deal.context.transfer?.assignment).toEqual({
      registrationNo: 'ZL201910123456.7',
      registeredAt: '2026-03-20',
      recordedAt: days(T0, 31),
    });
    expect(deal.context.closure).toMatchObject({ outcome: 'completed', by: { role: 'seller' } });
  });

  it('completes a lump-sum transfer after its one payment', () => {
    const deal = signedDeal('transfer', {
      price: 500_000,
      payments: [{ name: '一次性支付 Lump sum', amount: 500_000, dueDays: 15 }],
    });
    expect(invoices(deal.effects)).toEqual([expect.objectContaining({ ref: 'instalment:0', dueAt: days(T0, 15) })]);
    deal.send('PAYMENT_RECEIVED', 'system', { index: 0 });
    expect(deal.state).toBe('recordal');
  });

  it('can be terminated while payment is outstanding', () => {
    const deal = signedDeal('transfer');
    deal.send('TERMINATE', 'buyer', { reason: 'Patent invalidated' });
    expect(deal.state).toBe('terminated');
    expect(new TestDeal('transfer').next('buyer')).toEqual(['WITHDRAW']);
  });
});
