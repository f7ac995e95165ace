import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { logIn, person } from '../../testing/fixtures.js';
import { reviewItem } from '../../testing/review-fixtures.js';
import { installFetch, json, problem, renderApp } from '../../testing/app.js';

const submitted = reviewItem();

describe('Admin', () => {
  it('approves a registration, and refuses to send one back without a reason', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('admin'));
      if (req.path === '/api/listings/review-queue')
        return json(200, { items: [submitted, { ...submitted, id: 'lst_t', title: '滴灌带回收' }], nextCursor: null });
      if (req.path === '/api/listings/lst_s/review')
        return json(200, { ...submitted, status: 'published', registrationNo: '6500002026A0007' });
      if (req.path === '/api/listings/lst_t/review') return json(200, { ...submitted, status: 'rejected' });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/admin/review');
    const first = (await screen.findByRole('link', { name: '棉花打顶机器人' })).closest('article')!;
    fireEvent.click(within(first).getByRole('button', { name: '通过并发布' }));
    expect(await screen.findByText('“棉花打顶机器人”已发布，登记号 6500002026A0007。')).toBeTruthy();
    expect(sent.find((r) => r.path === '/api/listings/lst_s/review')?.body).toEqual({ decision: 'approve' });

    const second = screen.getByRole('link', { name: '滴灌带回收' }).closest('article')!;
    fireEvent.click(within(second).getByRole('button', { name: '退回' }));
    fireEvent.click(within(second).getByRole('button', { name: '确认退回' }));
    expect(await within(second).findByText('退回时请写明理由')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/listings/lst_t/review')).toBe(false);
    fireEvent.change(within(second).getByLabelText('退回理由'), { target: { value: '请补充技术指标' } });
    fireEvent.click(within(second).getByRole('button', { name: '确认退回' }));
    await waitFor(() =>
      expect(sent.find((r) => r.path === '/api/listings/lst_t/review')?.body).toEqual({
        decision: 'reject',
        reason: '请补充技术指标',
      }),
    );
  });

  it('draws the overview from deals and invoices and stays calm when /api/stats is missing', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('admin'));
      if (req.path === '/api/stats') return problem(404, 'NOT_FOUND', 'No route GET /api/stats');
      if (req.path === '/api/deals') {
        const deal = (id: string, type: string, state: string) => ({ id, type, state, nextEvents: [] });
        return json(200, {
          items: [
            deal('d1', 'license', 'negotiating'),
            deal('d2', 'license', 'active'),
            deal('d3', 'transfer', 'contracting.awaitingBuyer'),
          ],
          nextCursor: null,
        });
      }
      if (req.path === '/api/invoices')
        return json(200, {
          items: [
            { id: 'i1', status: 'paid', total: 123456 },
            { id: 'i2', status: 'issued', total: 1000 },
          ],
          nextCursor: null,
        });
      if (req.path === '/api/listings/review-queue') return json(200, { items: [submitted], nextCursor: null });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/admin');
    expect(await screen.findByText('平台统计接口尚未开放。')).toBeTruthy();
    const byType = await screen.findByRole('figure', { name: '按转化方式统计的交易' });
    expect(within(byType).getByText('技术许可').parentElement?.textContent).toContain('2');
    const byState = screen.getByRole('figure', { name: '按状态统计的交易' });
    expect(within(byState).getByText('签署合同')).toBeTruthy();
    expect(within(screen.getByRole('figure', { name: '按状态统计的开票金额' })).getByText('¥1,234.56')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('draws the platform statistics: counts by category as charts, measures as figures, money as yuan', async () => {
    logIn();
    const stats = {
      currency: 'CNY',
      generatedAt: '2026-06-30T04:00:00Z',
      listings: {
        total: 12,
        byField: [
          { field: 'modern_agriculture', count: 7 },
          { field: 'new_energy', count: 5 },
        ],
      },
      contracts: { registered: { count: 3, value: 45_000_000 } },
      deals: { total: 4, timeToSignature: { overall: { deals: 2, medianDays: 12.5, meanDays: null } } },
    };
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('admin'));
      if (req.path === '/api/stats') return json(200, stats);
      if (req.path === '/api/listings/review-queue') return json(200, { items: [], nextCursor: null });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/admin');
    const byField = await screen.findByRole('figure', { name: '按重点领域' });
    expect(within(byField).getByText('现代农业').parentElement?.textContent).toContain('7');
    const registered = screen.getByRole('heading', { name: '已认定登记' }).parentElement!;
    expect(within(registered).getByText('¥450,000.00')).toBeTruthy();
    expect(within(registered).getByText('3')).toBeTruthy();
    const overall = screen.getByRole('heading', { name: '总体' }).parentElement!;
    expect(within(overall).getByText('12.5')).toBeTruthy();
    expect(within(overall).getByText('—')).toBeTruthy();
  });

  it('keeps other roles out', async () => {
    logIn();
    installFetch((req) =>
      req.path === '/api/me' ? json(200, person('buyer')) : json(200, { items: [], nextCursor: null, unread: 0 }),
    );
    renderApp('/admin/review');
    expect(await screen.findByText('此页面仅对科技局开放。')).toBeTruthy();
  });
});
