import { createRequire } from 'node:module';
import type { Seeded } from './seed.js';

// The mixed workload, one autocannon instance per kind of request, all at once against the same server.
// autocannon ships no types: the few parts used here are typed below.

interface AcRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AcRequestSpec extends AcRequest {
  setupRequest?: (req: AcRequest, context: object) => AcRequest;
  onResponse?: (status: number, body: string, context: object) => void;
}
interface AcClient {
  setRequests(requests: AcRequestSpec[]): void;
}
interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  connectionRate?: number;
  setupClient?: (client: AcClient) => void;
}
interface AcResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AcInstance extends PromiseLike<AcResult> {
  on(event: 'response', listener: (client: AcClient, status: number, bytes: number, ms: number) => void): void;
  stop(): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AcOptions) => AcInstance;

export type Kind = 'search' | 'listing' | 'dealEvent' | 'invoicePdf';
export const KINDS: Kind[] = ['search', 'listing', 'dealEvent', 'invoicePdf'];
// Visitors browsing (search, listing pages) are closed-loop connections: each sends its next request as soon
// as the last one is answered, so they measure the capacity left. Parties negotiating and downloading invoices
// come at a fixed pace per connection (an open model): a PDF takes tens of milliseconds of the server's one
// JavaScript thread, and a closed loop of PDF downloads would measure nothing but PDF rendering.
const PACED: Partial<Record<Kind, { per: number; ratePerSecond: number }>> = {
  dealEvent: { per: 8, ratePerSecond: 4 },
  invoicePdf: { per: 16, ratePerSecond: 1 },
};

export interface KindResult {
  kind: Kind;
  connections: number;
  requests: number;
  errors: number;
  latencies: number[];
  statuses: Record<string, number>;
}

// Every request comes from another address of a simulated crowd (X-Forwarded-For, trusted by a production
// server behind its load balancer), so the per-address API rate limit (600/min) limits each simulated user,
// not the bench. The limiter's own work is still measured.
let address = 0;
const client = () => {
  const n = ++address & 0xffffff;
  return { 'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}` };
};

const QUERIES = [
  '滴灌',
  '节水灌溉',
  '棉花',
  '光伏',
  'irrigation',
  '采棉机',
  '盐碱地',
  '疫苗',
  '智能',
  'photovoltaic',
  '废水',
  '边缘计算',
];
const FILTERS = [
  '',
  '&field=modern_agriculture',
  '&trl=5-9',
  '&sort=price_desc',
  '&dealType=license',
  '&field=new_energy&trl=4-8',
];

/** Connections per kind at `total`: one deal-event connection per 8, one PDF connection per 16, the rest reads. */
export function connectionsFor(total: number): Record<Kind, number> {
  const dealEvent = Math.max(1, Math.round(total / PACED.dealEvent!.per));
  const invoicePdf = Math.max(1, Math.round(total / PACED.invoicePdf!.per));
  const reads = total - dealEvent - invoicePdf;
  const search = Math.ceil(reads * 0.55);
  return { search, listing: reads - search, dealEvent, invoicePdf };
}

export const pace = (kind: Kind) => PACED[kind]?.ratePerSecond;

function requestsFor(kind: Kind, data: Seeded, conn: number): AcRequestSpec[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  if (kind === 'search') {
    return [
      {
        setupRequest: (req) => ({
          ...req,
          method: 'GET',
          headers: client(),
          path: `/api/search/listings?q=${encodeURIComponent(pick(QUERIES))}${pick(FILTERS)}&limit=20`,
        }),
      },
    ];
  }
  if (kind === 'listing') {
    return [
      {
        setupRequest: (req) => ({
          ...req,
          method: 'GET',
          headers: client(),
          path: `/api/listings/${pick(data.listingIds)}`,
        }),
      },
    ];
  }
  if (kind === 'invoicePdf') {
    return [
      {
        setupRequest: (req) => {
          const inv = pick(data.invoices);
          return {
            ...req,
            method: 'GET',
            headers: { ...client(), authorization: `Bearer ${inv.token}` },
            path: `/api/invoices/${inv.id}/pdf`,
          };
        },
      },
    ];
  }
  // One deal per connection: the connection holds the deal's version as a client page would, so no two
  // requests race on a deal and every event is accepted. It loads the deal first, and again after a failed
  // answer: a previous run cut off mid-request, or a timeout, may have applied an event it never saw answered.
  const deal = data.negotiating[conn];
  let n = 0;
  let reload = true;
  return [
    {
      setupRequest: (req) => {
        const headers = { ...client(), authorization: `Bearer ${deal.token}`, 'content-type': 'application/json' };
        if (reload) return { ...req, method: 'GET', path: `/api/deals/${deal.id}`, headers, body: '' };
        return {
          ...req,
          method: 'POST',
          path: `/api/deals/${deal.id}/events`,
          headers,
          body: JSON.stringify({ type: 'PROPOSE_TERMS', expectedVersion: deal.version, terms: termsFor(++n) }),
        };
      },
      onResponse: (status, body) => {
        reload = status !== 200;
        if (status === 200) deal.version = JSON.parse(body).version;
      },
    },
  ];
}

const termsFor = (n: number) => ({
  licenseType: 'non_exclusive',
  territory: '新疆生产建设兵团',
  fieldOfUse: '棉花种植',
  termMonths: 36 + (n % 24),
  upfrontFee: 10_000_000 + (n % 100) * 10_000,
  royaltyRateBp: 200 + (n % 300),
});

/**
 * One kind alone, closed-loop on `connections` connections for `seconds`: what one request of that kind costs
 * the server (BENCH_COST=1), without the other kinds' interference.
 */
export async function runAlone(
  url: string,
  data: Seeded,
  kind: Kind,
  connections: number,
  seconds: number,
): Promise<KindResult> {
  const latencies: number[] = [];
  let conn = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    setupClient: (c) => c.setRequests(requestsFor(kind, data, conn++)),
  });
  instance.on('response', (_c, _status, _bytes, ms) => {
    latencies.push(ms);
  });
  const r = await instance;
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    kind,
    connections,
    requests: latencies.length,
    errors: r.errors + r.timeouts + r.non2xx,
    latencies,
    statuses,
  };
}

/** Runs every kind at once for `seconds` with `total` connections split by `connectionsFor`. */
export async function runMixed(url: string, data: Seeded, total: number, seconds: number): Promise<KindResult[]> {
  const split = connectionsFor(total);
  if (split.listing < 1) throw new Error(`concurrency ${total} leaves no connection for reads`);
  if (split.dealEvent > data.negotiating.length)
    throw new Error(`need ${split.dealEvent} negotiating deals, seeded ${data.negotiating.length}`);
  return Promise.all(
    KINDS.map(async (kind) => {
      const latencies: number[] = [];
      let conn = 0;
      const instance = autocannon({
        url,
        connections: split[kind],
        duration: seconds,
        timeout: 10,
        connectionRate: pace(kind),
        setupClient: (c) => c.setRequests(requestsFor(kind, data, conn++)),
      });
      instance.on('response', (_c, _status, _bytes, ms) => {
        latencies.push(ms);
      });
      const r = await instance;
      const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
      return {
        kind,
        connections: split[kind],
        requests: latencies.length,
        errors: r.errors + r.timeouts + r.non2xx,
        latencies,
        statuses,
      };
    }),
  );
}
