import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const stats = {
  currency: 'CNY',
  listings: {
    published: 12,
    byField: [
      { field: 'modern_agriculture', count: 7 },
      { field: 'new_energy', count: 2 },
      { field: 'smart_city', count: 0 },
    ],
    byTrl: [
      { trl: 7, count: 5 },
      { trl: 3, count: 1 },
    ],
  },
  deals: { signed: 4, contractValue: 350_000_000 },
  contracts: { registered: 3 },
};

describe('Statistics', () => {
  it('shows the public figures and draws bar charts in SVG, largest field first, TRL in order', async () => {
    const sent = installFetch((req) =>
      req.path === '/api/stats/public' ? json(200, stats) : problem(401, 'UNAUTHENTICATED', 'none'),
    );
    const { container } = renderApp('/statistics');
    expect(await screen.findByRole('heading', { level: 1, name: '统计数据' })).toBeTruthy();
    expect(await screen.findByText('¥3,500,000.00')).toBeTruthy();
    const tile = (name: string) => screen.getByText(name).closest('div')!.querySelector('dd')!.textContent;
    expect(tile('已发布成果')).toBe('12');
    expect(tile('已签约交易')).toBe('4');
    expect(tile('已认定登记的技术合同')).toBe('3');

    const byField = screen.getByRole('figure', { name: '已发布成果的领域分布' });
    const bars = [...byField.querySelectorAll('g[data-key]')].map((g) => g.getAttribute('data-key'));
    expect(bars).toEqual(['modern_agriculture', 'new_energy']);
    const widths = [...byField.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(within(byField).getByRole('row', { name: '现代农业 7' })).toBeTruthy();

    const byTrl = screen.getByRole('figure', { name: '已发布成果的技术成熟度分布' });
    expect([...byTrl.querySelectorAll('g[data-key]')].map((g) => g.getAttribute('data-key'))).toEqual(['3', '7']);
    expect(container.querySelectorAll('canvas')).toHaveLength(0);
    expect(sent.every((r) => r.auth === null)).toBe(true);
  });
});
