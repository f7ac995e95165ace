import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql as q, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { loadConfig } from '../src/config.js';
import { deals } from '../src/db/schema/deals.js';
import { planDealEvent, type DealEventInput } from '../src/deals/engine.js';
import { capturedParties, effectInvoice, issueStatement, partiesQuery, type Parties } from '../src/invoices/issue.js';
import type { DealActor } from '../src/deals/machines/index.js';
import { dealWithNamesQuery, eventStatement, type DealRow } from '../src/deals/store/index.js';
import type { AppContext } from '../src/platform/context.js';
import { openPostgres, queryRows } from '../src/platform/db.js';
import { rowOf } from '../src/platform/statements.js';
import { createDatabase, SHARED_PG_URL, startServer, stopAll, type Server } from '../tests/helpers/processes.js';
import { HttpClient } from './support/server.js';
import { benchListing } from './support/listings.js';
import { closedLoop, cpuMeter, cpuSecondsOf, fmtMs, line, percentile, postgresCpuSeconds, verdict, type CpuUse, type RunResult } from './support/stats.js';

// `npm run bench:deals`: licence deals driven through POST /api/deals/:id/events at concurrency 16 against a
// server process of its own (NODE_ENV=production, PostgreSQL, a pool of 16 connections, no workers), and in the
// same run two raw SQL loops from this process at the same concurrency, on the same database:
// - the API's own statements (rawOwnStatementsRun): what the API sends for the same five events, built by its own
//   code before the clock starts. Per event: the deal with its parties' names, then one guarded statement writing
//   the deal, history, audit, idle timer and notices; the seller's signature adds, in a transaction, the invoice's
//   obligation, its parties' details and the invoice. The difference to the API is the API's own work: HTTP, the
//   token, validation, the machine, building the SQL and the deal view.
// - a minimal transaction (rawRun): begin, a locked select, a versioned update of a jsonb snapshot, a history row,
//   an audit row, commit, on scratch tables: a third of the database work an event does.
// Everything runs on 127.0.0.1 and shares the machine's cores; the CPU lines say where they went.
const CONCURRENCY = 16;
const SECONDS = 15;
const WARM_UP_SECONDS = 3;
const LISTINGS = 240;
const WARM_UP_DEALS = 4; // per buyer: the first listings warm the pool and measure the rate
const PASSWORD = 'Xq7-strong-pass-2026';
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (read it with bench/load/profile.ts).
// BENCH_NODE_ARGS="<flags>": extra Node flags for the server (e.g. to try GC settings).
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
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

/** The CPU of each process (and of the rest of the machine) per operation of `r`, in ms. */
function cpuLine(label: string, use: CpuUse, r: RunResult) {
  const per = (seconds: number) => `${((1000 * seconds) / Math.max(1, r.ops)).toFixed(2)} ms`;
  return `  ${label.padEnd(28)} CPU per op: ${Object.entries(use.byProcess).map(([k, v]) => `${k} ${per(v)}`).join(', ')}, other ${per(use.other)}, host ${per(use.stolen)}`;
}

async function apiRun(server: Server, dbUrl: string, dbName: string): Promise<{ warm: RunResult; run: RunResult; snapshotChars: number; cpu: CpuUse; sellerUserId: string; sourceDealIds: string[] }> {
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
    const perWorker = Math.min(LISTINGS - WARM_UP_DEALS - 1, Math.ceil((rate * SECONDS * 3) / STEPS.length / CONCURRENCY) + 4);
    const queues = await openDeals(http, buyers, listingIds, WARM_UP_DEALS, perWorker);
    console.log(`opened ${perWorker * CONCURRENCY} deals for the timed run (warm-up rate ${rate.toFixed(0)} events/s)`);
    const byStep: number[][] = STEPS.map(() => []);
    const meter = cpuMeter({ server: () => cpuSecondsOf(server.pid), postgres: () => postgresCpuSeconds(dbName), bench: () => cpuSecondsOf(process.pid) });
    const run = await closedLoop(CONCURRENCY, SECONDS, eventOp(http, seller, queues, byStep));
    const cpu = meter();
    console.log('  API latency by event (timed run):');
    STEPS.forEach(([party, type], i) => {
      const l = byStep[i].sort((a, b) => a - b);
      console.log(`    ${`${type} (${party})`.padEnd(26)} n ${String(l.length).padStart(5)}  p50 ${fmtMs(percentile(l, 50)).padStart(9)}  p99 ${fmtMs(percentile(l, 99)).padStart(9)}`);
    });
    if (run.stoppedEarly) console.log(`  ${run.stoppedEarly} workers ran out of open deals before the end (raise LISTINGS)`);
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const [{ chars }] = await sql`select coalesce(avg(length(snapshot::text)), 0)::int as chars from deals where version >= 3`;
    await sql.end();
    // One fresh deal per buyer (on the last listing, untouched so far) for the replay of the API's own statements.
    const sources = await openDeals(http, buyers, listingIds, LISTINGS - 1, 1);
    return { warm, run, snapshotChars: chars, cpu, sellerUserId: seller.user.id, sourceDealIds: sources.flat().map((d) => d.id) };
  } finally {
    http.close();
  }
}

/**
 * The API's own SQL without the API: the statements the API sends for the same five events, built by the
 * engine's and the invoicing module's own code (planDealEvent, effectInvoice, issueStatement) before the clock
 * starts, and sent prepared from this process at the same concurrency. Per event: the deal with its parties'
 * names, then the guarded write; the seller's signature, which issues an invoice, sends in a transaction the
 * write, the obligation, the parties' details and the invoice (numbered at commit by the database, as for the
 * API). Its deals are copies of fresh deals opened through the API.
 */
async function rawOwnStatementsRun(serverEnv: Record<string, string>, dbName: string, sourceDealIds: string[], sellerUserId: string, apiRate: number): Promise<{ run: RunResult; cpu: CpuUse }> {
  const database = await openPostgres(serverEnv.DATABASE_URL, { max: CONCURRENCY });
  try {
    // The server's configuration (idle expiry, tax rates) and a real clock: what the engine needs to plan and to issue.
    const ctx = { clock: { now: () => new Date() }, config: loadConfig(serverEnv) } as unknown as AppContext;
    // Enough deals for up to four times the API's rate; a worker that runs out stops, and the run says so.
    const perWorker = Math.ceil((4 * apiRate * (SECONDS + WARM_UP_SECONDS)) / STEPS.length / CONCURRENCY) + 4;
    const copies = Math.ceil((perWorker * CONCURRENCY) / sourceDealIds.length);
    await database.db.execute(q`insert into deals select (jsonb_populate_record(d, jsonb_build_object('id', d.id || '.raw' || g))).*
      from deals d cross join generate_series(1, ${copies}::int) g where d.id in (${q.join(sourceDealIds.map((id) => q`${id}`), q`, `)})`);
    const rows = (await queryRows(database.db, q`select * from deals where id like '%.raw%'`)).map((r) => rowOf(deals, r));
    const dialect = new PgDialect();
    type Query = { sql: string; params: unknown[] };
    const render = (statement: SQL): Query => dialect.sqlToQuery(statement);
    const read = render(dealWithNamesQuery('?', false)).sql;
    // The parties' invoicing details, read once per pair as issueInvoice reads them per invoice.
    const parties = new Map<string, Parties>();
    const partiesOf = async (issuer: string, recipient: string) => {
      const key = `${issuer} ${recipient}`;
      if (!parties.has(key)) parties.set(key, capturedParties(await partiesQuery(database.db, issuer, recipient), issuer, recipient));
      return parties.get(key)!;
    };
    // Per event, what persistDealEvent sends: the guarded write alone or, with invoices, in a transaction with
    // each invoice's obligation, its parties' details and the invoice itself (issueInvoiceForEffect).
    interface Step { dealId: string; write: Query; invoices: Query[][] }
    const queues: Step[][] = Array.from({ length: CONCURRENCY }, () => []);
    for (const [i, row] of rows.slice(0, perWorker * CONCURRENCY).entries()) {
      let deal: DealRow = row;
      for (const [party, type, payload] of STEPS) {
        const actor: DealActor = party === 'seller' ? { userId: sellerUserId, role: 'seller' } : { userId: deal.buyerUserId, role: 'buyer' };
        const plan = planDealEvent(ctx, deal, actor, { type, ...payload } as DealEventInput);
        const invoices: Query[][] = [];
        for (const effect of plan.invoices) {
          if (effect.issuer !== 'seller') throw new Error('the bench deals have no broker to issue a commission');
          const invoice = effectInvoice(plan.updated, effect, plan.updated.sellerOrgId);
          invoices.push([
            render(invoice.obligation),
            partiesQuery(database.db, invoice.spec.issuerOrgId, invoice.spec.recipientOrgId).toSQL(),
            render(issueStatement(ctx, database.db, invoice.spec, await partiesOf(invoice.spec.issuerOrgId, invoice.spec.recipientOrgId), invoice.alongside)),
          ]);
        }
        queues[i % CONCURRENCY].push({ dealId: deal.id, write: render(eventStatement(plan.write)), invoices });
        deal = plan.updated;
      }
    }
    const client = database.client;
    const send = (on: postgres.Sql | postgres.TransactionSql, query: Query) => on.unsafe(query.sql, query.params as never[]);
    const op = async (w: number) => {
      const step = queues[w].shift();
      if (!step) return null;
      const t0 = performance.now();
      await client.unsafe(read, [step.dealId]);
      if (!step.invoices.length) await send(client, step.write);
      else {
        await client.begin(async (tx) => {
          await send(tx, step.write);
          for (const queries of step.invoices) for (const query of queries) await send(tx, query);
        });
      }
      return performance.now() - t0;
    };
    await closedLoop(CONCURRENCY, WARM_UP_SECONDS, op);
    const meter = cpuMeter({ postgres: () => postgresCpuSeconds(dbName), bench: () => cpuSecondsOf(process.pid) });
    const run = await closedLoop(CONCURRENCY, SECONDS, op);
    if (run.stoppedEarly) console.log(`  raw (API's statements): ${run.stoppedEarly} workers ran out of deals before the end`);
    return { run, cpu: meter() };
  } finally {
    await database.close();
  }
}

async function rawRun(dbUrl: string, dbName: string, snapshotChars: number): Promise<{ run: RunResult; cpu: CpuUse }> {
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
    const meter = cpuMeter({ postgres: () => postgresCpuSeconds(dbName), bench: () => cpuSecondsOf(process.pid) });
    const run = await closedLoop(CONCURRENCY, SECONDS, op);
    return { run, cpu: meter() };
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
    const serverEnv = {
      NODE_ENV: 'production', DATABASE_URL: db.url, DB_POOL_MAX: String(CONCURRENCY), DATA_DIR: dataDir, RUN_WORKERS: 'false',
      LISTING_REVIEW: 'off', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(48).toString('base64url'),
      ADMIN_EMAIL: 'bench-admin@bureau.example', ADMIN_PASSWORD: `Bench-${randomBytes(9).toString('hex')}-1`,
    };
    const nodeArgs = [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [])];
    const server = await startServer('bench-deals-api', serverEnv, { nodeArgs });
    const { run: api, snapshotChars, cpu: apiCpu, sellerUserId, sourceDealIds } = await apiRun(server, db.url, db.name);
    const apiRate = api.ops / api.seconds;
    const own = await rawOwnStatementsRun(serverEnv, db.name, sourceDealIds, sellerUserId, apiRate);
    const { run: raw, cpu: rawCpu } = await rawRun(db.url, db.name, snapshotChars);
    const rate = (r: RunResult) => r.ops / r.seconds;
    const p99 = (r: RunResult) => percentile(r.latencies, 99);
    console.log(`\ndeal events: concurrency ${CONCURRENCY}, ${SECONDS} s each (client, server process and PostgreSQL on one host; snapshot ≈ ${snapshotChars} chars)`);
    console.log(line('API  POST /deals/:id/events', api, 'ev'));
    console.log(line("raw SQL, the API's statements", own.run, 'ev'));
    console.log(line('raw SQL, minimal tx shape', raw, 'tx'));
    console.log(cpuLine('API', apiCpu, api));
    console.log(cpuLine("raw, the API's statements", own.cpu, own.run));
    console.log(cpuLine('raw, minimal tx shape', rawCpu, raw));
    for (const [label, r] of [["the API's statements", own.run], ['the minimal tx', raw]] as const) {
      console.log(`  API/raw (${label}): throughput ${(100 * apiRate / rate(r)).toFixed(0)}%, p99 ×${(p99(api) / p99(r)).toFixed(2)}`);
    }
    const ratioOwn = apiRate / rate(own.run);
    const ratioMinimal = apiRate / rate(raw);
    const checks = [
      [`API events/s ≥ 50% of the raw SQL of its own statements (${(100 * ratioOwn).toFixed(0)}%)`, ratioOwn >= 0.5],
      [`API events/s ≥ 50% of the minimal raw tx (${(100 * ratioMinimal).toFixed(0)}%)`, ratioMinimal >= 0.5],
      [`no errors (${api.errors + own.run.errors + raw.errors})`, api.errors + own.run.errors + raw.errors === 0],
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
