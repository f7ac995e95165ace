import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, listingBody, registerUser, type Session } from '../../helpers/factories.js';
import { startTestSearch } from '../../helpers/search.js';

let t: TestApp;
let search: Awaited<ReturnType<typeof startTestSearch>>;
let seller: Session, admin: Session;
const ids: Record<string, string> = {};

const search_ = (qs: string) => t.request({ method: 'GET', url: `/api/search/listings?${qs}` });
const hitIds = (res: { json(): { hits: Array<{ id: string }> } }) =>
  res
    .json()
    .hits.map((h) => h.id)
    .sort();

beforeAll(async () => {
  search = await startTestSearch();
  t = await buildTestApp({ search: search.port });
  [seller, admin] = await Promise.all([registerUser(t, 'seller'), adminSession(t)]);
  const make = async (key: string, region: string | null, field = 'modern_agriculture') => {
    const body = { title: `棉田节水技术 ${key}`, region, field };
    ids[key] = (await createListing(t, seller, { publishWith: admin, body })).id;
  };
  await make('shz', '660800');
  await make('shz2', '660800', 'new_energy');
  await make('aral', '660100');
  await make('wjq', '660600', 'new_energy');
  await make('jiangsu', '320000');
  await make('none', null);
  await relayOutbox(t.ctx);
});
afterAll(async () => {
  await t?.close();
  await search?.stop();
});

describe('regions in registration and search', () => {
  it('registers only a code from the set: a free-text region is 400 VALIDATION_FAILED and writes nothing', async () => {
    for (const region of ['第八师石河子市', '石河子', '659001', '669900', 8]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/listings',
        token: seller.accessToken,
        payload: listingBody({ title: `不该保存的登记 ${String(region)}`, region }),
      });
      expect(res.statusCode, JSON.stringify(region)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const mine = await t.request({
      method: 'GET',
      url: '/api/listings?mine=true&limit=100',
      token: seller.accessToken,
    });
    expect(mine.json().items.some((l: { title: string }) => l.title.startsWith('不该保存的登记'))).toBe(false);
    const listing = await t.request({ method: 'GET', url: `/api/listings/${ids.shz}` });
    expect(listing.json().region).toBe('660800');
  });

  it('filters by the code and counts the region facet disjunctively, like the other fields', async () => {
    expect(hitIds(await search_('region=660800'))).toEqual([ids.shz, ids.shz2].sort());
    expect(hitIds(await search_('region=660800&region=660100'))).toEqual([ids.shz, ids.shz2, ids.aral].sort());
    const all = (await search_('q=棉田节水技术')).json();
    expect(all.facets.region).toEqual({ '660800': 2, '660100': 1, '660600': 1, '320000': 1 });
    // Ticking one region still shows what each other region would add; other facets count within it.
    const ticked = (await search_('region=660800')).json();
    expect(ticked.facets.region).toEqual({ '660800': 2, '660100': 1, '660600': 1, '320000': 1 });
    expect(ticked.facets.field).toEqual({ modern_agriculture: 1, new_energy: 1 });
    // And a ticked field narrows the region counts.
    const energy = (await search_('field=new_energy')).json();
    expect(energy.facets.region).toEqual({ '660800': 1, '660600': 1 });
    const hit = ticked.hits.find((h: { id: string }) => h.id === ids.shz);
    expect(hit.region).toBe('660800');
  });

  it('refuses a region that is not a code with 400 naming the parameter', async () => {
    for (const region of ['第八师石河子市', '659001', 'a" OR field = "x']) {
      const res = await search_(`region=${encodeURIComponent(region)}`);
      expect(res.statusCode, region).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.json().errors)).toContain('region');
    }
  });

  it('finds the listings of 第八师石河子市 when one types 石河子, or Shihezi, in the search box', async () => {
    expect(hitIds(await search_(`q=${encodeURIComponent('石河子')}`))).toEqual([ids.shz, ids.shz2].sort());
    expect(hitIds(await search_('q=Shihezi'))).toEqual([ids.shz, ids.shz2].sort());
    expect(hitIds(await search_(`q=${encodeURIComponent('五家渠')}`))).toEqual([ids.wjq]);
  });
});
