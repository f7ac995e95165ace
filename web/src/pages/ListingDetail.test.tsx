import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Listing, User } from '../api/types.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const listing: Listing = {
  id: 'lst_1',
  status: 'published',
  organization: { id: 'org_s', name: '石河子大学', type: 'university' },
  title: '膜下滴灌节水灌溉技术',
  titleEn: 'Drip irrigation under film',
  summary: '适用于棉花的节水灌溉。',
  description: '详细说明',
  keywords: ['滴灌', '棉花'],
  category: 'applied_technology',
  field: 'modern_agriculture',
  form: 'new_technology',
  trl: 7,
  stage: 'mature',
  level: 'domestic_leading',
  ipType: 'invention_patent',
  ipNumbers: ['ZL201910123456.7'],
  dealTypes: ['license', 'transfer'],
  askingPrice: 50000000,
  currency: 'CNY',
  fundingSource: 'fiscal_corps',
  region: '660800',
  inventors: [{ name: '王强', title: '教授' }],
  contact: null,
  ndaRequired: true,
  canSeeConfidential: false,
  attachments: [],
  registrationNo: '6500002026A0001',
  submittedAt: '2026-01-20T00:00:00Z',
  publishedAt: '2026-02-01T00:00:00Z',
  withdrawnAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-02-01T00:00:00Z',
};

const person = (role: User['role']): User => ({
  id: 'usr_b',
  email: 'buyer@example.cn',
  name: '赵敏',
  role,
  createdAt: '2026-01-01T00:00:00Z',
  organization: { id: 'org_b', name: '节水公司', nameEn: null, type: 'enterprise', region: null },
});

function logIn() {
  window.localStorage.setItem('tte.accessToken', 'acc');
  window.localStorage.setItem('tte.refreshToken', 'ref-token-0123456789');
}

describe('Listing detail', () => {
  it('shows the public part and says the confidential part needs an NDA', async () => {
    installFetch((req) =>
      req.path === '/api/listings/lst_1' ? json(200, listing) : problem(404, 'NOT_FOUND', 'none'),
    );
    renderApp('/listings/lst_1');
    expect(await screen.findByRole('heading', { level: 1, name: '膜下滴灌节水灌溉技术' })).toBeTruthy();
    expect(screen.getByText('¥500,000.00')).toBeTruthy();
    expect(screen.getByText('技术许可、技术转让')).toBeTruthy();
    expect(screen.getByText('TRL 7 · 实际环境原型演示')).toBeTruthy();
    expect(screen.getByText('保密信息在签署保密协议后可见。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '登录需求方账号后即可发起交易。' }).getAttribute('href')).toBe(
      '/login?next=%2Flistings%2Flst_1',
    );
    // The title is set by an effect, which may run after the heading is on screen.
    await waitFor(() => expect(document.title).toBe('膜下滴灌节水灌溉技术 - 科技成果转移转化交易平台'));
  });

  it('shows the confidential part when the API sends it', async () => {
    installFetch((req) =>
      req.path === '/api/listings/lst_1'
        ? json(200, { ...listing, confidentialDetails: '配方：A+B', canSeeConfidential: true })
        : problem(404, 'NOT_FOUND', 'none'),
    );
    renderApp('/listings/lst_1');
    expect(await screen.findByRole('heading', { name: '保密信息' })).toBeTruthy();
    expect(screen.getByText('配方：A+B')).toBeTruthy();
  });

  it("lets a buyer open a deal of one of the listing's types and goes to the deal", async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('buyer'));
      if (req.path === '/api/listings/lst_1') return json(200, listing);
      if (req.path === '/api/deals') return json(201, { id: 'dea_9', type: 'transfer', state: 'inquiry' });
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/listings/lst_1');
    fireEvent.click(await screen.findByRole('radio', { name: '技术转让' }));
    fireEvent.change(screen.getByLabelText('留言（选填）'), { target: { value: '希望了解许可范围' } });
    fireEvent.click(screen.getByRole('button', { name: '发起洽谈' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/dea_9'));
    const open = sent.find((r) => r.path === '/api/deals')!;
    expect(open).toMatchObject({
      method: 'POST',
      auth: 'Bearer acc',
      body: { listingId: 'lst_1', type: 'transfer', message: '希望了解许可范围' },
    });
  });

  it('offers no deal to a seller', async () => {
    logIn();
    installFetch((req) => (req.path === '/api/me' ? json(200, person('seller')) : json(200, listing)));
    renderApp('/listings/lst_1');
    expect(await screen.findByText('只有需求方可以发起交易。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发起洽谈' })).toBeNull();
  });

  it('says a hidden or missing listing is not there', async () => {
    installFetch(() => problem(404, 'NOT_FOUND', 'Listing not found'));
    renderApp('/listings/lst_x');
    expect(await screen.findByText('该成果不存在或尚未发布。')).toBeTruthy();
  });
});
