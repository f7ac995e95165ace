import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../public/prose.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const policy = {
  id: 'pol_1',
  title: '中华人民共和国促进科技成果转化法',
  issuingBody: '全国人民代表大会常务委员会',
  documentNumber: '主席令第32号',
  issuedOn: '2015-08-29',
  year: 2015,
  level: 'national',
  category: 'law',
  tags: ['协议定价'],
  sourceUrl: 'https://www.gov.cn/law.htm',
  published: true,
  updatedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  body: '第十八条：国家设立的研究开发机构……应当在本单位公示。\n\n第四十三条：收入全部留归本单位。',
};

describe('Policy detail', () => {
  it('splits a body into paragraphs and sets article numbers apart', () => {
    expect(paragraphsOf(' 总则\r\n\n第十八条：可以自主决定。\n第二章 转化 ')).toEqual([
      { article: null, text: '总则' },
      { article: '第十八条', text: '可以自主决定。' },
      { article: '第二章', text: '转化' },
    ]);
  });

  it('renders the policy readably with its facts, and the list links to it', async () => {
    installFetch((req) => {
      if (req.path === '/api/policies/pol_1') return json(200, policy);
      if (req.path === '/api/policies') return json(200, { items: [policy], nextCursor: null });
      return problem(401, 'UNAUTHENTICATED', 'none');
    });
    const { router } = renderApp('/policies');
    const link = await screen.findByRole('link', { name: policy.title });
    expect(link.getAttribute('href')).toBe('/policies/pol_1');
    fireEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/pol_1'));
    expect(await screen.findByRole('heading', { level: 1, name: policy.title })).toBeTruthy();
    expect(screen.getByText('主席令第32号')).toBeTruthy();
    expect(screen.getByText('第十八条').tagName).toBe('STRONG');
    expect(screen.getByText('收入全部留归本单位。').closest('p')?.textContent).toBe('第四十三条收入全部留归本单位。');
    expect(screen.getByRole('link', { name: '原文链接' }).getAttribute('href')).toBe('https://www.gov.cn/law.htm');
  });

  it('says when a policy does not exist', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'none'));
    renderApp('/policies/pol_000000000000000000000');
    expect(await screen.findByText('没有找到这项政策。')).toBeTruthy();
  });
});
