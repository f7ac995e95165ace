import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from '../../../search/client.js';
import { reindexPolicies } from '../../../src/content/policies/indexing.js';
import { outbox } from '../../../src/db/schema/platform.js';
import { pendingOutbox, relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, registerUser, type Session } from '../../helpers/factories.js';
import { startTestSearch } from '../../helpers/search.js';

let t: TestApp;
let search: Awaited<ReturnType<typeof startTestSearch>>;
let admin: Session, seller: Session;
const ids: Record<string, string> = {};

const policy = (over: Record<string, unknown>) => ({
  title: '关于促进科技成果转化的若干规定',
  issuingBody: '国务院',
  documentNumber: '国发〔2016〕16号',
  issuedOn: '2016-02-26',
  level: 'national',
  category: 'regulation',
  tags: ['成果转化'],
  body: '为加快实施创新驱动发展战略，落实《中华人民共和国促进科技成果转化法》……',
  ...over,
});
const get = (url: string, token?: string) => t.request({ method: 'GET', url, token });
const idsOf = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

beforeAll(async () => {
  search = await startTestSearch();
  t = await buildTestApp({ search: search.port });
  [admin, seller] = await Promise.all([adminSession(t), registerUser(t, 'seller')]);
  const make = async (key: string, over: Record<string, unknown>) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/policies',
      token: admin.accessToken,
      payload: policy(over),
    });
    if (res.statusCode !== 201) throw new Error(`create policy: ${res.statusCode} ${res.body}`);
    ids[key] = res.json().id;
  };
  await make('law', {
    title: '中华人民共和国促进科技成果转化法',
    issuingBody: '全国人民代表大会常务委员会',
    documentNumber: '主席令第32号',
    issuedOn: '2015-08-29',
    category: 'law',
    body: '第一条 为了促进科技成果转化为现实生产力……',
  });
  await make('rules', {});
  await make('corps', {
    title: '兵团促进科技成果转移转化行动方案',
    issuingBody: '新疆生产建设兵团办公厅',
    documentNumber: '新兵办发〔2016〕84号',
    issuedOn: '2016-10-12',
    level: 'corps',
    category: 'action_plan',
  });
  await make('division', {
    title: '第八师石河子市科技创新券管理办法',
    issuingBody: '第八师石河子市科技局',
    documentNumber: '师市科发〔2018〕5号',
    issuedOn: '2018-04-01',
    level: 'division',
    category: 'finance',
    tags: ['创新券'],
    body: '创新券用于购买技术服务。',
  });
  await make('draft', {
    title: '科技成果转化奖励办法（征求意见稿）',
    issuedOn: '2016-12-01',
    level: 'corps',
    published: false,
  });
  await relayOutbox(t.ctx);
});
afterAll(async () => {
  await t.close();
  await search.stop();
});

describe('policy library', () => {
  it('finds 促进科技成果转化 by 成果转化, only public policies, with highlights', async () => {
    const res = await get(`/api/policies?q=${encodeURIComponent('成果转化')}`);
    expect(res.statusCode).toBe(200);
    const found = idsOf(res);
    expect(found).toEqual(expect.arrayContaining([ids.law, ids.rules, ids.corps]));
    expect(found).not.toContain(ids.draft);
    const law = res.json().items.find((i: { id: string }) => i.id === ids.law);
    expect(law._highlight.title).toContain('<mark>');
    expect(law.documentNumber).toBe('主席令第32号');
    expect(law.excerpt).toContain('<mark>');
    expect(res.json().total).toBe(found.length);
  });

  it('counts facets by level and year, and filters by them', async () => {
    const all = (await get('/api/policies?facets=true')).json();
    expect(all.total).toBe(4);
    expect(all.facets.level).toEqual({ national: 2, corps: 1, division: 1 });
    expect(all.facets.year).toEqual({ 2015: 1, 2016: 2, 2018: 1 });
    expect(all.facets.category).toEqual({ law: 1, regulation: 1, action_plan: 1, finance: 1 });
    // Without query text the newest come first.
    expect(idsOf({ json: () => all })).toEqual([ids.division, ids.corps, ids.rules, ids.law]);
    const corps2016 = await get(`/api/policies?q=${encodeURIComponent('成果转化')}&level=corps&year=2016`);
    expect(idsOf(corps2016)).toEqual([ids.corps]);
    const twoYears = (await get('/api/policies?facets=true&year=2015&year=2018')).json();
    expect(twoYears.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.law, ids.division].sort());
    expect(twoYears.facets.level).toEqual({ national: 1, division: 1 });
  });

  it('pages search results with a cursor', async () => {
    const first = (await get('/api/policies?facets=true&limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe('@3');
    const second = (await get(`/api/policies?facets=true&limit=3&cursor=${first.nextCursor}`)).json();
    expect(idsOf({ json: () => second })).toEqual([ids.law]);
    expect(second.nextCursor).toBeNull();
  });

  it('browses from the database without the engine: filters, cursor pages, drafts for admins only', async () => {
    const page1 = (await get('/api/policies?limit=2')).json();
    expect(idsOf({ json: () => page1 })).toEqual([ids.division, ids.corps]);
    const page2 = (await get(`/api/policies?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
    expect(idsOf({ json: () => page2 })).toEqual([ids.rules, ids.law]);
    expect(page2.nextCursor).toBeNull();
    expect(idsOf(await get('/api/policies?level=national&year=2016'))).toEqual([ids.rules]);
    expect(idsOf(await get('/api/policies?category=finance'))).toEqual([ids.division]);
    expect(idsOf(await get('/api/policies?year=2016', admin.accessToken))).toEqual([ids.draft, ids.corps, ids.rules]);
    expect((await get(`/api/policies/${ids.draft}`)).statusCode).toBe(404);
    const draft = await get(`/api/policies/${ids.draft}`, admin.accessToken);
    expect(draft.json()).toMatchObject({ published: false, issuedOn: '2016-12-01', year: 2016 });
    const full = (await get(`/api/policies/${ids.corps}`)).json();
    expect(full).toMatchObject({
      title: '兵团促进科技成果转移转化行动方案',
      level: 'corps',
      issuedOn: '2016-10-12',
      body: expect.stringContaining('为加快'),
    });
  });

  it('refuses bad filters; hostile text stays query text', async () => {
    expect((await get('/api/policies?level=province')).statusCode).toBe(400);
    expect((await get('/api/policies?year=20x6')).statusCode).toBe(400);
    expect((await get('/api/policies?year=1800')).statusCode).toBe(400);
    expect((await get('/api/policies?cursor=garbage')).statusCode).toBe(400);
    const hostile = await get(`/api/policies?q=${encodeURIComponent('" OR level = "national')}`);
    expect(hostile.statusCode).toBe(200);
  });

  it('unpublish, edit and delete reach the index through the outbox, and are audited', async () => {
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/policies/${ids.division}`,
      token: admin.accessToken,
      payload: { title: '第八师石河子市科技创新券实施细则' },
    });
    expect(edit.statusCode).toBe(200);
    await t.request({
      method: 'PATCH',
      url: `/api/policies/${ids.rules}`,
      token: admin.accessToken,
      payload: { published: false },
    });
    const del = await t.request({ method: 'DELETE', url: `/api/policies/${ids.law}`, token: admin.accessToken });
    expect(del.statusCode).toBe(204);
    await relayOutbox(t.ctx);
    const found = idsOf(await get(`/api/policies?q=${encodeURIComponent('成果转化')}`));
    expect(found).toEqual([ids.corps]);
    const edited = (await get(`/api/policies?q=${encodeURIComponent('细则')}`)).json().items;
    expect(edited.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual([
      [ids.division, '第八师石河子市科技创新券实施细则'],
    ]);
    expect((await get(`/api/policies/${ids.law}`, admin.accessToken)).statusCode).toBe(404);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/policies/${ids.law}`,
          token: admin.accessToken,
          payload: { title: '复活' },
        })
      ).statusCode,
    ).toBe(404);
    const trail = (await get(`/api/admin/audit?entity=policy&entityId=${ids.law}`, admin.accessToken)).json();
    expect(trail.items.map((i: { action: string }) => i.action)).toEqual(['policy.deleted', 'policy.created']);
    expect(trail.items[0].actor).toEqual({ id: admin.user.id, role: 'admin' });
  });

  it('admin-only writes: 401 anonymous, 403 for a seller', async () => {
    expect((await t.request({ method: 'POST', url: '/api/policies', payload: policy({}) })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: '/api/policies', token: seller.accessToken, payload: policy({}) }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/policies/${ids.corps}`,
          token: seller.accessToken,
          payload: { title: 'x1' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/policies/${ids.corps}` })).statusCode).toBe(401);
    const bad = await t.request({
      method: 'POST',
      url: '/api/policies',
      token: admin.accessToken,
      payload: policy({ level: 'province', issuedOn: '2016-13-01' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.issuedOn', 'body.level']);
  });

  it('reindex rebuilds exactly the public set', async () => {
    await search.port
      .client!.index('policies')
      .addDocuments([
        {
          id: 'pol_stale',
          title: 'stale',
          issuingBody: 'x',
          body: '',
          tags: [],
          level: 'corps',
          year: 2000,
          category: 'other',
          date: 0,
        },
      ])
      .waitTask();
    expect(await reindexPolicies(t.ctx)).toEqual({ indexed: 2, removed: 1 });
    expect((await get('/api/policies?facets=true')).json().total).toBe(2);
  });

  it('answers 503 for a search while the engine is down; browsing and writes still work', async () => {
    const port = t.ctx.search;
    t.ctx.search = {
      client: createSearchClient({ url: 'http://127.0.0.1:9', apiKey: 'x', timeoutMs: 500 }),
      healthy: async () => false,
    };
    try {
      const res = await get(`/api/policies?q=${encodeURIComponent('创新券')}`);
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('UNAVAILABLE');
      expect((await get('/api/policies')).statusCode).toBe(200);
      const created = await t.request({
        method: 'POST',
        url: '/api/policies',
        token: admin.accessToken,
        payload: policy({ title: '引擎宕机时录入的政策', issuedOn: '2020-01-01' }),
      });
      expect(created.statusCode).toBe(201);
      await relayOutbox(t.ctx);
      expect(await pendingOutbox(t.ctx.db, 'policy.index')).toBe(1);
    } finally {
      t.ctx.search = port;
    }
    await t.ctx.db
      .update(outbox)
      .set({ availableAt: new Date(0).toISOString() })
      .where(isNull(outbox.deliveredAt));
    await relayOutbox(t.ctx);
    expect(await pendingOutbox(t.ctx.db, 'policy.index')).toBe(0);
    expect(idsOf(await get(`/api/policies?q=${encodeURIComponent('引擎宕机')}`))).toHaveLength(1);
  });
});
