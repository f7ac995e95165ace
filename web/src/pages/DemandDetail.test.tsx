import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';
import { demand } from '../testing/public-fixtures.js';

const answer = {
  id: 'drs_1',
  demandId: 'dem_1',
  listing: {
    id: 'lst_1',
    title: '膜下滴灌技术',
    titleEn: 'Drip irrigation under film',
    summary: '节水',
    field: 'modern_agriculture',
    trl: 7,
    askingPrice: 100000,
    organization: { id: 'org_s', name: '石河子大学' },
  },
  responder: { organization: { id: 'org_s', name: '石河子大学' }, role: 'seller' },
  message: '可现场演示',
  createdAt: '2026-03-02T00:00:00Z',
};
const noMatches = { demandId: 'dem_1', items: [] };
const listing = (id: string, title: string, status: string) => ({ id, title, titleEn: null, status });

describe('Demand page', () => {
  it('a seller answers with one of its published listings and sees its answer', async () => {
    logIn();
    let answered = false;
    const sent = installFetch((req) => {
      if (req.path === '/api/me')
        return json(200, person('seller', { id: 'org_s', name: '石河子大学', type: 'university' }));
      if (req.path === '/api/demands/dem_1') return json(200, demand());
      if (req.path === '/api/demands/dem_1/matches') return json(200, noMatches);
      if (req.path === '/api/listings')
        return json(200, {
          items: [listing('lst_0', '草稿成果', 'draft'), listing('lst_1', '膜下滴灌技术', 'published')],
          nextCursor: null,
        });
      if (req.path === '/api/demands/dem_1/responses' && req.method === 'POST') {
        answered = true;
        return json(201, answer);
      }
      if (req.path === '/api/demands/dem_1/responses')
        return json(200, { items: answered ? [answer] : [], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/demands/dem_1');
    expect(await screen.findByRole('heading', { level: 1, name: /棉田节水灌溉/ })).toBeTruthy();
    const form = await screen.findByRole('region', { name: '用成果应答' });
    const select = await within(form).findByLabelText('应答成果');
    // Only published listings can answer.
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['膜下滴灌技术']);
    expect(screen.queryByRole('button', { name: '关闭需求' })).toBeNull();
    fireEvent.change(within(form).getByLabelText('说明（选填）'), { target: { value: '可现场演示' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交应答' }));
    expect(await screen.findByText('应答已提交，需求方会收到通知。')).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ listingId: 'lst_1', message: '可现场演示' });
    const mine = await screen.findByRole('region', { name: '我方的应答' });
    expect(await within(mine).findByText('可现场演示')).toBeTruthy();
  });

  it('says so when the demand closed meanwhile (409 DEMAND_CLOSED)', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('broker'));
      if (req.path === '/api/demands/dem_1') return json(200, demand());
      if (req.path === '/api/demands/dem_1/matches') return json(200, noMatches);
      if (req.path === '/api/search/listings')
        return json(200, { hits: [{ id: 'lst_9', title: '自清洁涂层', summary: 's' }], total: 1, facets: {} });
      if (req.path === '/api/demands/dem_1/responses' && req.method === 'POST')
        return problem(409, 'DEMAND_CLOSED', 'closed');
      if (req.path === '/api/demands/dem_1/responses') return json(200, { items: [], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/demands/dem_1');
    const form = await screen.findByRole('region', { name: '用成果应答' });
    await within(form).findByRole('option', { name: '自清洁涂层' });
    fireEvent.click(within(form).getByRole('button', { name: '提交应答' }));
    expect((await screen.findByRole('alert')).textContent).toBe('需求已关闭，无法应答。');
  });

  it('the owner reads the answers in English with the English title, edits and closes the demand', async () => {
    logIn();
    let current = demand();
    const sent = installFetch((req) => {
      if (req.path === '/api/me')
        return json(200, person('buyer', { id: 'org_b', name: '节水公司', type: 'enterprise' }));
      if (req.path === '/api/demands/dem_1' && req.method === 'PATCH') {
        current = demand({ ...(req.body as object) });
        return json(200, current);
      }
      if (req.path === '/api/demands/dem_1/close') {
        current = demand({ ...current, status: 'closed' });
        return json(200, current);
      }
      if (req.path === '/api/demands/dem_1') return json(200, current);
      if (req.path === '/api/demands/dem_1/matches') return json(200, noMatches);
      if (req.path === '/api/demands/dem_1/responses') return json(200, { items: [answer], nextCursor: null });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/demands/dem_1', 'en');
    const answers = await screen.findByRole('region', { name: 'Answers received' });
    expect(await within(answers).findByRole('link', { name: 'Drip irrigation under film' })).toBeTruthy();
    expect(within(answers).getByText('Answered by 石河子大学 (Seller)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit the demand' }));
    const title = await screen.findByLabelText('Title');
    expect((screen.getByLabelText('Budget (CNY, optional)') as HTMLInputElement).value).toBe('1,500,000.50');
    fireEvent.change(title, { target: { value: '棉田节水灌溉（更新）' } });
    fireEvent.change(screen.getByLabelText('Budget (CNY, optional)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The demand is updated.')).toBeTruthy();
    expect(sent.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      title: '棉田节水灌溉（更新）',
      budget: null,
      region: '第八师石河子市',
    });
    expect(screen.getByRole('heading', { level: 1, name: /棉田节水灌溉（更新）/ })).toBeTruthy();

    const confirm = vi.fn((_message?: string) => true).mockReturnValueOnce(false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Close the demand' }));
    expect(sent.some((r) => r.path === '/api/demands/dem_1/close')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Close the demand' }));
    expect(await screen.findByText('This demand is closed and takes no more answers.')).toBeTruthy();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(confirm.mock.calls[0][0]).toContain('takes no more answers');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit the demand' })).toBeNull());
  });
});
