import { describe, expect, it } from 'vitest';
import { days, invoices, T0 } from './harness.js';
import { cooperationTerms, signedDeal } from './fixtures.js';

describe('cooperation (commissioned development, Civil Code Art. 851)', () => {
  it('delivers, sends back for changes, redelivers, and bills each milestone on acceptance', () => {
    const deal = signedDeal('cooperation');
    expect(deal.state).toBe('inProgress');
    expect(invoices(deal.effects)).toEqual([]);
    expect(deal.next('buyer')).toEqual(['REGISTER_CONTRACT', 'TERMINATE']);
    expect(deal.try('ACCEPT_MILESTONE', 'buyer', { index: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    deal.expectRejected('DELIVER_MILESTONE', 'buyer', 'FORBIDDEN', { index: 0 });
    deal.send('DELIVER_MILESTONE', 'seller', { index: 0 });
    expect(deal.effects).toEqual([{ type: 'notify', to: ['buyer'], message: 'deal.milestoneDelivered' }]);
    expect(deal.next('buyer')).toEqual(['ACCEPT_MILESTONE', 'REGISTER_CONTRACT', 'REQUEST_CHANGES', 'TERMINATE']);
    expect(deal.try('ACCEPT_MILESTONE', 'buyer', { index: 1 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index' }],
    });
    expect(deal.try('DELIVER_MILESTONE', 'seller', { index: 0 })).toMatchObject({
      code: 'PAYLOAD_INVALID',
      errors: [{ path: 'index' }],
    });

    deal.advanceDays(3);
    deal.send('REQUEST_CHANGES', 'buyer', { index: 0, reason: 'Emitter clogs at 2 g/L salinity' });
    expect(deal.context.cooperation?.milestones[0]).toMatchObject({
      status: 'pending',
      deliveredAt: null,
      changeRequests: [{ reason: 'Emitter clogs at 2 g/L salinity', by: 'u-buyer', at: days(T0, 3) }],
    });
    expect(invoices(deal.effects)).toEqual([]);
    expect(deal.next('buyer')).toEqual(['REGISTER_CONTRACT', 'TERMINATE']);

    deal.send('DELIVER_MILESTONE', 'seller', { index: 0 });
    deal.advanceDays(2);
    deal.send('ACCEPT_MILESTONE', 'buyer', { index: 0 });
    expect(deal.state).toBe('inProgress');
    expect(invoices(deal.effects)).toEqual([
      {
        type: 'issueInvoice',
        kind: 'development_fee',
        issuer: 'seller',
        recipient: 'buyer',
        lines: [{ kind: 'development_fee', description: '技术开发费 Development fee: Prototype', amount: 4_000_000 }],
        ref: 'milestone:0',
        dueAt: days(T0, 35),
      },
    ]);
    expect(deal.try('REQUEST_CHANGES', 'buyer', { index: 0, reason: 'late' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });

    deal.send('DELIVER_MILESTONE', 'seller', { index: 1 });
    deal.send('ACCEPT_MILESTONE', 'buyer', { index: 1 });
    expect(deal.state).toBe('completed');
    expect(invoices(deal.effects)).toEqual([
      expect.objectContaining({ ref: 'milestone:1', lines: [expect.objectContaining({ amount: 8_000_000 })] }),
    ]);
    expect(deal.context.cooperation?.milestones.map((m) => m.status)).toEqual(['accepted', 'accepted']);
  });

  it('completes on accepting the last milestone, whatever the order, and bills nothing for a zero-amount milestone', () => {
    const terms = {
      ...cooperationTerms,
      budget: 8_000_000,
      milestones: [{ ...cooperationTerms.milestones[0], amount: 0 }, cooperationTerms.milestones[1]],
    };
    const deal = signedDeal('cooperation', terms);
    deal.send('DELIVER_MILESTONE', 'seller', { index: 1 });
    deal.send('DELIVER_MILESTONE', 'seller', { index: 0 });
    deal.send('ACCEPT_MILESTONE', 'buyer', { index: 1 });
    expect(deal.state).toBe('inProgress');
    deal.send('ACCEPT_MILESTONE', 'buyer', { index: 0 });
    expect(deal.state).toBe('completed');
    expect(invoices(deal.effects)).toEqual([]);
  });
});
