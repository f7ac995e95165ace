import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let admin: Session, seller: Session, buyer: Session;
const l: Record<string, { id: string; title: string }> = {};

const get = (url: string, token?: string) => t.request({ method: 'GET', url, token });
const write = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = admin.accessToken) =>
  t.request({ method, url, payload, token });
const caseBody = (over: Record<string, unknown> = {}) => ({
  title: '膜下滴灌技术许可第八师龙头企业',
  summary: '石河子大学以普通许可方式向企业许可膜下滴灌技术，三年推广 50 万亩。',
  body: '2024 年，石河子大学与企业签订技术许可合同……',
  field: 'modern_agriculture',
  dealType: 'license',
  year: 2024,
  value: 80_000_000,
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  [admin, seller, buyer] = await Promise.all([adminSession(t), registerUser(t, 'seller'), registerUser(t, 'buyer')]);
  l.drip = await createListing(t, seller, {
    publishWith: admin,
    body: { title: '膜下滴灌水肥一体化', dealTypes: ['license'] },
  });
  l.cotton = await createListing(t, seller, {
    publishWith: admin,
    body: { title: '采棉机导航', field: 'intelligent_manufacturing' },
  });
  l.jujube = await createListing(t, seller, { publishWith: admin, body: { title: '红枣保鲜' } });
  l.draft = await createListing(t, seller, { body: { title: '未发布的草稿' } });
});
afterAll(async () => {
  await t.close();
});

describe('cases', () => {
  it('links organizations by id or name, a listing and a deal, and validates them', async () => {
    const deal = await t.request({
      method: 'POST',
      url: '/api/deals',
      token: buyer.accessToken,
      payload: { listingId: l.drip.id, type: 'license' },
    });
    expect(deal.statusCode).toBe(201);
    const created = await write(
      'POST',
      '/api/cases',
      caseBody({
        organizations: [
          { id: seller.user.organization.id },
          { name: buyer.user.organization.name },
          { name: '兵团某合作社' },
        ],
        listingId: l.drip.id,
        dealId: deal.json().id,
      }),
    );
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c.organizations).toEqual([
      { id: seller.user.organization.id, name: seller.user.organization.name },
      { id: buyer.user.organization.id, name: buyer.user.organization.name },
      { id: null, name: '兵团某合作社' },
    ]);
    expect(c.dealId).toBe(deal.json().id);
    const pub = (await get(`/api/cases/${c.id}`)).json();
    expect(pub.listing).toEqual({
      id: l.drip.id,
      title: l.drip.title,
      titleEn: (l.drip as { titleEn?: string | null }).titleEn ?? null,
      registrationNo: expect.stringMatching(/^6600002026A\d{5}$/),
    });
    expect(pub).not.toHaveProperty('dealId');
    expect(pub.value).toBe(80_000_000);

    const bad = await write(
      'POST',
      '/api/cases',
      caseBody({
        organizations: [{ id: 'org_000000000000000000000' }],
        listingId: 'lst_000000000000000000000',
        dealId: deal.json().id,
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.dealId', 'body.listingId', 'body.organizations.0.id']);
    const wrongListing = await write(
      'POST',
      '/api/cases',
      caseBody({ listingId: l.cotton.id, dealId: deal.json().id }),
    );
    expect(wrongListing.json().errors).toEqual([{ path: 'body.dealId', message: 'is a deal on another listing' }]);
  });

  it('lists published cases by year, filters and searches; drafts and deletions stay hidden', async () => {
    const older = (
      await write(
        'POST',
        '/api/cases',
        caseBody({
          title: '采棉机导航系统作价入股',
          dealType: 'equity',
          field: 'intelligent_manufacturing',
          year: 2022,
          summary: '以采棉机导航专利作价入股成立公司。',
        }),
      )
    ).json();
    const draft = (await write('POST', '/api/cases', caseBody({ title: '尚未公开的案例', published: false }))).json();
    const gone = (await write('POST', '/api/cases', caseBody({ title: '将被删除的案例', year: 2023 }))).json();
    expect((await write('DELETE', `/api/cases/${gone.id}`)).statusCode).toBe(204);

    const list = (await get('/api/cases')).json();
    expect(list.items.map((c: { year: number }) => c.year)).toEqual([2024, 2022]);
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    expect((await get('/api/cases', admin.accessToken)).json().items.map((c: { id: string }) => c.id)).toContain(
      draft.id,
    );
    expect((await get(`/api/cases/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/api/cases/${gone.id}`, admin.accessToken)).statusCode).toBe(404);
    expect((await get('/api/cases?dealType=equity')).json().items.map((c: { id: string }) => c.id)).toEqual([older.id]);
    expect((await get('/api/cases?year=2022&field=intelligent_manufacturing')).json().items).toHaveLength(1);
    expect(
      (await get(`/api/cases?q=${encodeURIComponent('作价入股')}`)).json().items.map((c: { id: string }) => c.id),
    ).toEqual([older.id]);
    expect((await get(`/api/cases?q=${encodeURIComponent('100%_')}`)).json().items).toEqual([]);
    const page = (await get('/api/cases?limit=1')).json();
    const next = (await get(`/api/cases?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`)).json();
    expect(next.items.map((c: { id: string }) => c.id)).toEqual([older.id]);
  });

  it('unpublishing a case hides it; editing revalidates links', async () => {
    const c = (
      await write(
        'POST',
        '/api/cases',
        caseBody({ title: '红枣保鲜技术转让', dealType: 'transfer', listingId: l.jujube.id }),
      )
    ).json();
    expect((await write('PATCH', `/api/cases/${c.id}`, { published: false })).statusCode).toBe(200);
    expect((await get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    const badLink = await write('PATCH', `/api/cases/${c.id}`, { listingId: 'lst_000000000000000000000' });
    expect(badLink.statusCode).toBe(400);
    expect((await write('PATCH', `/api/cases/${c.id}`, { title: '仅限管理员', published: true })).json().title).toBe(
      '仅限管理员',
    );
  });
});

describe('technology packages', () => {
  let pkg: { id: string };
  it('curates only published listings, in order, and is hidden until published', async () => {
    const bad = await write('POST', '/api/packages', {
      title: '现代农业成果包',
      field: 'modern_agriculture',
      listingIds: [l.drip.id, l.draft.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'body.listingIds.1', message: 'is not a published listing' }]);
    const res = await write('POST', '/api/packages', {
      title: '现代农业成果包',
      description: '节水与特色林果',
      field: 'modern_agriculture',
      listingIds: [l.jujube.id, l.drip.id],
    });
    expect(res.statusCode).toBe(201);
    pkg = res.json();
    expect(res.json()).toMatchObject({ published: false, listingCount: 2, listingIds: [l.jujube.id, l.drip.id] });
    expect((await get(`/api/packages/${pkg.id}`)).statusCode).toBe(404);
    expect((await get('/api/packages')).json().items).toEqual([]);
    await write('PATCH', `/api/packages/${pkg.id}`, { published: true });
    const pub = (await get(`/api/packages/${pkg.id}`)).json();
    expect(pub.listings.map((x: { id: string }) => x.id)).toEqual([l.jujube.id, l.drip.id]);
    expect(pub.listings[0].organization.name).toBe(seller.user.organization.name);
    expect(pub).not.toHaveProperty('listingIds');
  });

  it('shows only the listings that are still published', async () => {
    await t.request({ method: 'POST', url: `/api/listings/${l.jujube.id}/withdraw`, token: seller.accessToken });
    const pub = (await get(`/api/packages/${pkg.id}`)).json();
    expect(pub.listings.map((x: { id: string }) => x.id)).toEqual([l.drip.id]);
    expect(pub.listingCount).toBe(1);
    expect((await get('/api/packages?field=modern_agriculture')).json().items).toMatchObject([
      { id: pkg.id, listingCount: 1 },
    ]);
    expect((await get('/api/packages?field=new_energy')).json().items).toEqual([]);
    const asAdmin = (await get(`/api/packages/${pkg.id}`, admin.accessToken)).json();
    expect(asAdmin.listingIds).toEqual([l.jujube.id, l.drip.id]);
  });

  it('admin-only writes; deletion hides it', async () => {
    const body = { title: 'x 包', field: 'new_energy', listingIds: [l.drip.id] };
    expect((await t.request({ method: 'POST', url: '/api/packages', payload: body })).statusCode).toBe(401);
    expect((await write('POST', '/api/packages', body, seller.accessToken)).statusCode).toBe(403);
    expect((await write('PATCH', `/api/packages/${pkg.id}`, { title: 'yy' }, buyer.accessToken)).statusCode).toBe(403);
    expect((await write('DELETE', `/api/cases/${pkg.id}`, undefined, seller.accessToken)).statusCode).toBe(403);
    expect((await write('DELETE', `/api/packages/${pkg.id}`)).statusCode).toBe(204);
    expect((await get(`/api/packages/${pkg.id}`)).statusCode).toBe(404);
    expect((await write('DELETE', `/api/packages/${pkg.id}`)).statusCode).toBe(404);
  });
});

describe('organization catalogues', () => {
  it('lists organizations that offer technology with published counts, filtered by type', async () => {
    const other = await registerUser(t, 'seller', 'institute');
    const list = (await get('/api/organizations?limit=100')).json().items as {
      id: string;
      type: string;
      publishedListings: number;
    }[];
    const mine = list.find((o) => o.id === seller.user.organization.id)!;
    expect(mine.publishedListings).toBe(2);
    expect(list.find((o) => o.id === other.user.organization.id)!.publishedListings).toBe(0);
    expect(list.map((o) => o.id)).not.toContain(buyer.user.organization.id);
    expect(list.map((o) => o.id)).not.toContain(admin.user.organization.id);
    const institutes = (await get('/api/organizations?type=institute&limit=100')).json().items as { type: string }[];
    expect(institutes.length).toBeGreaterThan(0);
    expect(institutes.every((o) => o.type === 'institute')).toBe(true);
    expect((await get('/api/organizations?type=ministry')).statusCode).toBe(400);
    // Admins find every organization, e.g. the enterprise a voucher is granted to.
    const forAdmin = (
      await get(
        `/api/organizations?type=enterprise&q=${encodeURIComponent(buyer.user.organization.name.slice(4))}`,
        admin.accessToken,
      )
    ).json();
    expect(forAdmin.items.map((o: { id: string }) => o.id)).toEqual([buyer.user.organization.id]);
  });

  it('shows a public profile and points to the catalogue of published listings', async () => {
    const res = await get(`/api/organizations/${seller.user.organization.id}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      name: seller.user.organization.name,
      publishedListings: 2,
      fields: { modern_agriculture: 1, intelligent_manufacturing: 1 },
    });
    expect(p).not.toHaveProperty('taxId');
    const catalogue = (await get(p.listingsUrl)).json();
    expect(catalogue.items.map((x: { id: string }) => x.id).sort()).toEqual([l.drip.id, l.cotton.id].sort());
    expect((await get(`/api/organizations/${buyer.user.organization.id}`)).statusCode).toBe(404);
    expect((await get(`/api/organizations/${buyer.user.organization.id}`, admin.accessToken)).json()).toMatchObject({
      type: 'enterprise',
      publishedListings: 0,
    });
  });
});

describe('audit log', () => {
  it('filters by entity, actor, action family and time, pages by cursor, and is admin-only', async () => {
    const cases = (await get('/api/admin/audit?entity=case&limit=100', admin.accessToken)).json();
    expect(cases.items.length).toBeGreaterThan(3);
    expect(cases.items.every((e: { entity: string }) => e.entity === 'case')).toBe(true);
    const deleted = (await get('/api/admin/audit?action=case.deleted', admin.accessToken)).json();
    expect(deleted.items).toHaveLength(1);
    expect(deleted.items[0]).toMatchObject({
      action: 'case.deleted',
      actor: { id: admin.user.id, role: 'admin' },
      data: { title: '将被删除的案例' },
    });
    expect(deleted.items[0].requestId).toEqual(expect.any(String));
    const pkgFamily = (await get('/api/admin/audit?action=package.*&limit=100', admin.accessToken)).json();
    expect(new Set(pkgFamily.items.map((e: { action: string }) => e.action))).toEqual(
      new Set(['package.created', 'package.updated', 'package.deleted']),
    );
    const bySeller = (await get(`/api/admin/audit?actorId=${seller.user.id}&limit=100`, admin.accessToken)).json();
    expect(bySeller.items.length).toBeGreaterThan(0);
    expect(bySeller.items.every((e: { actor: { id: string } }) => e.actor.id === seller.user.id)).toBe(true);

    const page1 = (await get('/api/admin/audit?entity=case&limit=2', admin.accessToken)).json();
    const page2 = (
      await get(`/api/admin/audit?entity=case&limit=2&cursor=${page1.nextCursor}`, admin.accessToken)
    ).json();
    expect(page2.items.map((e: { id: string }) => e.id)).toEqual(
      cases.items.slice(2, 4).map((e: { id: string }) => e.id),
    );

    const future = (await get('/api/admin/audit?from=2999-01-01T00:00:00Z', admin.accessToken)).json();
    expect(future.items).toEqual([]);
    const past = (
      await get(
        `/api/admin/audit?entity=case&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&limit=100`,
        admin.accessToken,
      )
    ).json();
    expect(past.items).toHaveLength(cases.items.length);
    expect(
      (await get('/api/admin/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', admin.accessToken)).statusCode,
    ).toBe(400);
    expect((await get('/api/admin/audit?action=DROP%20TABLE', admin.accessToken)).statusCode).toBe(400);
    expect((await get('/api/admin/audit')).statusCode).toBe(401);
    expect((await get('/api/admin/audit', seller.accessToken)).statusCode).toBe(403);
  });
});
