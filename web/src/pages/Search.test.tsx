import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../api/types.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const result = (over: Partial<SearchResult> = {}): SearchResult => ({
  hits: [
    {
      id: 'lst_1',
      title: '膜下滴灌节水灌溉技术',
      summary: '适用于棉花的节水灌溉',
      _highlight: {
        title: '膜下滴灌<mark>节水</mark>灌溉技术<img src=x onerror="window.hacked=1">',
        summary: '适用于棉花的<mark>节水</mark>灌溉',
      },
      keywords: ['滴灌'],
      field: 'modern_agriculture',
      trl: 7,
      stage: 'mature',
      level: 'domestic_leading',
      ipType: 'invention_patent',
      dealTypes: ['license'],
      fundingSource: 'fiscal_corps',
      askingPrice: 12345600,
      currency: 'CNY',
      publishedAt: '2026-02-01T00:00:00.000Z',
      organization: { id: 'org_1', name: '石河子大学' },
    },
  ],
  total: 45,
  facets: {
    field: { modern_agriculture: 30, new_energy: 15 },
    trl: { 7: 20 },
    dealType: {},
    ipType: {},
    stage: {},
    level: {},
    fundingSource: {},
    region: { '660800': 40, '660100': 5 },
  },
  processingTimeMs: 3,
  limit: 20,
  offset: 0,
  ...over,
});

const searches = (sent: ReturnType<typeof installFetch>) => sent.filter((r) => r.path === '/api/search/listings');

describe('Search page', () => {
  it('reads the whole search from the URL and asks the API for it', async () => {
    const sent = installFetch(() => json(200, result()));
    renderApp('/search?q=%E8%8A%82%E6%B0%B4&field=new_energy&trlMin=6&sort=newest&page=2');

    expect(await screen.findByText('共 45 项成果')).toBeTruthy();
    expect(searches(sent)[0].query.toString()).toBe(
      'q=%E8%8A%82%E6%B0%B4&field=new_energy&trlMin=6&sort=newest&limit=20&offset=20',
    );
    expect((screen.getByLabelText('最低') as HTMLSelectElement).value).toBe('6');
    expect((screen.getByLabelText('最高') as HTMLSelectElement).value).toBe('9');
    expect(screen.getAllByRole('option', { name: 'TRL 7 实际环境原型演示 (20)' })).toHaveLength(2);
    expect((screen.getByLabelText('关键词') as HTMLInputElement).value).toBe('节水');
    expect((screen.getByRole('checkbox', { name: /新能源/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /现代农业/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('排序') as HTMLSelectElement).value).toBe('newest');
    expect(screen.getByText('第 2 页，共 3 页')).toBeTruthy();
  });

  it('puts each change in the URL, restarting at page 1, and the back button restores the earlier search', async () => {
    const sent = installFetch(() => json(200, result()));
    const { router } = renderApp('/search?q=%E8%8A%82%E6%B0%B4&page=2');
    await screen.findByText('共 45 项成果');

    fireEvent.click(screen.getByRole('checkbox', { name: /现代农业/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E8%8A%82%E6%B0%B4&field=modern_agriculture'));
    await waitFor(() => expect(searches(sent).at(-1)?.query.get('offset')).toBe('0'));
    expect(searches(sent).at(-1)?.query.getAll('field')).toEqual(['modern_agriculture']);

    fireEvent.change(screen.getByLabelText('排序'), { target: { value: 'price_asc' } });
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=%E8%8A%82%E6%B0%B4&field=modern_agriculture&sort=price_asc'),
    );

    // Raising the upper end below the lower one drags the lower end down with it.
    fireEvent.change(screen.getByLabelText('最低'), { target: { value: '7' } });
    await waitFor(() => expect(router.state.location.search).toContain('trlMin=7&'));
    fireEvent.change(screen.getByLabelText('最高'), { target: { value: '5' } });
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?q=%E8%8A%82%E6%B0%B4&field=modern_agriculture&trlMin=5&trlMax=5&sort=price_asc',
      ),
    );
    await waitFor(() => expect(searches(sent).at(-1)?.query.get('trlMax')).toBe('5'));

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '棉花' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?q=%E6%A3%89%E8%8A%B1&field=modern_agriculture&trlMin=5&trlMax=5&sort=price_asc',
      ),
    );

    for (let i = 0; i < 4; i++) await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E8%8A%82%E6%B0%B4&field=modern_agriculture'));
    expect((screen.getByLabelText('关键词') as HTMLInputElement).value).toBe('节水');
    expect((screen.getByLabelText('排序') as HTMLSelectElement).value).toBe('relevance');

    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E8%8A%82%E6%B0%B4&page=2'));
    expect((screen.getByRole('checkbox', { name: /现代农业/ }) as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(searches(sent).at(-1)?.query.get('offset')).toBe('20'));
  });

  it('renders the highlight marks and nothing else from the highlight HTML', async () => {
    installFetch(() => json(200, result()));
    renderApp('/search?q=%E8%8A%82%E6%B0%B4');
    await screen.findByText('共 45 项成果');
    const link = document.querySelector<HTMLAnchorElement>('.card-title a')!;
    expect(link.getAttribute('href')).toBe('/listings/lst_1');
    expect(link.querySelector('mark')?.textContent).toBe('节水');
    expect(link.querySelector('img')).toBeNull();
    expect(link.textContent).toContain('<img src=x');
    expect(screen.getByText('¥123,456.00', { exact: false })).toBeTruthy();
    expect(screen.getByText('石河子大学')).toBeTruthy();
  });

  it('says so quietly when search is unavailable, and retries on request', async () => {
    let up = false;
    const sent = installFetch(() =>
      up ? json(200, result({ total: 1 })) : problem(503, 'UNAVAILABLE', 'search is down'),
    );
    renderApp('/search');
    expect(await screen.findByText('检索服务暂时不可用，请稍后再试。')).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('共 1 项成果')).toBeTruthy();
    expect(searches(sent)).toHaveLength(2);
  });
});
