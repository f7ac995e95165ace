import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';
import { demand } from '../testing/public-fixtures.js';

const buyer = person('buyer', { id: 'org_b', name: '节水公司', type: 'enterprise' });

const matches = {
  demandId: 'dem_1',
  items: [
    {
      score: 87.5,
      reasons: ['text', 'field', 'budget'],
      matchedWords: ['滴灌', '棉田'],
      listing: {
        id: 'lst_1',
        title: '膜下滴灌技术',
        summary: '节水',
        field: 'modern_agriculture',
        trl: 7,
        dealTypes: ['license'],
        askingPrice: 100000,
        organization: { id: 'org_s', name: '石河子大学' },
      },
    },
  ],
};

describe('Demand board', () => {
  it("posts a buyer's demand with the budget in fen and opens its page with the ranked matches", async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, buyer);
      if (req.path === '/api/demands' && req.method === 'POST') return json(201, demand());
      if (req.path === '/api/demands') return json(200, { items: [demand()], nextCursor: null });
      if (req.path === '/api/demands/dem_1') return json(200, demand());
      if (req.path === '/api/demands/dem_1/matches') return json(200, matches);
      if (req.path === '/api/demands/dem_1/responses') return json(200, { items: [], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/demands');
    fireEvent.click(await screen.findByRole('button', { name: '发布技术需求' }));
    fireEvent.change(await screen.findByLabelText('需求名称'), { target: { value: '棉田节水灌溉' } });
    fireEvent.change(screen.getByLabelText('需求描述'), { target: { value: '需要适用于棉田的滴灌控制技术' } });
    fireEvent.change(screen.getByLabelText('预算（元，选填）'), { target: { value: '1,500,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: '发布并匹配' }));
    expect(await screen.findByText('请至少选择一种转化方式')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/demands' && r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: '技术许可' }));
    fireEvent.click(screen.getByRole('button', { name: '发布并匹配' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/demands/dem_1'));
    expect(sent.find((r) => r.path === '/api/demands' && r.method === 'POST')?.body).toEqual({
      title: '棉田节水灌溉',
      description: '需要适用于棉田的滴灌控制技术',
      field: 'information_network',
      dealTypes: ['license'],
      budget: 150000050,
    });
    expect(await screen.findByText('匹配度 87.5')).toBeTruthy();
    expect(screen.getByText('价格在预算内')).toBeTruthy();
    expect(screen.getByText('共同词语：滴灌、棉田')).toBeTruthy();
    expect(screen.getByRole('link', { name: '膜下滴灌技术' }).getAttribute('href')).toBe('/listings/lst_1');
    // The owner reads the answers and may edit or close.
    expect(await screen.findByRole('region', { name: '收到的应答' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭需求' })).toBeTruthy();
  });

  it('shows the board to a visitor, who is asked to log in only to post, and sends the filters', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/demands')
        return json(200, {
          items: [demand(), demand({ id: 'dem_2', title: '光伏防尘涂层', budget: null })],
          nextCursor: null,
        });
      return problem(401, 'UNAUTHENTICATED', 'none');
    });
    const { router } = renderApp('/demands');
    expect(await screen.findByRole('heading', { level: 1, name: '需求大厅' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '棉田节水灌溉' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '棉田节水灌溉' }).getAttribute('href')).toBe('/demands/dem_1');
    expect(screen.getByText('预算: ¥1,500,000.50')).toBeTruthy();
    expect(screen.getByText('预算: 面议')).toBeTruthy();
    expect(screen.getByRole('link', { name: '登录需求方账号后即可发布技术需求。' })).toBeTruthy();
    expect(screen.queryByLabelText('需求名称')).toBeNull();
    expect(sent.find((r) => r.path === '/api/demands')?.query.get('status')).toBe('open');

    const filters = screen.getByRole('search');
    fireEvent.change(within(filters).getByLabelText('关键词'), { target: { value: '滴灌' } });
    fireEvent.change(within(filters).getByLabelText('领域'), { target: { value: 'modern_agriculture' } });
    fireEvent.change(within(filters).getByLabelText('地区'), { target: { value: '石河子' } });
    fireEvent.change(within(filters).getByLabelText('预算下限（元）'), { target: { value: 'abc' } });
    fireEvent.click(within(filters).getByRole('button', { name: '筛选' }));
    expect(await within(filters).findByText('请输入金额，例如 50000')).toBeTruthy();
    fireEvent.change(within(filters).getByLabelText('预算下限（元）'), { target: { value: '10,000' } });
    fireEvent.change(within(filters).getByLabelText('状态'), { target: { value: 'closed' } });
    fireEvent.click(within(filters).getByRole('button', { name: '筛选' }));
    await waitFor(() => expect(router.state.location.search).toContain('status=closed'));
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/demands')).toHaveLength(2));
    const query = sent.filter((r) => r.path === '/api/demands')[1].query;
    expect(Object.fromEntries(query)).toMatchObject({
      q: '滴灌',
      field: 'modern_agriculture',
      region: '石河子',
      budgetMin: '1000000',
      status: 'closed',
    });
  });

  it('tells a seller that demands are answered from their page, without a post form', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('seller'));
      if (req.path === '/api/demands') return json(200, { items: [demand()], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/demands');
    expect(await screen.findByText('成果方和经纪人：打开一项需求，用您的成果应答。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发布技术需求' })).toBeNull();
    expect(screen.queryByText('只有需求方可以发布技术需求。')).toBeNull();
  });
});
