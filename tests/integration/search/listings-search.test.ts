import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingOutbox, relayOutbox } from '../../../src/platform/outbox.js';
import { reindexListings } from '../../../src/listings/indexing.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { startTestSearch } from '../../helpers/search.js';

let t: TestApp;
let search: Awaited<ReturnType<typeof startTestSearch>>;
let seller: Session, admin: Session;
const ids: Record<string, string> = {};

const search_ = (qs: string) => t.request({ method: 'GET', url: `/api/search/listings?${qs}` });

beforeAll(async () => {
  search = await startTestSearch();
  t = await buildTestApp({ search: search.port });
  [seller, admin] = await Promise.all([registerUser(t, 'seller'), adminSession(t)]);
  const make = async (key: string, body: Record<string, unknown>, publish = true) => {
    ids[key] = (await createListing(t, seller, { publishWith: publish ? admin : undefined, body })).id;
  };
  await make('drip', {
    title: '节水灌溉技术',
    titleEn: 'Water-saving irrigation',
    keywords: ['节水', '滴灌'],
    trl: 7,
    askingPrice: 3_000_000,
    dealTypes: ['license'],
  });
  await make('cotton', {
    title: '采棉机智能控制系统',
    titleEn: 'Cotton picker control system',
    summary: '面向兵团棉区的采棉机智能控制系统，作业效率提升 20%。',
    keywords: ['采棉机', '智能控制'],
    field: 'intelligent_manufacturing',
    trl: 5,
    askingPrice: 8_000_000,
    dealTypes: ['transfer'],
  });
  await make('english', {
    title: '光伏板自清洁涂层',
    titleEn: 'Self-cleaning coating for photovoltaic panels',
    summary: 'A nano coating that keeps photovoltaic panels clean in dusty deserts; 15% more yield.',
    keywords: ['coating', 'photovoltaic'],
    field: 'new_materials',
    trl: 6,
    askingPrice: null,
    dealTypes: ['license', 'equity'],
    ipType: 'trade_secret',
    ipNumbers: [],
  });
  await make('xss', {
    title: '<script>alert(1)</script> 节水检测仪',
    keywords: ['节水'],
    trl: 4,
    dealTypes: ['cooperation'],
  });
  await make('draft', { title: '未发布的节水草稿' }, false);
  await relayOutbox(t.ctx);
});
afterAll(async () => {
  await t.close();
  await search.stop();
});

describe('listing search', () => {
  it('finds a Chinese title by a two-character query (segmentation), with highlights', async () => {
    const res = await search_(`q=${encodeURIComponent('节水')}`);
    expect(res.statusCode).toBe(200);
    const hitIds = res.json().hits.map((h: { id: string }) => h.id);
    expect(hitIds).toContain(ids.drip);
    expect(hitIds).not.toContain(ids.draft);
    const drip = res.json().hits.find((h: { id: string }) => h.id === ids.drip);
    expect(drip._highlight.title).toContain('<mark>');
    expect(drip.organization.name).toBe(seller.user.organization.name);
  });

  it('never returns stored HTML unescaped in highlights', async () => {
    const res = await search_(`q=${encodeURIComponent('节水检测仪')}`);
    const xss = res.json().hits.find((h: { id: string }) => h.id === ids.xss);
    expect(xss._highlight.title).toContain('&lt;script&gt;');
    expect(xss._highlight.title).not.toContain('<script>');
  });

  it('tolerates English typos and maps zh⇄en synonyms', async () => {
    const typo = await search_('q=photovoltiac');
    expect(typo.json().hits.map((h: { id: string }) => h.id)).toContain(ids.english);
    const zh = await search_(`q=${encodeURIComponent('光伏')}`);
    expect(zh.json().hits.map((h: { id: string }) => h.id)).toContain(ids.english);
    const en = await search_('q=cotton%20picker');
    expect(en.json().hits.map((h: { id: string }) => h.id)).toContain(ids.cotton);
  });

  it('filters by field, TRL range and deal type, sorts by price, and counts facets', async () => {
    const byField = await search_('field=intelligent_manufacturing');
    expect(byField.json().hits.map((h: { id: string }) => h.id)).toEqual([ids.cotton]);
    const trl = await search_('trl=5-6');
    expect(
      trl
        .json()
        .hits.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([ids.cotton, ids.english].sort());
    const deal = await search_('dealType=equity&dealType=cooperation');
    expect(
      deal
        .json()
        .hits.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([ids.english, ids.xss].sort());
    const price = await search_('sort=price_desc');
    const priced = price.json().hits.map((h: { id: string }) => h.id);
    expect(priced.indexOf(ids.cotton)).toBeLessThan(priced.indexOf(ids.drip));
    const all = (await search_('')).json();
    expect(all.total).toBe(4);
    expect(all.facets.field).toEqual({ modern_agriculture: 2, intelligent_manufacturing: 1, new_materials: 1 });
    expect(all.facets.dealType).toEqual({ license: 2, transfer: 1, equity: 1, cooperation: 1 });
  });

  it('counts each facet as if nothing were ticked in it (disjunctive), and other facets within the selection', async () => {
    const one = (await search_('field=intelligent_manufacturing')).json();
    expect(one.total).toBe(1);
    // The ticked field's own facet still shows every field, so a second field can be added with its count.
    expect(one.facets.field).toEqual({ modern_agriculture: 2, intelligent_manufacturing: 1, new_materials: 1 });
    // Other facets count within the selection.
    expect(one.facets.dealType).toEqual({ transfer: 1 });
    const two = (await search_('field=modern_agriculture&dealType=license')).json();
    expect(two.hits.map((h: { id: string }) => h.id)).toEqual([ids.drip]);
    expect(two.facets.field).toEqual({ modern_agriculture: 1, new_materials: 1 });
    expect(two.facets.dealType).toEqual({ license: 1, cooperation: 1 });
    const trl = (await search_('trl=7')).json();
    expect(trl.facets.trl).toEqual({ '4': 1, '5': 1, '6': 1, '7': 1 });
  });

  it('refuses bad filters with 400 naming the parameter; hostile text never reaches a filter', async () => {
    const bad = await search_('field=astrology');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/querystring\.field/);
    const inj = await search_(`region=${encodeURIComponent('a" OR field = "x')}`);
    expect(inj.statusCode).toBe(400);
    const range = await search_('trlMin=7&trlMax=3');
    expect(range.statusCode).toBe(400);
  });

  it('removes a withdrawn listing from the index', async () => {
    await t.request({ method: 'POST', url: `/api/listings/${ids.cotton}/withdraw`, token: seller.accessToken });
    await relayOutbox(t.ctx);
    const res = await search_('field=intelligent_manufacturing');
    expect(res.json().hits).toEqual([]);
  });

  it('reindex rebuilds exactly the published set', async () => {
    await search.port
      .client!.index('listings')
      .addDocuments([{ id: 'lst_stale', title: 'stale', summary: '', keywords: [], dealTypes: [], publishedAt: 0 }])
      .waitTask();
    const r = await reindexListings(t.ctx);
    expect(r).toEqual({ indexed: 3, removed: 1 });
    expect((await search_('')).json().total).toBe(3);
  });

  it('answers 503 while the engine is down; writes still commit and the index catches up', async () => {
    const port = search.port;
    const down = { client: port.client, healthy: async () => false };
    const broken = await import('../../../search/client.js').then((m) =>
      m.createSearchClient({ url: 'http://127.0.0.1:9', apiKey: 'x', timeoutMs: 500 }),
    );
    t.ctx.search = { client: broken, healthy: down.healthy };
    const res = await search_('q=x');
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('UNAVAILABLE');
    const l = await createListing(t, seller, { publishWith: admin, body: { title: '引擎宕机时发布的成果' } });
    expect(l.status).toBe('published');
    await relayOutbox(t.ctx);
    expect(await pendingOutbox(t.ctx.db, 'listing.index')).toBe(1);
    t.ctx.search = port;
    const { outbox } = await import('../../../src/db/schema/platform.js');
    const { isNull } = await import('drizzle-orm');
    await t.ctx.db
      .update(outbox)
      .set({ availableAt: new Date(0).toISOString() })
      .where(isNull(outbox.deliveredAt));
    await relayOutbox(t.ctx);
    expect(await pendingOutbox(t.ctx.db, 'listing.index')).toBe(0);
    const found = await search_(`q=${encodeURIComponent('引擎宕机')}`);
    expect(found.json().hits.map((h: { id: string }) => h.id)).toContain(l.id);
  });
});
