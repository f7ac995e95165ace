import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const buyer = {
  id: 'usr_b',
  email: 'buyer@example.cn',
  name: '赵敏',
  role: 'buyer',
  createdAt: '2026-01-01T00:00:00Z',
  organization: { id: 'org_b', name: '节水公司', nameEn: null, type: 'enterprise', region: null },
};

describe('Demands page', () => {
  it("posts a buyer's demand with the budget in fen and shows the ranked matches", async () => {
    window.localStorage.setItem('tte.accessToken', 'acc');
    window.localStorage.setItem('tte.refreshToken', 'ref-token-0123456789');
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, buyer);
      if (req.path === '/api/demands' && req.method === 'POST') return json(201, { id: 'dem_1' });
      if (req.path === '/api/demands')
        return json(200, {
          items: [
            { id: 'dem_1', title: '棉田节水灌溉', field: 'modern_agriculture', createdAt: '2026-03-01T00:00:00Z' },
          ],
          nextCursor: null,
        });
      if (req.path === '/api/demands/dem_1/matches') {
        return json(200, {
          demandId: 'dem_1',
          items: [
            {
              score: 87.5,
              reasons: ['field', 'budget'],
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
        });
      }
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/demands');
    fireEvent.change(await screen.findByLabelText('需求名称'), { target: { value: '棉田节水灌溉' } });
    fireEvent.change(screen.getByLabelText('需求描述'), { target: { value: '需要适用于棉田的滴灌控制技术' } });
    fireEvent.change(screen.getByLabelText('预算（元，选填）'), { target: { value: '1,500,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: '发布并匹配' }));
    expect(await screen.findByText('请至少选择一种转化方式')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/demands' && r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: '技术许可' }));
    fireEvent.click(screen.getByRole('button', { name: '发布并匹配' }));
    await waitFor(() => expect(router.state.location.search).toBe('?demand=dem_1'));
    expect(sent.find((r) => r.path === '/api/demands' && r.method === 'POST')?.body).toEqual({
      title: '棉田节水灌溉',
      description: '需要适用于棉田的滴灌控制技术',
      field: 'information_network',
      dealTypes: ['license'],
      budget: 150000050,
    });
    expect(await screen.findByText('匹配度 87.5')).toBeTruthy();
    expect(screen.getByText('价格在预算内')).toBeTruthy();
    expect(screen.getByRole('link', { name: '膜下滴灌技术' }).getAttribute('href')).toBe('/listings/lst_1');
    const mine = screen.getByRole('region', { name: '我发布的需求' });
    expect(within(mine).getByRole('link', { name: '棉田节水灌溉' }).getAttribute('aria-current')).toBe('true');
    expect(sent.find((r) => r.path === '/api/demands' && r.method === 'GET')?.query.get('mine')).toBe('true');
  });

  it('asks a visitor to log in as a buyer', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'none'));
    renderApp('/demands');
    expect(await screen.findByRole('link', { name: '登录需求方账号后即可发布技术需求。' })).toBeTruthy();
    expect(screen.queryByLabelText('需求名称')).toBeNull();
  });
});
