import { configure, act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../auth/AuthProvider.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';
import { bid, bidding, offering, registration } from '../testing/offering-fixtures.js';
import type { OfferingView } from '../offerings/types.js';
import Offering from './Offering.js';

const ID = 'ofr_000000000000000000001';
const gets = (sent: SentRequest[]) => sent.filter((r) => r.method === 'GET' && r.path === `/api/offerings/${ID}`);

/** The page itself, not through the lazy route: its first render must not wait on real timers. */
function renderPage() {
  const router = createMemoryRouter([{ path: '/offerings/:id', element: <Offering /> }], {
    initialEntries: [`/offerings/${ID}`],
  });
  return render(
    <I18nProvider initialLocale="zh-CN">
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>,
  );
}
const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const bidRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

afterEach(() => vi.useRealTimers());

// A page's first render waits on its lazy chunk, which on a busy machine takes longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

describe('the offering page', () => {
  it('names bidders by number to the public and shows the facts, the basis and the terms', async () => {
    installFetch(() => json(200, bidding()));
    renderApp(`/offerings/${ID}`);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('竞买人 1')).toBeTruthy();
    expect(within(table).getByText('竞买人 2')).toBeTruthy();
    expect(within(table).queryByText('节水农业公司')).toBeNull();
    expect(screen.getByText('资产评估报告 新评报字〔2026〕第 18 号')).toBeTruthy();
    expect(screen.getByText('棉田灌溉')).toBeTruthy();
    expect(screen.getByText('¥510,000.00', { selector: '.offering-best' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '出价' }), 'no bid form for a visitor').toBeNull();
  });

  it('names bidders to the seller, lists the registrations and records a deposit', async () => {
    logIn();
    let view: OfferingView = offering({
      registrationCount: 1,
      registrations: [registration()],
    });
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('seller'));
      if (req.method === 'POST' && req.path.endsWith('/deposit')) {
        view = {
          ...view,
          registrations: [registration({ depositReference: 'HD-001', depositReceivedAt: '2026-12-05T02:00:00.000Z' })],
        };
        return json(200, view.registrations![0]);
      }
      if (req.path === `/api/offerings/${ID}`) return json(200, view);
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp(`/offerings/${ID}`);
    const section = (await screen.findByRole('heading', { name: '意向受让方及保证金' })).closest('section')!;
    expect(within(section).getByText('节水农业公司')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: '登记保证金到账' }));
    fireEvent.submit(within(section).getByRole('form', { name: '登记保证金到账' }));
    expect(within(section).getByText('此项为必填项')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('到账凭证号'), { target: { value: 'HD-001' } });
    fireEvent.submit(within(section).getByRole('form', { name: '登记保证金到账' }));
    expect(await within(section).findByText(/保证金已确认收到.*HD-001/)).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/offerings/${ID}/registrations/reg_000000000000000000001/deposit`);
    expect(post.body).toEqual({ reference: 'HD-001' });
  });

  it('names the bidders in the round to the seller', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('seller'));
      return json(
        200,
        bidding({ bids: [bid(1, 50_000_000, 2, true), bid(2, 51_000_000, 1, true)], registrations: [registration()] }),
      );
    });
    renderApp(`/offerings/${ID}`);
    const table = (await screen.findByRole('heading', { name: '出价记录' })).closest('section')!;
    expect(within(table).getByText('节水农业公司')).toBeTruthy();
    expect(within(table).getByText('绿洲种业公司')).toBeTruthy();
    expect(within(table).queryByText('竞买人 1')).toBeNull();
  });

  it('counts down on the server clock and polls every 2 s while bidding: a new bid joins the table', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      now: new Date('2026-12-10T02:59:00.000Z'), // the browser runs a minute behind the server
    });
    let view = bidding();
    const sent = installFetch(() => json(200, view));
    renderPage();
    await tick(0);
    expect(screen.getByText('0天 01:00:00')).toBeTruthy();
    await tick(1000);
    expect(screen.getByText('0天 00:59:59')).toBeTruthy();
    expect(bidRows()).toHaveLength(2);
    const firstRow = bidRows()[1];

    view = bidding({
      bids: [...view.bids, bid(3, 53_000_000, 2)],
      bestBid: 53_000_000,
      minNextBid: 54_000_000,
      round: { startsAt: '2026-12-10T02:00:00.000Z', endsAt: '2026-12-10T04:05:00.000Z', extensions: 1 },
      serverTime: '2026-12-10T03:00:02.000Z',
    });
    expect(gets(sent)).toHaveLength(1);
    await tick(1000);
    expect(gets(sent)).toHaveLength(2);
    const rows = bidRows();
    expect(rows).toHaveLength(3);
    expect(rows[0].className).toBe('bid-new');
    expect(within(rows[0]).getByText('¥530,000.00')).toBeTruthy();
    expect(bidRows()[2], 'older rows stay the same elements (no flicker)').toBe(firstRow);
    expect(screen.getByText(/已延时 1 次，结束时间顺延至 2026\/12\/10 12:05:00/)).toBeTruthy();
    expect(screen.getByText('0天 01:04:58')).toBeTruthy();

    // A hidden tab stops polling; coming back fetches at once.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await tick(10_000);
    expect(gets(sent)).toHaveLength(2);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await tick(0);
    expect(gets(sent)).toHaveLength(3);

    // A final offering is polled no more.
    view = { ...view, status: 'sold', result: null };
    await tick(2000);
    expect(gets(sent)).toHaveLength(4);
    await tick(60_000);
    expect(gets(sent)).toHaveLength(4);
  });

  it('polls every 15 s while listed, every 2 s in its last two minutes', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      now: new Date('2026-12-10T01:50:00.000Z'),
    });
    let view = offering({ serverTime: '2026-12-10T01:50:00.000Z' });
    const sent = installFetch(() => json(200, view));
    renderPage();
    await tick(0);
    expect(gets(sent)).toHaveLength(1);
    await tick(14_000);
    expect(gets(sent)).toHaveLength(1);
    view = offering({ serverTime: '2026-12-10T01:59:00.000Z' });
    await tick(1_000);
    expect(gets(sent)).toHaveLength(2);
    await tick(2_000);
    expect(gets(sent)).toHaveLength(3);
  });

  it('publishes the result and offers the winner the confirmation and the deal', async () => {
    logIn();
    const sold = bidding({
      status: 'sold',
      dealId: 'dl_1',
      dealPrice: 51_000_000,
      result: {
        outcome: 'sold',
        price: 51_000_000,
        buyer: { name: '节水农业公司' },
        at: '2026-12-10T04:00:00.000Z',
        dealId: 'dl_1',
        reason: null,
      },
      myRegistration: registration({ depositReceivedAt: '2026-12-05T02:00:00.000Z', depositReference: 'HD' }),
    });
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      if (req.path.endsWith('/confirmation')) return new Response('%PDF-1.7', { status: 200 });
      return json(200, sold);
    });
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => {};
    renderApp(`/offerings/${ID}`);
    const result = (await screen.findByRole('heading', { name: '成交公告' })).closest('section')!;
    expect(
      within(result).getByText(/成交价 ¥510,000.00，受让方 节水农业公司，成交时间 2026\/12\/10 12:00:00/),
    ).toBeTruthy();
    expect(within(result).getByRole('link', { name: '进入交易' }).getAttribute('href')).toBe('/deals/dl_1');
    fireEvent.click(within(result).getByRole('button', { name: '下载成交确认书' }));
    await waitFor(() => expect(sent.some((r) => r.path === `/api/offerings/${ID}/confirmation`)).toBe(true));
    expect(screen.getByText('竞买人 1（本单位）')).toBeTruthy();
  });

  it('keeps the confirmation from a bidder who lost', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      return json(
        200,
        bidding({
          status: 'sold',
          result: {
            outcome: 'sold',
            price: 51_000_000,
            buyer: { name: '节水农业公司' },
            at: '2026-12-10T04:00:00.000Z',
            dealId: null,
            reason: null,
          },
          myRegistration: registration({ bidderNo: 2, refundDue: true, depositReceivedAt: '2026-12-05T02:00:00.000Z' }),
        }),
      );
    });
    renderApp(`/offerings/${ID}`);
    expect(await screen.findByText('保证金应予退还')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '下载成交确认书' })).toBeNull();
  });
});
