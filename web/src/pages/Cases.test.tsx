import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const summary = {
  id: 'cas_1',
  title: '膜下滴灌技术许可第八师',
  summary: '石河子大学将膜下滴灌技术许可给绿洲节水公司。',
  field: 'modern_agriculture',
  dealType: 'license',
  organizations: [
    { id: 'org_s', name: '石河子大学' },
    { id: null, name: '绿洲节水公司' },
  ],
  value: 120_000_000,
  currency: 'CNY',
  year: 2025,
  published: true,
  updatedAt: '2026-01-01T00:00:00Z',
};
const detail = {
  ...summary,
  body: '项目背景：棉田缺水。\n\n转化过程：双方签订许可合同。',
  listing: {
    id: 'lst_1',
    title: '棉花膜下滴灌水肥一体化技术',
    titleEn: 'Drip irrigation under film',
    registrationNo: 'BT-2026-0001',
  },
  createdAt: '2026-01-01T00:00:00Z',
};

describe('Cases', () => {
  it('lists the success stories with their form, year, parties and value, and searches by words', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/cases') return json(200, { items: [summary], nextCursor: null });
      return problem(401, 'UNAUTHENTICATED', 'none');
    });
    const { router } = renderApp('/cases');
    expect(await screen.findByRole('heading', { level: 1, name: '典型案例' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: '膜下滴灌技术许可第八师' });
    expect(link.getAttribute('href')).toBe('/cases/cas_1');
    const card = link.closest('article')!;
    expect(within(card).getByText('技术许可')).toBeTruthy();
    expect(within(card).getByText('2025 年')).toBeTruthy();
    expect(within(card).getByText('石河子大学、绿洲节水公司')).toBeTruthy();
    expect(within(card).getByText('成交金额: ¥1,200,000.00')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: '案例名称或简介中的词' }), { target: { value: '滴灌' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E6%BB%B4%E7%81%8C'));
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path === '/api/cases')
          .at(-1)
          ?.query.get('q'),
      ).toBe('滴灌'),
    );
  });

  it('shows a case with its story in paragraphs and the linked listing; an unknown id says not found', async () => {
    installFetch((req) => {
      if (req.path === '/api/cases/cas_1') return json(200, detail);
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/cases/cas_1', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: '膜下滴灌技术许可第八师' })).toBeTruthy();
    expect(screen.getByText('Licence')).toBeTruthy();
    expect(screen.getByText('项目背景：棉田缺水。').tagName).toBe('P');
    expect(screen.getByText('转化过程：双方签订许可合同。').tagName).toBe('P');
    expect(screen.getByRole('link', { name: 'Drip irrigation under film' }).getAttribute('href')).toBe(
      '/listings/lst_1',
    );
    expect(screen.getByRole('link', { name: 'Back to the success stories' }).getAttribute('href')).toBe('/cases');
  });

  it('says when a case does not exist', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'none'));
    renderApp('/cases/cas_000000000000000000000');
    expect(await screen.findByText('没有找到这个案例。')).toBeTruthy();
  });
});
