import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';

describe('Broker desk', () => {
  it('tells a broker with nothing assigned what happens next and where to start', async () => {
    logIn();
    installFetch((req) =>
      req.path === '/api/me' ? json(200, person('broker')) : json(200, { items: [], nextCursor: null, unread: 0 }),
    );
    renderApp('/broker');
    const deals = (await screen.findByRole('heading', { name: '指派给我的交易' })).closest('section')!;
    expect(await within(deals).findByText('还没有指派给您的交易。')).toBeTruthy();
    expect(within(deals).getByText(/科技局把一笔交易指派给您后/)).toBeTruthy();
    expect(within(deals).getByRole('link', { name: '去需求大厅' }).getAttribute('href')).toBe('/demands');
    expect(within(deals).getByRole('link', { name: '浏览成果' }).getAttribute('href')).toBe('/search');
  });
});
