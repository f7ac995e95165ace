import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';
import { bid, bidding, offering, registration } from '../testing/offering-fixtures.js';
import type { OfferingView } from './types.js';

const ID = 'ofr_000000000000000000001';
const paid = registration({ depositReceivedAt: '2026-12-05T02:00:00.000Z', depositReference: 'HD-001' });

function market(initial: OfferingView, onPost: (path: string, body: unknown) => Response) {
  let view = initial;
  logIn();
  const sent = installFetch((req) => {
    if (req.path === '/api/me') return json(200, person('buyer'));
    if (req.method === 'POST') return onPost(req.path, req.body);
    return json(200, view);
  });
  return { sent, set: (next: OfferingView) => (view = next) };
}

// A page's first render waits on its lazy chunk, which on a busy machine takes longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

describe('bidding and registering', () => {
  it('prefills the minimum, sends yuan as integer fen after the confirmation, and refreshes', async () => {
    const m = market(bidding({ myRegistration: paid }), (_path, body) => {
      m.set(bidding({ myRegistration: paid, bids: [...bidding().bids, bid(3, 52_345_678, 1)], bestBid: 52_345_678 }));
      return json(201, {
        seq: 3,
        amount: (body as { amount: number }).amount,
        at: '2026-12-10T03:01:00Z',
        bidderNo: 1,
      });
    });
    renderApp(`/offerings/${ID}`);
    const input = await screen.findByLabelText('出价金额（元）');
    expect((input as HTMLInputElement).value).toBe('520000.00');
    expect(screen.getByText('最低可出价 ¥520,000.00（当前最高价加加价幅度）')).toBeTruthy();

    fireEvent.change(input, { target: { value: '519,999.99' } });
    fireEvent.submit(screen.getByRole('form', { name: '出价' }));
    expect(screen.getByText('不得低于 ¥520,000.00')).toBeTruthy();
    fireEvent.change(input, { target: { value: '52.3万' } });
    fireEvent.submit(screen.getByRole('form', { name: '出价' }));
    expect(screen.getByText('请输入金额（元），最多两位小数')).toBeTruthy();
    expect(m.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(input, { target: { value: '523,456.78' } });
    fireEvent.submit(screen.getByRole('form', { name: '出价' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('确认出价 ¥523,456.78？出价一经提交不可撤回。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('出价已提交：¥523,456.78')).toBeTruthy();
    const post = m.sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/offerings/${ID}/bids`);
    expect(post.body).toEqual({ amount: 52_345_678 });
    expect(Number.isInteger((post.body as { amount: number }).amount)).toBe(true);
    await waitFor(() => expect(screen.getAllByText('¥523,456.78').length).toBeGreaterThan(1));
  });

  it('on BID_TOO_LOW shows the new minimum after fetching the offering again', async () => {
    const m = market(bidding({ myRegistration: paid }), () => {
      m.set(
        bidding({
          myRegistration: paid,
          bids: [...bidding().bids, bid(3, 55_000_000, 2)],
          bestBid: 55_000_000,
          minNextBid: 56_000_000,
        }),
      );
      return problem(409, 'BID_TOO_LOW', 'A bid must beat the best by the increment');
    });
    renderApp(`/offerings/${ID}`);
    await screen.findByLabelText('出价金额（元）');
    fireEvent.submit(screen.getByRole('form', { name: '出价' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '已有更高出价，出价须不低于 ¥560,000.00');
    expect((screen.getByLabelText('出价金额（元）') as HTMLInputElement).value).toBe('560000.00');
    expect(m.sent.filter((r) => r.method === 'POST')[0].body).toEqual({ amount: 52_000_000 });
  });

  it('on INVALID_TRANSITION says the round is closed', async () => {
    market(bidding({ myRegistration: paid }), () => problem(409, 'INVALID_TRANSITION', 'closed'));
    renderApp(`/offerings/${ID}`);
    await screen.findByLabelText('出价金额（元）');
    fireEvent.submit(screen.getByRole('form', { name: '出价' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('竞价已结束或尚未开始，无法出价')).toBeTruthy();
  });

  it('offers no bid form before the deposit is recorded', async () => {
    market(bidding({ myRegistration: registration() }), () => problem(500, 'INTERNAL', 'x'));
    renderApp(`/offerings/${ID}`);
    expect(await screen.findByText('保证金待成果方确认收到')).toBeTruthy();
    expect(screen.queryByLabelText('出价金额（元）')).toBeNull();
  });

  it('registers an intended buyer after a confirmation that states the deposit, paid offline', async () => {
    const m = market(offering(), () => {
      m.set(offering({ registrationCount: 1, myRegistration: registration() }));
      return json(201, registration());
    });
    renderApp(`/offerings/${ID}`);
    fireEvent.click(await screen.findByRole('button', { name: '意向受让方登记' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/须向成果方线下交纳保证金 ¥50,000.00/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(m.sent.filter((r) => r.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '意向受让方登记' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已登记为意向受让方（竞买人 1）')).toBeTruthy();
    expect(screen.getByText('保证金待成果方确认收到')).toBeTruthy();
    expect(m.sent.find((r) => r.method === 'POST')!.path).toBe(`/api/offerings/${ID}/registrations`);
  });
});
