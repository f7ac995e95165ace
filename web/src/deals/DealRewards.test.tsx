import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { licenceDeal, logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';

const reward = {
  id: 'rwd_1',
  dealId: 'dl_1',
  invoiceId: 'inv_1',
  paymentId: 'pay_1',
  inventorName: '王强',
  shareBp: 10_000,
  income: 10_000_000,
  rateBp: 5_000,
  amount: 5_000_000,
  publicFrom: '2026-03-10T02:00:00.000Z',
  publicUntil: '2026-03-25T02:00:00.000Z',
  status: 'owed',
  paidOn: null,
  reference: null,
  createdAt: '2026-03-10T02:00:00.000Z',
};

function server(role: 'seller' | 'admin') {
  let paid = false;
  const deal = licenceDeal({
    role,
    state: 'active',
    nextEvents: [],
    contract: { buyer: null, seller: null, signedAt: '2026-03-02T02:00:00.000Z' },
  });
  return installFetch((req: SentRequest) => {
    if (req.path === '/api/me') return json(200, person(role));
    if (req.path === '/api/deals/dl_1' && req.method === 'GET') return json(200, deal);
    if (req.path === '/api/deals/dl_1/history') return json(200, []);
    if (req.path === '/api/deals/dl_1/rewards') {
      const item = paid ? { ...reward, status: 'paid', paidOn: '2026-04-01', reference: '奖励发放-001' } : reward;
      return json(200, { items: [item], totals: paid ? { owed: 0, paid: 5_000_000 } : { owed: 5_000_000, paid: 0 } });
    }
    if (req.path === '/api/rewards/rwd_1/payments') {
      paid = true;
      return json(200, { ...reward, status: 'paid' });
    }
    if (req.path.startsWith('/api/listings/')) return problem(404, 'NOT_FOUND', 'none');
    return json(200, { items: [], nextCursor: null, unread: 0 });
  });
}

describe('Inventor rewards in the deal room', () => {
  it('lets the seller record a reward as paid, sending the date and reference, and shows it paid', async () => {
    logIn();
    const sent = server('seller');
    renderApp('/deals/dl_1');
    const form = await screen.findByRole('form', { name: '登记 王强 的奖励已发放' }, { timeout: 5000 });
    expect(screen.getByText(/应付 ¥50,000.00 · 已付 ¥0.00/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '登记已发放' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/rewards/rwd_1/payments')).toBe(false);
    fireEvent.change(within(form).getByLabelText('发放日期'), { target: { value: '2026-04-01' } });
    fireEvent.change(within(form).getByLabelText('凭证号'), { target: { value: '奖励发放-001' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记已发放' }));
    expect(await screen.findByText(/已于 2026-04-01 发放（奖励发放-001）/)).toBeTruthy();
    await waitFor(() =>
      expect(sent.find((r) => r.path === '/api/rewards/rwd_1/payments')?.body).toEqual({
        paidOn: '2026-04-01',
        reference: '奖励发放-001',
      }),
    );
  });

  it('shows the bureau the rewards without the form', async () => {
    logIn();
    server('admin');
    renderApp('/deals/dl_1');
    expect(await screen.findByText(/待发放/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('form', { name: '登记 王强 的奖励已发放' })).toBeNull();
  });
});
