import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSearchClient, searchHealthy } from '../search/client.js';
import { startEmbeddedMeilisearch, type EmbeddedMeili } from '../search/launcher.js';
import { buildListingSearch } from '../search/listing-query.js';
import { applyIndexSettings, LISTINGS_INDEX } from '../search/settings.js';
import { BUREAU, createAccount } from '../src/accounts/service.js';
import { outbox } from '../src/db/schema/platform.js';
import { reindexListings } from '../src/listings/indexing.js';
import { toSearchParams, type SearchQueryInput } from '../src/listings/search.js';
import { createListing, createPublishedListing, submitListing } from '../src/listings/service.js';
import type { AuthUser } from '../src/platform/auth.js';
import { startWorkers, type Workers } from '../src/platform/workers.js';
import { isNull } from 'drizzle-orm';
import { HttpClient, startBenchServer, type BenchServer } from './support/server.js';
import { benchListing } from './support/listings.js';
import { closedLoop, fmtMs, line, percentile, verdict } from './support/stats.js';

// `npm run bench:search`: the search API over HTTP against the same queries sent straight to Meilisearch, and
// the delay from a listing's publishing commit until a search returns it. Everything runs on 127.0.0.1.
const LISTINGS = 2_000;
const CONCURRENCY = 16;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const PUBLISHES = 50;

type Query = Partial<SearchQueryInput>;
const QUERIES: Query[] = [
  { q: '棉花' },
  { q: '滴灌' },
  { q: '节水灌溉' },
  { q: '光伏' },
  { q: '石墨烯' },
  { q: '盐碱地改良' },
  { q: '智能监测系统' },
  { q: '包虫病 诊断' },
  { q: '北斗导航' },
  { q: '物联网 边缘计算' },
  { q: 'cotton' },
  { q: 'drip irrigation' },
  { q: 'photovoltaic' },
  { q: 'graphene coating' },
  { q: 'vaccine' },
  { q: 'remote control platform' },
  { q: '' },
  { q: '棉花', field: ['modern_agriculture'] },
  { q: '技术', trl: '7-9' },
  { q: 'system', field: ['smart_city', 'information_network'], trl: '4-9' },
  { dealType: ['license'], sort: 'newest' },
  { q: '储能电池', sort: 'price_asc' },
  { q: 'robot', sort: 'price_desc' },
  { field: ['new_energy'], sort: 'trl_desc' },
  { q: '中药材', stage: ['mature'] },
  { ipType: ['invention_patent'], level: ['domestic_leading'] },
  { q: '番茄', region: ['第八师石河子市'] },
  { fundingSource: ['fiscal_corps'], dealType: ['equity', 'cooperation'], sort: 'newest' },
  { q: '污水处理', offset: 20 },
  { q: 'hydrogen energy', trlMin: 3, trlMax: 8, sort: 'trl_asc' },
];

function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, String(one));
  return p.toString();
}

const asParams = (q: Query) => toSearchParams({ limit: 20, offset: 0, ...q } as SearchQueryInput);

async function seed(server: BenchServer) {
  const { ctx } = server;
  const adminView = await ctx.db.transaction((tx) =>
    createAccount(
      ctx,
      tx,
      {
        email: 'bench-admin@bureau.example',
        password: 'Xq7-strong-pass-2026',
        name: '管理员',
        role: 'admin',
        organization: BUREAU,
      },
      { allowAdmin: true },
    ),
  );
  const admin: AuthUser = { id: adminView.id, role: 'admin', organizationId: adminView.organization.id };
  const orgs: AuthUser[] = [];
  for (const [i, name] of ['石河子大学', '新疆农垦科学院', '塔里木大学', '兵团绿洲节水科技有限公司'].entries()) {
    const v = await ctx.db.transaction((tx) =>
      createAccount(ctx, tx, {
        email: `seller${i}@bench.example`,
        password: 'Xq7-strong-pass-2026',
        name: `卖方 ${i}`,
        role: 'seller',
        organization: { name, type: i === 3 ? 'enterprise' : 'university' },
      }),
    );
    orgs.push({ id: v.id, role: 'seller', organizationId: v.organization.id });
  }
  for (let start = 0; start < LISTINGS; start += 100) {
    await ctx.db.transaction(async (tx) => {
      for (let i = start; i < Math.min(LISTINGS, start + 100); i++)
        await createPublishedListing(ctx, tx, admin, orgs[i % orgs.length].organizationId, benchListing(i));
    });
  }
  // Publishing queued one index row per listing; the bulk rebuild indexes them all at once, so those rows are done.
  const started = performance.now();
  const { indexed } = await reindexListings(ctx);
  await ctx.db.update(outbox).set({ deliveredAt: new Date().toISOString() }).where(isNull(outbox.deliveredAt));
  console.log(
    `seeded ${indexed} published listings (indexed in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return orgs[0];
}

async function publishToSearchable(server: BenchServer, http: HttpClient, seller: AuthUser): Promise<number[]> {
  const delays: number[] = [];
  for (let k = 0; k < PUBLISHES; k++) {
    const token = `pubcheck${k}x${Math.random().toString(36).slice(2, 7)}`;
    const draft = await createListing(
      server.ctx,
      seller,
      benchListing(LISTINGS + k, { title: `发布时延测试 ${token}`, titleEn: `Publish latency ${token}` }),
    );
    await submitListing(server.ctx, seller, draft.id); // LISTING_REVIEW=off: this commit publishes.
    const committed = performance.now();
    for (;;) {
      const r = await http.call('GET', `/api/search/listings?${queryString({ q: token })}`);
      if (r.status === 200 && r.body.hits.some((h: { id: string }) => h.id === draft.id)) break;
      if (performance.now() - committed > 15_000) throw new Error(`listing ${draft.id} not searchable after 15 s`);
      await sleep(5);
    }
    delays.push(performance.now() - committed);
  }
  return delays.sort((a, b) => a - b);
}

async function main() {
  const deadline = setTimeout(() => {
    console.error('bench:search exceeded 3 minutes');
    process.exit(2);
  }, 180_000);
  deadline.unref();
  const dir = mkdtempSync(join(tmpdir(), 'tte-bench-meili-'));
  let engine: EmbeddedMeili | null = null;
  let server: BenchServer | null = null;
  let workers: Workers | null = null;
  let http: HttpClient | null = null;
  let failed = false;
  try {
    engine = await startEmbeddedMeilisearch({
      dataDir: dir,
      masterKey: 'bench-master-key-0123456789abcdef',
      environment: 'production',
    });
    const client = createSearchClient({ url: engine.url, apiKey: engine.masterKey });
    await applyIndexSettings(client);
    server = await startBenchServer('tte_bsearch', { client, healthy: () => searchHealthy(client) });
    const seller = await seed(server);
    http = new HttpClient(server.url, CONCURRENCY);
    const api = http;
    const index = client.index(LISTINGS_INDEX);
    const built = QUERIES.map((q) => buildListingSearch(asParams(q)));
    const paths = QUERIES.map((q) => `/api/search/listings?${queryString(q)}`);
    for (const p of paths) await api.ok('GET', p); // every query is valid before anything is timed

    const viaApi = async (w: number, i: number) => {
      const r = await api.call('GET', paths[(w * 7 + i) % paths.length]);
      if (r.status !== 200) throw new Error(`search → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      return r.ms;
    };
    const direct = async (w: number, i: number) => {
      const b = built[(w * 7 + i) % built.length];
      const t0 = performance.now();
      await index.search(b.q, b.options);
      return performance.now() - t0;
    };
    await closedLoop(CONCURRENCY, WARM_UP_SECONDS, viaApi);
    await closedLoop(CONCURRENCY, WARM_UP_SECONDS, direct);
    const a = await closedLoop(CONCURRENCY, SECONDS, viaApi);
    const d = await closedLoop(CONCURRENCY, SECONDS, direct);

    workers = startWorkers(server.ctx); // the production worker loop (500 ms between idle rounds)
    const delays = await publishToSearchable(server, api, seller);

    const p95Ratio = percentile(a.latencies, 95) / percentile(d.latencies, 95);
    const tputRatio = a.ops / a.seconds / (d.ops / d.seconds);
    const pubP95 = percentile(delays, 95);
    console.log(
      `\nsearch: ${QUERIES.length} queries, ${LISTINGS} listings, concurrency ${CONCURRENCY}, ${SECONDS} s each (client, app and engine on one host)`,
    );
    console.log(line('API  GET /api/search', a));
    console.log(line('direct Meilisearch', d));
    console.log(
      `  API/direct: p50 ×${(percentile(a.latencies, 50) / percentile(d.latencies, 50)).toFixed(2)}, p95 ×${p95Ratio.toFixed(2)}, p99 ×${(percentile(a.latencies, 99) / percentile(d.latencies, 99)).toFixed(2)}, throughput ${(100 * tputRatio).toFixed(0)}%`,
    );
    console.log(
      `publish → searchable (${PUBLISHES} listings, worker loop): p50 ${fmtMs(percentile(delays, 50))}  p95 ${fmtMs(pubP95)}  max ${fmtMs(delays.at(-1)!)}`,
    );
    const checks = [
      [`API p95 ≤ 1.5× direct (×${p95Ratio.toFixed(2)})`, p95Ratio <= 1.5],
      [`API throughput ≥ 60% of direct (${(100 * tputRatio).toFixed(0)}%)`, tputRatio >= 0.6],
      [`publish → searchable p95 < 1 s (${fmtMs(pubP95)})`, pubP95 < 1000],
      [`no errors (${a.errors + d.errors})`, a.errors + d.errors === 0],
    ] as const;
    for (const [label, ok] of checks) console.log(`  ${verdict(ok)}  ${label}`);
    failed = checks.some(([, ok]) => !ok);
  } finally {
    http?.close();
    await workers?.stop();
    await server?.stop();
    await engine?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
