import { sql as q, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { loadConfig } from '../../src/config.js';
import { deals } from '../../src/db/schema/deals.js';
import { planDealEvent, type DealEventInput } from '../../src/deals/engine.js';
import type { DealActor } from '../../src/deals/machines/index.js';
import { dealWithNamesQuery, eventStatement, type DealRow } from '../../src/deals/store/index.js';
import {
  capturedParties,
  effectInvoice,
  issueStatement,
  partiesQuery,
  type Parties,
} from '../../src/invoices/issue.js';
import type { AppContext } from '../../src/platform/context.js';
import { openPostgres, queryRows } from '../../src/platform/db.js';
import { rowOf } from '../../src/platform/statements.js';
import { CONCURRENCY, LICENSE_TERMS, SECONDS, STEPS, WARM_UP_SECONDS } from './deal-api.js';
import { closedLoop, cpuMeter, cpuSecondsOf, postgresCpuSeconds, type CpuUse, type RunResult } from './stats.js';

// bench:deals, the raw SQL side, from this process at the same concurrency on the same database.

/**
 * The API's own SQL without the API: the statements the API sends for the same five events, built by the
 * engine's, the deal store's and the invoicing module's own code (planDealEvent, the store's dealWithNamesQuery
 * and eventStatement, effectInvoice, issueStatement) before the clock starts, and sent prepared. Per event: the
 * deal with its parties' names, then the guarded write; the seller's signature, which issues an invoice, sends in
 * a transaction the write, the obligation, the parties' details and the invoice (numbered at commit by the
 * database, as for the API). Its deals are copies of fresh deals opened through the API.
 */
export async function rawOwnStatementsRun(
  serverEnv: Record<string, string>,
  dbName: string,
  sourceDealIds: string[],
  sellerUserId: string,
  apiRate: number,
): Promise<{ run: RunResult & { stoppedEarly: number }; cpu: CpuUse }> {
  const database = await openPostgres(serverEnv.DATABASE_URL, { max: CONCURRENCY });
  try {
    // The server's configuration (idle expiry, tax rates) and a real clock: what the engine needs to plan and to issue.
    const ctx = { clock: { now: () => new Date() }, config: loadConfig(serverEnv) } as unknown as AppContext;
    // Enough deals for eight times the API's rate (at least 800 events/s: on a busy host the API slows down far
    // more than PostgreSQL does); a worker that runs out stops, and the run says so.
    const perWorker =
      Math.ceil((Math.max(8 * apiRate, 800) * (SECONDS + WARM_UP_SECONDS)) / STEPS.length / CONCURRENCY) + 4;
    const copies = Math.ceil((perWorker * CONCURRENCY) / sourceDealIds.length);
    await database.db
      .execute(q`insert into ${deals} select (jsonb_populate_record(d, jsonb_build_object('id', d.id || '.raw' || g))).*
      from ${deals} d cross join generate_series(1, ${copies}::int) g where d.id in (${q.join(
        sourceDealIds.map((id) => q`${id}`),
        q`, `,
      )})`);
    const rows = (await queryRows(database.db, q`select * from ${deals} where ${deals.id} like '%.raw%'`)).map((r) =>
      rowOf(deals, r),
    );
    const dialect = new PgDialect();
    type Query = { sql: string; params: unknown[] };
    const render = (statement: SQL): Query => dialect.sqlToQuery(statement);
    const read = render(dealWithNamesQuery('?', false)).sql;
    // The parties' invoicing details, read once per pair as issueInvoice reads them per invoice.
    const parties = new Map<string, Parties>();
    const partiesOf = async (issuer: string, recipient: string) => {
      const key = `${issuer} ${recipient}`;
      if (!parties.has(key))
        parties.set(key, capturedParties(await partiesQuery(database.db, issuer, recipient), issuer, recipient));
      return parties.get(key)!;
    };
    // Per event, what the engine's runPlan sends: the guarded write alone or, with invoices, in a transaction
    // with each invoice's obligation, its parties' details and the invoice itself (issueInvoiceForEffect).
    interface Step {
      dealId: string;
      write: Query;
      invoices: Query[][];
    }
    const queues: Step[][] = Array.from({ length: CONCURRENCY }, () => []);
    for (const [i, row] of rows.slice(0, perWorker * CONCURRENCY).entries()) {
      let deal: DealRow = row;
      for (const [party, type, payload] of STEPS) {
        const actor: DealActor =
          party === 'seller' ? { userId: sellerUserId, role: 'seller' } : { userId: deal.buyerUserId, role: 'buyer' };
        const plan = planDealEvent(ctx, deal, actor, { type, ...payload } as DealEventInput);
        const invoices: Query[][] = [];
        for (const effect of plan.invoices) {
          if (effect.issuer !== 'seller') throw new Error('the bench deals have no broker to issue a commission');
          const invoice = effectInvoice(plan.updated, effect, plan.updated.sellerOrgId);
          invoices.push([
            render(invoice.obligation),
            partiesQuery(database.db, invoice.spec.issuerOrgId, invoice.spec.recipientOrgId).toSQL(),
            render(
              issueStatement(
                ctx,
                database.db,
                invoice.spec,
                await partiesOf(invoice.spec.issuerOrgId, invoice.spec.recipientOrgId),
                invoice.alongside,
              ),
            ),
          ]);
        }
        queues[i % CONCURRENCY].push({ dealId: deal.id, write: render(eventStatement(plan.write)), invoices });
        deal = plan.updated;
      }
    }
    const client = database.client;
    const send = (on: postgres.Sql | postgres.TransactionSql, query: Query) =>
      on.unsafe(query.sql, query.params as never[]);
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
    if (run.stoppedEarly)
      console.log(`  raw (API's statements): ${run.stoppedEarly} workers ran out of deals before the end`);
    return { run, cpu: meter() };
  } finally {
    await database.close();
  }
}

/**
 * A minimal transaction, a printed figure only: begin, a locked select, a versioned update of a jsonb snapshot,
 * a history row, an audit row, commit, on scratch tables: a third of the database work an event does.
 */
export async function rawRun(
  dbUrl: string,
  dbName: string,
  snapshotChars: number,
): Promise<{ run: RunResult; cpu: CpuUse }> {
  const sql = postgres(dbUrl, { max: CONCURRENCY, onnotice: () => {} });
  try {
    await sql`create table bench_deals (id text primary key, state text not null, version integer not null, snapshot jsonb not null, updated_at timestamptz not null default now())`;
    await sql`create table bench_deal_history (id bigserial primary key, deal_id text not null, version integer not null, type text not null, actor_id text, payload jsonb not null, at timestamptz not null default now(), unique (deal_id, version))`;
    await sql`create table bench_audit (id bigserial primary key, actor_id text, action text not null, entity text not null, entity_id text not null, data jsonb not null, at timestamptz not null default now())`;
    const filler = 'x'.repeat(Math.max(0, snapshotChars - 200));
    const snapshot = (v: number) => ({
      value: 'negotiating',
      context: { version: v, terms: LICENSE_TERMS, filler },
      status: 'active',
    });
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
