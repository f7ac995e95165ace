import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { bidding, offering } from '../testing/offering-fixtures.js';

// A page's first render waits on its lazy chunk, which on a busy machine takes longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

describe('the public offering list', () => {
  it('shows each offering with its base price, deposit, increment, China-time end and best bid, and filters', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/offerings')
        return json(200, {
          items: [
            offering({ registrationCount: 1 }),
            bidding({ id: 'ofr_2', listing: { id: 'lst_2', title: '棉花采摘机器人', registrationNo: null } }),
          ],
          nextCursor: null,
        });
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/offerings');
    const card = (await screen.findByRole('heading', { name: '膜下滴灌智能控制系统' })).closest('article')!;
    for (const text of ['6590002026A000001', '技术许可 · 独占许可', '¥500,000.00', '¥50,000.00', '¥10,000.00', '1 家'])
      expect(within(card).getByText(text)).toBeTruthy();
    // 02:00 UTC is 10:00 in China, whatever zone the test runs in.
    expect(within(card).getByText('2026/12/10 10:00:00（北京时间）')).toBeTruthy();
    expect(within(card).getByText('挂牌中')).toBeTruthy();
    expect(within(card).getByText('暂无')).toBeTruthy();
    const second = screen.getByRole('heading', { name: '棉花采摘机器人' }).closest('article')!;
    expect(within(second).getByText('竞价中')).toBeTruthy();
    expect(within(second).getByText('¥510,000.00')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '膜下滴灌智能控制系统' }).getAttribute('href')).toBe(
      '/offerings/ofr_000000000000000000001',
    );

    fireEvent.change(screen.getByLabelText(/状态/), { target: { value: 'bidding' } });
    await waitFor(() => expect(router.state.location.search).toBe('?status=bidding'));
    await waitFor(() => expect(sent.at(-1)!.query.get('status')).toBe('bidding'));
    fireEvent.change(screen.getByLabelText('成果名称、登记号或单位'), { target: { value: '滴灌' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(sent.at(-1)!.query.get('q')).toBe('滴灌'));
    expect(sent.at(-1)!.query.get('status')).toBe('bidding');
  });

  it('is linked from the header next to the notices, in both languages', async () => {
    installFetch(() => json(200, { items: [], nextCursor: null }));
    renderApp('/offerings', 'en');
    expect(await screen.findByText('No offerings')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const labels = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(labels.indexOf('Listed trading')).toBe(labels.indexOf('Notices') + 1);
  });
});
