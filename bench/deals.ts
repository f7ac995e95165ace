import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDatabase, SHARED_PG_URL, startServer, stopAll, type Server } from '../tests/helpers/processes.js';
import { HttpClient } from './support/server.js';
import { benchListing } from './support/listings.js';
import { closedLoop, cpuSecondsOf, fmtMs, line, percentile, verdict, type RunResult } from './support/stats.js';

// `npm run bench:deals`: licence deals driven through POST /api/deals/:id/events at concurrency 16 against a
// server process of its own (NODE_ENV=production, PostgreSQL, a pool of 16 connections, no workers), and in the
// same run the same transaction shape in raw SQL from this process (lock, versioned update with a jsonb
// snapshot, history row, audit row) on scratch tables in the same database. Everything runs on 127.0.0.1.
// Per event the API sends begin, the locked deal with its parties' names, one statement writing the deal,
// history, audit, idle timer and notices, and commit (signing adds the invoice's three); on top it authenticates,
// validates, restores and runs the machine and answers the deal view. The raw loop sends begin, select, update,
// two inserts and commit, and does nothing else.
const CONCURRENCY = 16;
const SECONDS = 15;
const WARM_UP_SECONDS = 3;
const LISTINGS = 240;
const WARM_UP_DEALS = 4; // per buyer: the first listings warm the pool and measure the rate
const PASSWORD = 'Xq7-strong-pass-2026';
const LICENSE_TERMS = { licenseType: 'exclusive', territory: '新疆生产建设兵团', fieldOfUse: '棉花种植', termMonths: 60, upfrontFee: 20_000_000, royaltyRateBp: 300 };

interface Session { accessToken: string; user: { id: string } }
type Party = 'buyer' | 'seller';
// A licence from inquiry to signature: five events, alternating parties.
const STEPS: Array<[Party, string, Record<string, unknown>]> = [
  ['seller', 'ACCEPT_INQUIRY', {}], ['buyer', 'PROPOSE_TERMS', { terms: LICENSE_TERMS }], ['seller', 'ACCEPT_TERMS', {}],
  ['buyer', 'SIGN_CONTRACT', {}], ['seller', 'SIGN_CONTRACT', {}],
];

async function register(http: HttpClient, role: 'seller' | 'buyer', name: string): Promise<Session> {
  return http.ok('POST', '/api/auth/register', {
    expect: 201,
    body: { email: `${name}@bench.example`, password: PASSWORD, name, role, organization: { name: `${name} 有限公司`, type: 'enterprise' } },
  });
}

async function inParallel<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { for (let i = next++; i < n; i = next++) out[i] = await fn(i); }));
  return out;
}

interface OpenDeal { id: string; version: number; step: number; buyer: Session }

/** One queue of open deals per worker; each op sends the next event of the worker's current deal. */
function eventOp(http: HttpClient, seller: Session, queues: OpenDeal[][], byStep?: number[][]) {
  return async (w: number) => {
    const deal = queues[w][0];
    if (!deal) return null; // out of open deals: this worker stops (reported), rather than spin on errors
    const [party, type, payload] = STEPS[deal.step];
    const r = await http.call('POST', `/api/deals/${deal.id}/events`, {
      token: (party === 'seller' ? seller : deal.buyer).accessToken, body: { type, expectedVersion: deal.version, ...payload },
    });
    if (r.status !== 200) throw new Error(`${type} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    deal.version = r.body.version;
    byStep?.[deal.step].push(r.ms);
    if (++deal.step === STEPS.length) queues[w].shift();
    return r.ms;
  };
}

async function openDeals(http: HttpClient, buyers: Session[], listingIds: string[], from: number, perWorker: number): Promise<OpenDeal[][]> {
  const pairs = buyers.flatMap((buyer, w) => Array.from({ length: perWorker }, (_, k) => ({ w, buyer, listingId: listingIds[from + k] })));
  const opened = await inParallel(pairs.length, CONCURRENCY, async (i) => {
    const deal = await http.ok('POST', '/api/deals', { token: pairs[i].buyer.accessToken, body: { listingId: pairs[i].listingId, type: 'license' }, expect: 201 });
    return { w: pairs[i].w, deal: { id: deal.id as string, version: deal.version as number, step: 0, buyer: pairs[i].buyer } };
  });
  const queues: OpenDeal[][] = buyers.map(() => []);
  for (const o of opened) queues[o.w].push(o.deal);
  return queues;
}

async function apiRun(server: Server, dbUrl: string): Promise<{ warm: RunResult; run: RunResult; snapshotChars: number; cpuMsPerEvent: number }> {
  const http = new HttpClient(server.url, CONCURRENCY * 2);
  try {
    const seller = await register(http, 'seller', 'bench-seller');
    const buyers = await inParallel(CONCURRENCY, 4, (w) => register(http, 'buyer', `bench-buyer-${w}`));
    const listingIds = await inParallel(LISTINGS, 8, async (i) => {
      const l = await http.ok('POST', '/api/listings', { token: seller.accessToken, body: benchListing(i, { ndaRequired: false, dealTypes: ['license', 'transfer'] }), expect: 201 });
      await http.ok('POST', `/api/listings/${l.id}/submit`, { token: seller.accessToken }); // LISTING_REVIEW=off publishes
      return l.id as string;
    });
    // Warm-up: a few whole deals per worker at full concurrency (opens every pooled connection), which also
    // measures the rate to size the timed run's supply of open deals.
    const warmQueues = await openDeals(http, buyers, listingIds, 0, WARM_UP_DEALS);
    const warm = await closedLoop(CONCURRENCY, WARM_UP_SECONDS, eventOp(http, seller, warmQueues));
    const rate = warm.ops / warm.seconds;
    const perWorker = Math.min(LISTINGS - WARM_UP_DEALS, Math.ceil((rate * SECONDS * 3) / STEPS.length / CONCURRENCY) + 4);
    const queues = await openDeals(http, buyers, listingIds, WARM_UP_DEALS, perWorker);
    console.log(`opened ${perWorker * CONCURRENCY} deals for the timed run (warm-up rate ${rate.toFixed(0)} events/s)`);
    const byStep: number[][] = STEPS.map(() => []);
    const cpu0 = 1000 * cpuSecondsOf(server.pid);
    const run = await closedLoop(CONCURRENCY, SECONDS, eventOp(http, seller, queues, byStep));
    const cpuMsPerEvent = (1000 * cpuSecondsOf(server.pid) - cpu0) / run.ops;
    console.log('  API latency by event (timed run):');
    STEPS.forEach(([party, type], i) => {
      const l = byStep[i].sort((a, b) => a - b);
      console.log(`    ${`${type} (${party})`.padEnd(26)} n ${String(l.length).padStart(5)}  p50 ${fmtMs(percentile(l, 50)).padStart(9)}  p99 ${fmtMs(percentile(l, 99)).padStart(9)}`);
    });
    if (run.stoppedEarly) console.log(`  ${run.stoppedEarly} workers ran out of open deals before the end (raise LISTINGS)`);
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const [{ chars }] = await sql`select coalesce(avg(length(snapshot::text)), 0)::int as chars from deals where version >= 3`;
    await sql.end();
    return { warm, run, snapshotChars: chars, cpuMsPerEvent };
  } finally {
    http.close();
  }
}

async function rawRun(dbUrl: string, snapshotChars: number): Promise<RunResult> {
  const sql = postgres(dbUrl, { max: CONCURRENCY, onnotice: () => {} });
  try {
    await sql`create table bench_deals (id text primary key, state text not null, version integer not null, snapshot jsonb not null, updated_at timestamptz not null default now())`;
    await sql`create table bench_deal_history (id bigserial primary key, deal_id text not null, version integer not null, type text not null, actor_id text, payload jsonb not null, at timestamptz not null default now(), unique (deal_id, version))`;
    await sql`create table bench_audit (id bigserial primary key, actor_id text, action text not null, entity text not null, entity_id text not null, data jsonb not null, at timestamptz not null default now())`;
    const filler = 'x'.repeat(Math.max(0, snapshotChars - 200));
    const snapshot = (v: number) => ({ value: 'negotiating', context: { version: v, terms: LICENSE_TERMS, filler }, status: 'active' });
    const perWorker = 50;
    const ids = Array.from({ length: CONCURRENCY * perWorker }, (_, i) => `raw_${i}`);
    await sql`insert into bench_deals ${sql(ids.map((id) => ({ id, state: 'inquiry', version: 0, snapshot: sql.json(snapshot(0)) })))}`;
    const op = async (w: number, i: number) => {
      const id = ids[w * perWorker + (i % perWorker)];
      const t0 = performance.now();
      await sql.begin(async (tx) => {
        const [row] = await tx`select version from bench_deals where id = ${id} for update`;
        const version = row.version + 1;
        await tx`update bench_deals set version = ${version}, state = 'negotiating', snapshot = ${tx.json(snapshot(version))}, updated_at = now() where id = ${id}`;
        await tx`insert into bench_deal_history (deal_id, version, type, actor_id, payload) values (${id}, ${version}, 'PROPOSE_TERMS', 'usr_bench', ${tx.json({ terms: LICENSE_TERMS })})`;
        await tx`insert into bench_audit (actor_id, action, entity, entity_id, data) values ('usr_bench', 'deal.event', 'deal', ${id}, ${tx.json({ type: 'PROPOSE_TERMS', version })})`;
      });
      return performance.now() - t0;
    };
    await closedLoop(CONCURRENCY, WARM_UP_SECONDS, op); // opens all 16 connections before timing
    return await closedLoop(CONCURRENCY, SECONDS, op);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  const deadline = setTimeout(() => { console.error('bench:deals exceeded 4 minutes'); process.exit(2); }, 240_000);
  deadline.unref();
  const db = await createDatabase(process.env.BENCH_DATABASE_URL ?? SHARED_PG_URL, 'tte_bdeals');
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-bdeals-'));
  let failed = false;
  try {
    const server = await startServer('bench-deals-api', {
      NODE_ENV: 'production', DATABASE_URL: db.url, DB_POOL_MAX: String(CONCURRENCY), DATA_DIR: dataDir, RUN_WORKERS: 'false',
      LISTING_REVIEW: 'off', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(48).toString('base64url'),
      ADMIN_EMAIL: 'bench-admin@bureau.example', ADMIN_PASSWORD: `Bench-${randomBytes(9).toString('hex')}-1`,
    });
    const { run: api, snapshotChars, cpuMsPerEvent } = await apiRun(server, db.url);
    const raw = await rawRun(db.url, snapshotChars);
    const ratio = (api.ops / api.seconds) / (raw.ops / raw.seconds);
    console.log(`\ndeal events: concurrency ${CONCURRENCY}, ${SECONDS} s each (client, server process and PostgreSQL on one host; snapshot ≈ ${snapshotChars} chars)`);
    console.log(line('API  POST /deals/:id/events', api, 'ev'));
    console.log(line('raw SQL same tx shape', raw, 'tx'));
    console.log(`  API server process: ${cpuMsPerEvent.toFixed(2)} ms of CPU per event`);
    console.log(`  API/raw: throughput ${(100 * ratio).toFixed(0)}%, p99 ×${(percentile(api.latencies, 99) / percentile(raw.latencies, 99)).toFixed(2)}`);
    const checks = [
      [`API events/s ≥ 50% of raw (${(100 * ratio).toFixed(0)}%)`, ratio >= 0.5],
      [`no errors (${api.errors + raw.errors})`, api.errors + raw.errors === 0],
    ] as const;
    for (const [label, ok] of checks) console.log(`  ${verdict(ok)}  ${label}`);
    failed = checks.some(([, ok]) => !ok);
  } finally {
    await stopAll();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
