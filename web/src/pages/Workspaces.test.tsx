import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const summary = (id: string, status: string, extra: object = {}) => ({
  id,
  status,
  title: `成果 ${id}`,
  titleEn: null,
  summary: '简介',
  field: 'new_energy',
  trl: 5,
  dealTypes: ['license'],
  askingPrice: 500000,
  currency: 'CNY',
  registrationNo: status === 'published' ? '6500002026A0001' : null,
  organization: { id: 'org_seller', name: '石河子大学', type: 'university' },
  publishedAt: null,
  updatedAt: '2026-03-01T00:00:00Z',
  ...extra,
});

describe('Role workspaces', () => {
  it('shows each role its own navigation', async () => {
    logIn();
    installFetch((req) =>
      req.path === '/api/me' ? json(200, person('broker')) : json(200, { items: [], nextCursor: null, unread: 0 }),
    );
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: '经纪业务' }).getAttribute('href')).toBe('/broker'),
    );
    expect(within(nav).queryByRole('link', { name: '管理后台' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: '我的成果' })).toBeNull();
  });

  it("lists a seller's listings with their status, the reviewer's feedback, and submits a draft", async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me')
        return json(200, person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' }));
      if (req.path === '/api/listings')
        return json(200, {
          items: [
            summary('lst_d', 'draft'),
            summary('lst_r', 'rejected', { rejectionReason: '缺少专利号' }),
            summary('lst_p', 'published'),
          ],
          nextCursor: null,
        });
      if (req.path === '/api/listings/lst_d/submit')
        return json(200, { ...summary('lst_d', 'submitted'), updatedAt: '2026-03-02T00:00:00Z' });
      if (req.path === '/api/deals') return json(200, { items: [], nextCursor: null });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/seller');
    const draft = (await screen.findByRole('link', { name: '成果 lst_d' })).closest('article')!;
    expect(within(draft).getByText('草稿')).toBeTruthy();
    const rejected = screen.getByRole('link', { name: '成果 lst_r' }).closest('article')!;
    expect(within(rejected).getByText('缺少专利号')).toBeTruthy();
    expect(within(rejected).getByRole('link', { name: '修改' }).getAttribute('href')).toBe(
      '/seller/listings/lst_r/edit',
    );
    const published = screen.getByRole('link', { name: '成果 lst_p' }).closest('article')!;
    expect(within(published).queryByRole('link', { name: '修改' })).toBeNull();
    expect(within(published).getByText(/6500002026A0001/)).toBeTruthy();
    expect(sent.find((r) => r.path === '/api/listings')?.query.get('mine')).toBe('true');

    fireEvent.click(within(draft).getByRole('button', { name: '提交审核' }));
    expect(await within(draft).findByText('待审核')).toBeTruthy();
    expect(await screen.findByText('还没有交易。在成果详情页可以发起洽谈。')).toBeTruthy();
  });

  it('saves the current search with its filters', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      if (req.path === '/api/search/listings')
        return json(200, { hits: [], total: 0, facets: {}, processingTimeMs: 1 });
      if (req.path === '/api/saved-searches') return json(201, { id: 'svs_1', name: '滴灌', query: {}, createdAt: '' });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/search?q=滴灌&field=modern_agriculture&trlMin=5');
    fireEvent.click(await screen.findByRole('button', { name: '订阅此检索' }));
    expect((screen.getByLabelText('订阅名称') as HTMLInputElement).value).toBe('滴灌');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已订阅此检索。')).toBeTruthy();
    expect(sent.find((r) => r.path === '/api/saved-searches')?.body).toEqual({
      name: '滴灌',
      query: { q: '滴灌', field: ['modern_agriculture'], trlMin: 5 },
    });
  });

  it('marks notifications read and follows only links inside the app', async () => {
    logIn();
    const items = [
      {
        id: 'ntf_1',
        kind: 'deal.update',
        title: '收到新的洽谈请求',
        titleEn: 'New inquiry',
        body: '',
        link: '/deals/dl_1',
        data: {},
        readAt: null,
        createdAt: '2026-03-01T00:00:00Z',
      },
      {
        id: 'ntf_2',
        kind: 'x',
        title: '外部链接',
        titleEn: 'External',
        body: '',
        link: 'https://evil.example/',
        data: {},
        readAt: null,
        createdAt: '2026-03-01T00:00:00Z',
      },
    ];
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      if (req.path === '/api/notifications') return json(200, { items, nextCursor: null, unread: 2 });
      if (req.path === '/api/notifications/read-all') return json(200, { updated: 2 });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/notifications');
    expect((await screen.findByRole('link', { name: '收到新的洽谈请求' })).getAttribute('href')).toBe('/deals/dl_1');
    expect(screen.queryByRole('link', { name: '外部链接' })).toBeNull();
    expect(screen.getAllByRole('button', { name: '标为已读' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(screen.queryAllByRole('button', { name: '标为已读' })).toHaveLength(0));
    expect(sent.some((r) => r.path === '/api/notifications/read-all' && r.method === 'POST')).toBe(true);
  });
});
