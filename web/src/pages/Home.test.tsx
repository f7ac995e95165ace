import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const hit = (id: string, title: string) => ({
  id,
  title,
  summary: `${title}的简介`,
  field: 'new_energy',
  trl: 6,
  dealTypes: ['transfer'],
});

describe('Home page and layout', () => {
  it('loads each block on its own and keeps a failing block quiet', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/search/listings')
        return json(200, { hits: [hit('lst_1', '光伏储能控制系统')], total: 1, facets: {}, processingTimeMs: 1 });
      if (req.path === '/api/packages') return problem(404, 'NOT_FOUND', 'No route GET /api/packages');
      return problem(503, 'UNAVAILABLE', 'down');
    });
    renderApp('/');
    expect(await screen.findByRole('link', { name: '光伏储能控制系统' })).toBeTruthy();
    const latest = sent.find((r) => r.path === '/api/search/listings')!;
    expect(latest.query.get('sort')).toBe('newest');
    expect(latest.query.get('limit')).toBe('6');

    const packages = screen.getByRole('heading', { name: '科技成果包' }).closest('section')!;
    await waitFor(() => expect(within(packages).getByText('暂无内容')).toBeTruthy());
    const policies = screen.getByRole('heading', { name: '政策汇编' }).closest('section')!;
    await waitFor(() => expect(within(policies).getByText('服务暂时不可用，请稍后再试。')).toBeTruthy());
    expect(within(policies).getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('links the eight key fields to a filtered search, and the search box to a query', async () => {
    installFetch(() => json(200, { items: [], nextCursor: null, hits: [], total: 0, facets: {}, processingTimeMs: 0 }));
    const { router } = renderApp('/');
    const tiles = (await screen.findByRole('heading', { name: '重点领域' })).closest('section')!;
    const links = within(tiles).getAllByRole('link');
    expect(links).toHaveLength(8);
    expect(within(tiles).getByRole('link', { name: '现代农业' }).getAttribute('href')).toBe(
      '/search?field=modern_agriculture',
    );

    fireEvent.change(screen.getByLabelText('搜索科技成果'), { target: { value: ' 滴灌 ' } });
    fireEvent.submit(screen.getAllByRole('search')[0]);
    await waitFor(() =>
      expect(router.state.location.pathname + router.state.location.search).toBe('/search?q=%E6%BB%B4%E7%81%8C'),
    );
  });

  it('switches language, remembers it and updates <html lang>', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'none'));
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '成果' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));

    fireEvent.click(screen.getByRole('button', { name: '切换为英文界面' }));
    const enNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(enNav).getByRole('link', { name: 'Technologies' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(window.localStorage.getItem('tte.locale')).toBe('en');
    expect(screen.getByRole('link', { name: 'Log in' })).toBeTruthy();
  });

  it('shows the not-found page for an unknown path', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'none'));
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('页面不存在 - 科技成果转移转化交易平台'));
  });
});
