import postgres from 'postgres';
import type { Server } from '../../tests/helpers/processes.js';
import { benchListing } from './listings.js';
import { HttpClient } from './server.js';
import {
  closedLoop,
  cpuMeter,
  cpuSecondsOf,
  fmtMs,
  percentile,
  postgresCpuSeconds,
  type CpuUse,
  type RunResult,
} from './stats.js';

// bench:deals, the API side: licence deals driven through POST /api/deals/:id/events at CONCURRENCY.
export const CONCURRENCY = 16;
export const SECONDS = 15;
export const WARM_UP_SECONDS = 3;
const LISTINGS = 240;
const WARM_UP_DEALS = 4; // per buyer: the first listings warm the pool and measure the rate
const PASSWORD = 'Xq7-strong-pass-2026';
export const LICENSE_TERMS = {
  licenseType: 'exclusive',
  territory: '新疆生产建设兵团',
  fieldOfUse: '棉花种植',
  termMonths: 60,
  upfrontFee: 20_000_000,
  royaltyRateBp: 300,
};

interface Session {
  accessToken: string;
  user: { id: string };
}
type Party = 'buyer' | 'seller';
// A licence from inquiry to signature: five events, alternating parties.
export const STEPS: Array<[Party, string, Record<string, unknown>]> = [
  ['seller', 'ACCEPT_INQUIRY', {}],
  ['buyer', 'PROPOSE_TERMS', { terms: LICENSE_TERMS }],
  ['seller', 'ACCEPT_TERMS', {}],
  ['buyer', 'SIGN_CONTRACT', {}],
  ['seller', 'SIGN_CONTRACT', {}],
];

async function register(http: HttpClient, role: 'seller' | 'buyer', name: string): Promise<Session> {
  return http.ok('POST', '/api/auth/register', {
    expect: 201,
    body: {
      email: `${name}@bench.example`,
      password: PASSWORD,
      name,
      role,
      organization: { name: `${name} 有限公司`, type: 'enterprise' },
    },
  });
}

async function inParallel<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) out[i] = await fn(i);
    }),
  );
  return out;
}

interface OpenDeal {
  id: string;
  version: number;
  step: number;
  buyer: Session;
}

/** One queue of open deals per worker; each op sends the next event of the worker's current deal. */
function eventOp(http: HttpClient, seller: Session, queues: OpenDeal[][], byStep?: number[][]) {
  return async (w: number) => {
    const deal = queues[w][0];
    if (!deal) return null; // out of open deals: this worker stops (reported), rather than spin on errors
    const [party, type, payload] = STEPS[deal.step];
    const r = await http.call('POST', `/api/deals/${deal.id}/events`, {
      token: (party === 'seller' ? seller : deal.buyer).accessToken,
      body: { type, expectedVersion: deal.version, ...payload },
    });
    if (r.status !== 200) throw new Error(`${type} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    deal.version = r.body.version;
    byStep?.[deal.step].push(r.ms);
    if (++deal.step === STEPS.length) queues[w].shift();
    return r.ms;
  };
}

async function openDeals(
  http: HttpClient,
  buyers: Session[],
  listingIds: string[],
  from: number,
  perWorker: number,
): Promise<OpenDeal[][]> {
  const pairs = buyers.flatMap((buyer, w) =>
    Array.from({ length: perWorker }, (_, k) => ({ w, buyer, listingId: listingIds[from + k] })),
  );
  const opened = await inParallel(pairs.length, CONCURRENCY, async (i) => {
    const deal = await http.ok('POST', '/api/deals', {
      token: pairs[i].buyer.accessToken,
      body: { listingId: pairs[i].listingId, type: 'license' },
      expect: 201,
    });
    return {
      w: pairs[i].w,
      deal: { id: deal.id as string, version: deal.version as number, step: 0, buyer: pairs[i].buyer },
    };
  });
  const queues: OpenDeal[][] = buyers.map(() => []);
  for (const o of opened) queues[o.w].push(o.deal);
  return queues;
}

export interface ApiRun {
  run: RunResult & { stoppedEarly: number };
  snapshotChars: number;
  cpu: CpuUse;
  sellerUserId: string;
  sourceDealIds: string[];
  /** The timed run, in seconds since `since` (the server's start): the window of its CPU profile to read. */
  window: [number, number];
}

/** Seeds a seller, buyers and listings through the API, warms up, then times events at CONCURRENCY. */
export async function apiRun(server: Server, dbUrl: string, dbName: string, since: number): Promise<ApiRun> {
  const http = new HttpClient(server.url, CONCURRENCY * 2);
  try {
    const seller = await register(http, 'seller', 'bench-seller');
    const buyers = await inParallel(CONCURRENCY, 4, (w) => register(http, 'buyer', `bench-buyer-${w}`));
    const listingIds = await inParallel(LISTINGS, 8, async (i) => {
      const l = await http.ok('POST', '/api/listings', {
        token: seller.accessToken,
        body: benchListing(i, { ndaRequired: false, dealTypes: ['license', 'transfer'] }),
        expect: 201,
      });
      await http.ok('POST', `/api/listings/${l.id}/submit`, { token: seller.accessToken }); // LISTING_REVIEW=off publishes
      return l.id as string;
    });
    // Warm-up: a few whole deals per worker at full concurrency (opens every pooled connection), which also
    // measures the rate to size the timed run's supply of open deals.
    const warmQueues = await openDeals(http, buyers, listingIds, 0, WARM_UP_DEALS);
    const warm = await closedLoop(CONCURRENCY, WARM_UP_SECONDS, eventOp(http, seller, warmQueues));
    const rate = warm.ops / warm.seconds;
    const perWorker = Math.min(
      LISTINGS - WARM_UP_DEALS - 1,
      Math.ceil((rate * SECONDS * 3) / STEPS.length / CONCURRENCY) + 4,
    );
    const queues = await openDeals(http, buyers, listingIds, WARM_UP_DEALS, perWorker);
    console.log(
      `  opened ${perWorker * CONCURRENCY} deals for the timed run (warm-up rate ${rate.toFixed(0)} events/s)`,
    );
    const byStep: number[][] = STEPS.map(() => []);
    const meter = cpuMeter({
      server: () => cpuSecondsOf(server.pid),
      postgres: () => postgresCpuSeconds(dbName),
      bench: () => cpuSecondsOf(process.pid),
    });
    const from = (performance.now() - since) / 1000;
    const run = await closedLoop(CONCURRENCY, SECONDS, eventOp(http, seller, queues, byStep));
    const window: [number, number] = [from, (performance.now() - since) / 1000];
    const cpu = meter();
    console.log('  API latency by event (timed run):');
    STEPS.forEach(([party, type], i) => {
      const l = byStep[i].sort((a, b) => a - b);
      console.log(
        `    ${`${type} (${party})`.padEnd(26)} n ${String(l.length).padStart(5)}  p50 ${fmtMs(percentile(l, 50)).padStart(9)}  p99 ${fmtMs(percentile(l, 99)).padStart(9)}`,
      );
    });
    if (run.stoppedEarly)
      console.log(`  ${run.stoppedEarly} workers ran out of open deals before the end (raise LISTINGS)`);
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const [{ chars }] =
      await sql`select coalesce(avg(length(snapshot::text)), 0)::int as chars from deals where version >= 3`;
    await sql.end();
    // One fresh deal per buyer (on the last listing, untouched so far) for the replay of the API's own statements.
    const sources = await openDeals(http, buyers, listingIds, LISTINGS - 1, 1);
    return {
      run,
      snapshotChars: chars,
      cpu,
      sellerUserId: seller.user.id,
      sourceDealIds: sources.flat().map((d) => d.id),
      window,
    };
  } finally {
    http.close();
  }
}
