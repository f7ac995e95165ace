import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { startTestSearch } from '../../helpers/search.js';

// Demand matching on a set where the right answer is known: listings of one field (so the field cannot decide),
// demands in a buyer's own words. The listing the words describe must come first, a listing sharing only the
// field must come after every listing the words describe, and the reasons name the words that matched. Every
// text field is set, so that none of the factory's defaults (a drip-irrigation listing) takes part.

let t: TestApp;
let search: Awaited<ReturnType<typeof startTestSearch>>;
let seller: Session, buyer: Session, admin: Session;
const ids: Record<string, string> = {};

const LISTINGS: Record<string, Record<string, unknown>> = {
  fertigation: {
    title: '棉花膜下滴灌水肥一体化技术',
    titleEn: 'Fertigation under mulched drip irrigation for cotton',
    summary:
      '针对新疆棉区干旱少雨的特点，集成膜下滴灌、水肥耦合模型与智能灌溉控制，节水 30% 以上、节肥 20%、增产 10% 以上。',
    description: '技术包括滴灌带优化设计、土壤墒情监测、水肥一体化决策模型和远程控制系统。',
    keywords: ['滴灌', '节水灌溉', '水肥一体化', '棉花'],
    dealTypes: ['license'],
    askingPrice: 3_000_000,
  },
  emitter: {
    title: '压力补偿式抗堵塞滴头',
    titleEn: 'Pressure-compensating anti-clogging emitter',
    summary: '滴灌系统用压力补偿滴头，迷宫流道抗堵塞，出水均匀度 95% 以上，适用于棉田和果园。',
    description: '滴头采用弹性膜片补偿压力，流道经仿真优化，泥沙水质下不易堵塞。',
    keywords: ['滴头', '滴灌', '抗堵塞'],
    dealTypes: ['transfer'],
    askingPrice: 1_500_000,
  },
  tape: {
    title: '石墨烯改性滴灌带',
    titleEn: 'Graphene-modified drip tape',
    description: '石墨烯母粒与聚乙烯共混挤出，抗紫外老化。',
    summary: '添加石墨烯的抗老化滴灌带，使用寿命由 1 季延长至 3 季。',
    keywords: ['石墨烯', '滴灌带'],
    dealTypes: ['license'],
    askingPrice: 10_000_000,
  },
  jujube: {
    title: '红枣精深加工与保鲜技术',
    titleEn: 'Deep processing and preservation of jujube',
    description: '枣粉低温喷雾干燥，枣醋液态发酵，冷链气调保鲜。',
    summary: '红枣冷链保鲜与枣粉、枣醋精深加工工艺，保鲜期延长至 90 天，产品附加值提升 3 倍。',
    keywords: ['红枣', '保鲜', '深加工'],
    dealTypes: ['license', 'transfer'],
    askingPrice: 2_000_000,
  },
  cottonSeed: {
    title: '棉花种子包衣剂',
    titleEn: 'Cotton seed coating agent',
    description: '成膜剂、杀菌剂与微量元素复配，包衣均匀。',
    summary: '提高棉花出苗率的种子包衣剂，防治苗期病害。',
    keywords: ['棉花', '种衣剂'],
    dealTypes: ['license'],
    askingPrice: 800_000,
  },
};

interface Match {
  score: number;
  reasons: string[];
  matchedWords: string[];
  listing: { id: string };
}

async function matchesFor(demand: Record<string, unknown>): Promise<Match[]> {
  const res = await t.request({
    method: 'POST',
    url: '/api/demands',
    token: buyer.accessToken,
    payload: { field: 'modern_agriculture', ...demand },
  });
  expect(res.statusCode, res.body).toBe(201);
  const m = await t.request({ method: 'GET', url: `/api/demands/${res.json().id}/matches` });
  return m.json().items;
}
const order = (items: Match[]) => items.map((m) => Object.keys(ids).find((k) => ids[k] === m.listing.id));
const rank = (items: Match[], key: string) => order(items).indexOf(key);

beforeAll(async () => {
  search = await startTestSearch();
  t = await buildTestApp({ search: search.port });
  [seller, buyer, admin] = await Promise.all([registerUser(t, 'seller'), registerUser(t, 'buyer'), adminSession(t)]);
  for (const [key, body] of Object.entries(LISTINGS))
    ids[key] = (
      await createListing(t, seller, {
        publishWith: admin,
        body: { field: 'modern_agriculture', confidentialDetails: null, ...body },
      })
    ).id;
  await relayOutbox(t.ctx);
});
afterAll(async () => {
  await t.close();
  await search.stop();
});

describe('demand matching by the demand’s words', () => {
  it('puts the described technology first and a listing sharing only the field after every described one', async () => {
    const items = await matchesFor({
      title: '求购棉田滴灌智能控制技术',
      description:
        '我公司在第八师经营 8 万亩棉田，需要滴灌水肥一体化及远程智能控制技术，希望以许可方式引进并获得技术指导。',
      budget: 5_000_000,
      dealTypes: ['license'],
    });
    console.log(
      'drip-control demand:',
      order(items).join(' > '),
      JSON.stringify(items.map((m) => [m.score, m.matchedWords])),
    );
    expect(order(items)[0]).toBe('fertigation');
    for (const described of ['emitter', 'tape']) expect(rank(items, described)).toBeLessThan(rank(items, 'jujube'));
    const best = items[0];
    expect(best.reasons).toContain('text');
    expect(best.matchedWords).toEqual(expect.arrayContaining(['滴灌']));
    const jujube = items.find((m) => m.listing.id === ids.jujube);
    if (jujube) {
      expect(jujube.reasons).not.toContain('text');
      expect(jujube.matchedWords).toEqual([]);
    }
  });

  it('finds the jujube technology for a jujube demand, above the irrigation listings of the same field', async () => {
    const items = await matchesFor({
      title: '红枣保鲜加工技术',
      description: '需要红枣冷链保鲜和枣粉加工工艺，提高红枣产品附加值。',
      budget: 3_000_000,
      dealTypes: ['license', 'transfer'],
    });
    console.log('jujube demand:', order(items).join(' > '));
    expect(order(items)[0]).toBe('jujube');
    expect(items[0].matchedWords).toEqual(expect.arrayContaining(['红枣', '保鲜']));
    for (const other of ['fertigation', 'emitter', 'tape', 'cottonSeed'])
      if (rank(items, other) >= 0) expect(items[0].score - items[rank(items, other)].score).toBeGreaterThan(20);
  });

  it('ranks the emitter first for an emitter demand, even though another listing offers the wanted deal form', async () => {
    const items = await matchesFor({
      title: '抗堵塞滴头',
      description: '寻找出水均匀、抗堵塞的滴灌滴头产品技术，用于果园滴灌改造。',
      budget: 2_000_000,
      dealTypes: ['license'],
    });
    console.log(
      'emitter demand:',
      order(items).join(' > '),
      JSON.stringify(items.map((m) => [m.score, m.matchedWords])),
    );
    expect(order(items)[0]).toBe('emitter');
    expect(items[0].matchedWords).toEqual(expect.arrayContaining(['滴头']));
    expect(rank(items, 'jujube') === -1 || rank(items, 'jujube') > rank(items, 'tape')).toBe(true);
  });

  it('matches an English demand through the synonyms: jujube finds 红枣', async () => {
    const items = await matchesFor({
      title: 'Jujube cold-chain preservation',
      description: 'We process red dates and want a cold-chain preservation technology that keeps them fresh.',
      dealTypes: ['license'],
    });
    console.log('English demand:', order(items).join(' > '));
    expect(order(items)[0]).toBe('jujube');
    expect(items[0].matchedWords).toEqual(expect.arrayContaining(['jujube']));
  });
});
