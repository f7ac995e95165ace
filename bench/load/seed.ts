import { listingBody, type Session } from '../../tests/helpers/factories.js';
import { until } from '../../tests/helpers/processes.js';
import { type Api, login, publishListing, register } from '../../tests/integration/ops/support/api.js';
import { COUNTER_TERMS, openDeal, sendOk, TERMS } from '../../tests/integration/ops/support/deals.js';

// The data the load runs against, created through the API as users would: listings from several
// organizations, deals in negotiation (one per deal-event connection) and signed deals with invoices.

export interface Seeded {
  listingIds: string[];
  /** Deals in `negotiating`, each driven by one connection at a time, with the buyer's token. */
  negotiating: Array<{ id: string; version: number; token: string }>;
  /** Invoices and a token of a party allowed to read them. */
  invoices: Array<{ id: string; token: string }>;
}

const SUBJECTS = [
  ['膜下滴灌水肥一体化技术', 'Drip fertigation under film', ['滴灌', '节水灌溉', '棉花'], 'modern_agriculture'],
  ['采棉机智能控制系统', 'Cotton picker control system', ['采棉机', '智能控制', '北斗'], 'intelligent_manufacturing'],
  ['盐碱地土壤改良剂', 'Saline-alkali soil conditioner', ['盐碱地', '土壤改良'], 'new_materials'],
  ['分布式光伏储能微电网', 'Photovoltaic microgrid with storage', ['光伏', '储能', '微电网'], 'new_energy'],
  ['番茄加工废水处理工艺', 'Tomato processing wastewater treatment', ['废水处理', '番茄'], 'resource_environment'],
  ['团场智慧社区管理平台', 'Smart community platform for regiments', ['智慧社区', '物联网'], 'smart_city'],
  ['牛羊布鲁氏菌病疫苗', 'Brucellosis vaccine for cattle and sheep', ['疫苗', '布病'], 'population_health'],
  ['工业互联网边缘网关', 'Industrial internet edge gateway', ['工业互联网', '边缘计算'], 'information_network'],
] as const;

export function listingVariant(i: number): Record<string, unknown> {
  const [title, titleEn, keywords, field] = SUBJECTS[i % SUBJECTS.length];
  return {
    title: `${title}（${i + 1}号）`,
    titleEn,
    keywords: [...keywords],
    field,
    trl: 3 + (i % 7),
    askingPrice: 1_000_000 * (1 + (i % 50)),
    ndaRequired: false,
    summary: `${title}：面向兵团${['棉区', '团场', '园区', '企业'][i % 4]}的成套方案，第 ${i + 1} 项成果。`,
  };
}

/** Runs `task` for 0..n-1 with at most `width` in flight. */
async function inBatches<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

export async function seed(
  api: Api,
  admin: { email: string; password: string },
  opts: { listings: number; negotiating: number; invoices: number },
): Promise<Seeded> {
  const sellers = await Promise.all([0, 1, 2, 3].map(() => register(api, 'seller', 'enterprise')));
  const buyers: Session[] = await Promise.all([0, 1].map(() => register(api, 'buyer')));
  await login(api, admin.email, admin.password);
  const listings = await inBatches(opts.listings, 8, (i) =>
    publishListing(api, sellers[i % sellers.length], { ...listingBody(), ...listingVariant(i) }),
  );
  const listingIds = listings.map((l) => l.id);

  const dealCount = opts.negotiating + opts.invoices;
  const deals = await inBatches(dealCount, 8, async (i) => {
    const buyer = buyers[i % buyers.length];
    const seller = sellers[i % sellers.length];
    const deal = await openDeal(api, buyer, listingIds[i]);
    const accepted = await sendOk(api, seller, deal.id, 'ACCEPT_INQUIRY');
    if (i < opts.negotiating)
      return { id: deal.id as string, version: accepted.version as number, token: buyer.accessToken };
    await sendOk(api, buyer, deal.id, 'PROPOSE_TERMS', { terms: TERMS });
    await sendOk(api, seller, deal.id, 'PROPOSE_TERMS', { terms: COUNTER_TERMS });
    await sendOk(api, buyer, deal.id, 'ACCEPT_TERMS');
    await sendOk(api, seller, deal.id, 'SIGN_CONTRACT');
    await sendOk(api, buyer, deal.id, 'SIGN_CONTRACT');
    return { id: deal.id as string, version: -1, token: buyer.accessToken };
  });
  const negotiating = deals.slice(0, opts.negotiating);
  const invoices: Seeded['invoices'] = [];
  for (const d of deals.slice(opts.negotiating)) {
    const page = await api.ok('GET', `/api/invoices?dealId=${d.id}`, { token: d.token });
    for (const inv of page.items) invoices.push({ id: inv.id, token: d.token });
  }
  // Search is a projection filled by the outbox: wait until it holds every listing.
  await until(
    'every listing to be searchable',
    async () => {
      const r = await api.call('GET', '/api/search/listings?limit=1');
      return r.status === 200 && r.body.total === opts.listings;
    },
    120_000,
    250,
  );
  return { listingIds, negotiating, invoices };
}
