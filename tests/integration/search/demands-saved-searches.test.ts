import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { scoreCandidate } from '../../../src/demands/matching.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { startTestSearch } from '../../helpers/search.js';

let t: TestApp;
let search: Awaited<ReturnType<typeof startTestSearch>>;
let seller: Session, seller2: Session, buyer: Session, admin: Session;
let drip: string, battery: string;

beforeAll(async () => {
  search = await startTestSearch();
  t = await buildTestApp({ search: search.port });
  [seller, seller2, buyer, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'seller', 'institute'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
  drip = (
    await createListing(t, seller, {
      publishWith: admin,
      body: { title: '棉田膜下滴灌节水技术', dealTypes: ['license'], askingPrice: 2_000_000 },
    })
  ).id;
  battery = (
    await createListing(t, seller2, {
      publishWith: admin,
      body: {
        title: '储能电池热管理系统',
        titleEn: 'Battery thermal management',
        summary: '用于光伏电站储能电池的热管理系统，延长寿命 30%。',
        keywords: ['储能', '电池'],
        field: 'new_energy',
        dealTypes: ['transfer'],
        askingPrice: 90_000_000,
      },
    })
  ).id;
  await relayOutbox(t.ctx);
});
afterAll(async () => {
  await t.close();
  await search.stop();
});

const notificationsOf = async (s: Session) =>
  (await t.request({ method: 'GET', url: '/api/notifications', token: s.accessToken })).json().items;

describe('demands', () => {
  it('a buyer posts a demand; matches rank the fitting listing first with a score and reasons', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/demands',
      token: buyer.accessToken,
      payload: {
        title: '需要棉田滴灌节水技术',
        description: '我公司在第八师有 5 万亩棉田，需要滴灌节水和水肥一体化技术，希望获得许可。',
        field: 'modern_agriculture',
        budget: 5_000_000,
        dealTypes: ['license'],
      },
    });
    expect(res.statusCode).toBe(201);
    const demand = res.json();
    expect(demand.organization.id).toBe(buyer.user.organization.id);
    const matches = (await t.request({ method: 'GET', url: `/api/demands/${demand.id}/matches` })).json();
    expect(matches.items[0].listing.id).toBe(drip);
    expect(matches.items[0].reasons).toEqual(expect.arrayContaining(['text', 'field', 'dealType', 'budget']));
    const batteryMatch = matches.items.find((m: { listing: { id: string } }) => m.listing.id === battery);
    if (batteryMatch) expect(batteryMatch.score).toBeLessThan(matches.items[0].score);
    // The owner of the matching listing is told.
    await relayOutbox(t.ctx);
    await relayOutbox(t.ctx);
    const n = await notificationsOf(seller);
    expect(n.map((x: { kind: string }) => x.kind)).toContain('demand.matched');
    expect((await notificationsOf(seller2)).map((x: { kind: string }) => x.kind)).not.toContain('demand.matched');
  });

  it('only buyers post demands; only the owner edits and closes; closed demands leave the public list', async () => {
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/demands',
          token: seller.accessToken,
          payload: {
            title: '需求',
            description: '一个十个字以上的需求描述。',
            field: 'new_energy',
            dealTypes: ['license'],
          },
        })
      ).statusCode,
    ).toBe(403);
    const d = (
      await t.request({
        method: 'POST',
        url: '/api/demands',
        token: buyer.accessToken,
        payload: {
          title: '光伏清洗机器人',
          description: '需要适用于沙漠光伏电站的清洗机器人技术。',
          field: 'new_energy',
          dealTypes: ['cooperation'],
          deadline: '2026-12-31',
        },
      })
    ).json();
    const other = await registerUser(t, 'buyer');
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/demands/${d.id}`,
          token: other.accessToken,
          payload: { title: '改' + 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'POST', url: `/api/demands/${d.id}/close`, token: buyer.accessToken })).json().status,
    ).toBe('closed');
    const list = (await t.request({ method: 'GET', url: '/api/demands?limit=100' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expect((await t.request({ method: 'GET', url: `/api/demands/${d.id}` })).json().status).toBe('closed');
    const bad = await t.request({
      method: 'POST',
      url: '/api/demands',
      token: buyer.accessToken,
      payload: { title: 'x', description: 'short', field: 'nope', dealTypes: [], budget: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.description', 'body.field', 'body.dealTypes', 'body.budget']),
    );
  });

  it('scores by written weights', () => {
    const d = {
      field: 'modern_agriculture' as const,
      dealTypes: ['license' as const, 'transfer' as const],
      budget: 100,
    };
    expect(
      scoreCandidate(d, {
        field: 'modern_agriculture',
        dealTypes: ['license'],
        askingPrice: 100,
        _rankingScore: 1,
      }),
    ).toEqual({ score: 92.5, reasons: ['text', 'field', 'dealType', 'budget'] });
    expect(
      scoreCandidate(d, { field: 'new_energy', dealTypes: ['equity'], askingPrice: 101, _rankingScore: 0 }),
    ).toEqual({ score: 0, reasons: [] });
  });
});

describe('saved searches', () => {
  it('notifies the user when a newly published listing matches, once, and not for one that does not', async () => {
    const saved = await t.request({
      method: 'POST',
      url: '/api/saved-searches',
      token: buyer.accessToken,
      payload: { name: '滴灌', query: { q: '滴灌', field: ['modern_agriculture'] } },
    });
    expect(saved.statusCode).toBe(201);
    const bad = await t.request({
      method: 'POST',
      url: '/api/saved-searches',
      token: buyer.accessToken,
      payload: { name: 'x', query: { field: ['bogus'] } },
    });
    expect(bad.statusCode).toBe(400);
    const before = (await notificationsOf(buyer)).filter(
      (n: { kind: string }) => n.kind === 'saved_search.match',
    ).length;
    const match = await createListing(t, seller, {
      publishWith: admin,
      body: { title: '智能滴灌控制器', titleEn: null },
    });
    await createListing(t, seller, {
      publishWith: admin,
      body: {
        title: '番茄采摘机器人',
        field: 'intelligent_manufacturing',
        keywords: ['番茄'],
        summary: '自动识别成熟番茄并完成采摘的机器人系统。',
      },
    });
    await relayOutbox(t.ctx);
    await relayOutbox(t.ctx);
    const alerts = (await notificationsOf(buyer)).filter((n: { kind: string }) => n.kind === 'saved_search.match');
    expect(alerts.length - before).toBe(1);
    expect(alerts[0].data.listingId).toBe(match.id);
    const list = (await t.request({ method: 'GET', url: '/api/saved-searches', token: buyer.accessToken })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toContain(saved.json().id);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/saved-searches/${saved.json().id}`, token: seller.accessToken }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/saved-searches/${saved.json().id}`, token: buyer.accessToken }))
        .statusCode,
    ).toBe(204);
  });
});
