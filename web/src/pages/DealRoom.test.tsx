import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../api/deal-types.js';
import { licenceDeal, logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';

const history = [
  {
    version: 0,
    type: 'OPEN',
    actor: { id: 'usr_buyer', role: 'buyer' },
    from: '',
    to: 'inquiry',
    at: '2026-03-01T00:00:00Z',
    payload: {},
  },
  {
    version: 1,
    type: 'ACCEPT_INQUIRY',
    actor: { id: 'usr_seller', role: 'seller' },
    from: 'inquiry',
    to: 'negotiating',
    at: '2026-03-01T02:00:00Z',
    payload: {},
  },
];

/** The server, as far as the deal room asks it; `onEvent` answers POST …/events. */
function server(deal: Deal, onEvent: (req: SentRequest) => Response = () => problem(500, 'INTERNAL', 'x')) {
  return installFetch((req) => {
    if (req.path === '/api/me')
      return json(200, person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' }));
    if (req.path === '/api/deals/dl_1' && req.method === 'GET') return json(200, deal);
    if (req.path === '/api/deals/dl_1/history') return json(200, history);
    if (req.path === '/api/deals/dl_1/messages') return json(200, { items: [], nextCursor: null });
    if (req.path === '/api/deals/dl_1/events') return onEvent(req);
    if (req.path === '/api/invoices') return json(200, { items: [], nextCursor: null });
    if (req.path === '/api/notifications') return json(200, { items: [], nextCursor: null, unread: 2 });
    return problem(404, 'NOT_FOUND', 'none');
  });
}

describe('Deal room', () => {
  it("shows the state, what happens next, the timeline and the caller's actions from nextEvents", async () => {
    logIn();
    server(licenceDeal());
    renderApp('/deals/dl_1');
    expect(await screen.findByRole('heading', { level: 1, name: '膜下滴灌智能控制系统' })).toBeTruthy();
    const now = screen.getByRole('region', { name: '当前状态与下一步' });
    expect(within(now).getByText('条款磋商')).toBeTruthy();
    expect(within(now).getByText(/另一方接受或拒绝最新的提议/)).toBeTruthy();
    const actions = within(now).getByRole('group', { name: '您现在可以办理' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['提出新条款（还价）', '接受条款', '拒绝条款', '拒绝洽谈']);
    expect(within(screen.getByRole('region', { name: '当前提议的条款' })).getByText('¥100,000.00')).toBeTruthy();
    expect(await screen.findByText('接受洽谈')).toBeTruthy();
    expect(screen.getByRole('link', { name: '通知：2 条未读' })).toBeTruthy();
  });

  it('sends a counter-offer in fen and basis points with the version it saw, after checking it as the API does', async () => {
    logIn();
    const deal = licenceDeal();
    const countered: Deal = {
      ...deal,
      version: 4,
      currentTerms: { ...deal.currentTerms!, upfrontFee: 12_000_000, royaltyRateBp: 450 } as Deal['currentTerms'],
      proposals: [
        { ...deal.proposals[0], status: 'superseded' },
        {
          ...deal.proposals[0],
          seq: 2,
          by: 'seller',
          terms: {
            ...deal.proposals[0].terms,
            upfrontFee: 12_000_000,
            royaltyRateBp: 450,
          } as Deal['proposals'][0]['terms'],
        },
      ],
      nextEvents: ['PROPOSE_TERMS', 'DECLINE'],
    };
    const sent = server(deal, () => json(200, countered));
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '提出新条款（还价）' }));
    const form = screen.getByRole('form', { name: '交易条款' });
    expect((within(form).getByLabelText('入门费（元）') as HTMLInputElement).value).toBe('100,000.00');

    fireEvent.change(within(form).getByLabelText('提成比例（%）'), { target: { value: '150' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交条款' }));
    expect(await within(form).findByText('请输入 0 至 100 的百分比，最多两位小数')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/deals/dl_1/events')).toBe(false);

    fireEvent.change(within(form).getByLabelText('提成比例（%）'), { target: { value: '4.5' } });
    fireEvent.change(within(form).getByLabelText('入门费（元）'), { target: { value: '120,000' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交条款' }));
    await waitFor(() => expect(sent.some((r) => r.path === '/api/deals/dl_1/events')).toBe(true));
    const post = sent.find((r) => r.path === '/api/deals/dl_1/events')!;
    expect(post.body).toEqual({
      type: 'PROPOSE_TERMS',
      expectedVersion: 3,
      terms: {
        licenseType: 'non_exclusive',
        territory: '新疆',
        fieldOfUse: '棉花种植',
        termMonths: 36,
        upfrontFee: 12_000_000,
        royaltyRateBp: 450,
      },
    });
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(
      await within(screen.getByRole('region', { name: '条款提议' })).findByText('#2', { selector: 'strong' }),
    ).toBeTruthy();
    expect(screen.queryByRole('form', { name: '交易条款' })).toBeNull();
  });

  it('says so and reloads when someone else moved the deal first (409)', async () => {
    logIn();
    const sent = server(licenceDeal(), () => problem(409, 'VERSION_CONFLICT', 'The deal is at version 4, not 3'));
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '接受条款' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: '确认接受以下条款？' })).getByRole('button', { name: '确认' }),
    );
    expect(await screen.findByText(/这笔交易刚刚被其他人更新，页面已重新加载/)).toBeTruthy();
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/deals/dl_1' && r.method === 'GET')).toHaveLength(2));
    expect(sent.find((r) => r.path === '/api/deals/dl_1/events')?.body).toEqual({
      type: 'ACCEPT_TERMS',
      expectedVersion: 3,
    });
  });

  it('compares two proposals through the diff endpoint', async () => {
    logIn();
    const deal = licenceDeal();
    const second = {
      ...deal.proposals[0],
      seq: 2,
      by: 'seller' as const,
      status: 'current' as const,
      terms: { ...deal.proposals[0].terms, upfrontFee: 12_000_000 },
    };
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      if (req.path === '/api/deals/dl_1')
        return json(200, {
          ...deal,
          role: 'buyer',
          proposals: [{ ...deal.proposals[0], status: 'superseded' }, second],
        });
      if (req.path === '/api/deals/dl_1/proposals/diff')
        return json(200, { from: 1, to: 2, changes: [{ path: 'upfrontFee', from: 10_000_000, to: 12_000_000 }] });
      if (req.path === '/api/deals/dl_1/history') return json(200, history);
      if (req.path.startsWith('/api/listings/')) return problem(404, 'NOT_FOUND', 'none');
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '比较' }));
    const table = await screen.findByRole('table', { name: '提议 #1 与 #2 的差异' });
    expect(within(table).getByRole('rowheader').textContent).toBe('入门费');
    expect(within(table).getByText('¥100,000.00')).toBeTruthy();
    expect(within(table).getByText('¥120,000.00')).toBeTruthy();
    expect(sent.find((r) => r.path.endsWith('/diff'))?.query.toString()).toBe('from=1&to=2');
  });

  it('says a deal the reader may not see does not exist', async () => {
    logIn();
    installFetch((req) =>
      req.path === '/api/me' ? json(200, person('buyer')) : problem(404, 'NOT_FOUND', 'Deal not found'),
    );
    renderApp('/deals/dl_x');
    expect(await screen.findByText('该交易不存在，或您不是交易的参与方。')).toBeTruthy();
  });
});
