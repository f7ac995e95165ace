import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const future = new Date(Date.now() + 10 * 86_400_000).toISOString();
const notice = (over: Record<string, unknown> = {}) => ({
  id: 'ntc_000000000000000000001',
  dealId: 'dl_000000000000000000001',
  listing: { id: 'lst_1', title: '膜下滴灌智能控制系统', registrationNo: '6590002026A000001' },
  form: 'transfer',
  price: 30_000_000,
  currency: 'CNY',
  seller: { name: '石河子大学' },
  buyer: { name: '节水农业公司' },
  relatedParty: true,
  startsAt: '2026-03-02T08:00:00.000Z',
  endsAt: future,
  status: 'open',
  outcome: null,
  endedAt: null,
  objections: [
    {
      id: 'obj_000000000000000000001',
      reason: '价格低于评估值',
      answer: { decision: 'dismissed', reason: '有评估报告支持', at: '2026-03-04T08:00:00.000Z' },
      at: '2026-03-03T08:00:00.000Z',
    },
  ],
  ...over,
});

describe('the public notice board', () => {
  it('shows what was published, the objections with their answers, and searches by result or organization', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/notices') return json(200, { items: [notice()], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/notices');
    const card = (await screen.findByRole('heading', { name: '膜下滴灌智能控制系统' })).closest('article')!;
    for (const text of ['6590002026A000001', '技术转让', '¥300,000.00', '石河子大学', '节水农业公司', '关联交易'])
      expect(within(card).getByText(text, { exact: false })).toBeTruthy();
    expect(card.textContent, 'the price carries one currency sign').not.toContain('¥¥');
    expect(within(card).getByText('价格低于评估值')).toBeTruthy();
    expect(within(card).getByText('异议不成立，公示继续')).toBeTruthy();
    expect(within(card).getByText('登录后可对公示中的价格提出异议。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('成果名称、登记号或单位'), { target: { value: '石河子' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E7%9F%B3%E6%B2%B3%E5%AD%90'));
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path === '/api/notices')
          .at(-1)!
          .query.get('q'),
      ).toBe('石河子'),
    );
    fireEvent.change(screen.getByLabelText(/状态/), { target: { value: 'ended' } });
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path === '/api/notices')
          .at(-1)!
          .query.get('status'),
      ).toBe('ended'),
    );
  });
});
