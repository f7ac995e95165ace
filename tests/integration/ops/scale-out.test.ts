import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgresDb } from '../../../src/platform/db.js';
import {
  createDatabase,
  startMeilisearch,
  startServer,
  startWorker,
  stopAll,
  until,
  type Child,
  type Meili,
  type Server,
} from '../../helpers/processes.js';
import { Api, manyClients } from './support/api.js';
import { ADMIN, runDealWorkload, type Outcome } from './support/scenario.js';

// Two API processes and two `npm run worker` processes on one PostgreSQL and one Meilisearch, started together
// on an empty database, run the same concurrent deals as one process alone; the results must be the same: no
// double invoice, no double timer, contiguous history, gapless invoice numbers.

const DEALS = 8;
let meili: Meili;
const cleanups: Array<() => Promise<void>> = [];

function envFor(databaseUrl: string): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-ops-data-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    // Every API process must verify every other one's tokens: one secret for all.
    JWT_SECRET: 'ops-test-secret-ops-test-secret-0123456789',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LISTING_REVIEW: 'off',
    INVOICE_DUE_DAYS: '0',
  };
}

async function freshDatabase() {
  const db = await createDatabase();
  cleanups.push(db.drop);
  return db.url;
}

beforeAll(async () => {
  meili = await startMeilisearch();
}, 60_000);
afterAll(async () => {
  await stopAll();
  await meili?.stop();
  for (const c of cleanups.reverse()) await c();
});

/** The invariants each run must hold on its own. */
function checkInvariants(o: Outcome) {
  const invoices = o.deals.flatMap((d) => d.invoices);
  // One upfront fee, one commission and one royalty invoice per deal, each marked overdue exactly once.
  expect(invoices).toHaveLength(3 * DEALS);
  expect(o.invoiceSerials).toEqual(invoices.map((_, i) => i + 1));
  expect(o.overdueMarksPerInvoice).toEqual(invoices.map(() => 1));
  for (const d of o.deals) {
    expect(d.state).toBe('active');
    expect(d.history.map((h) => Number(h.split(':')[0]))).toEqual(d.history.map((_, i) => i));
    expect(d.history.filter((h) => h.endsWith(':OFFER_EXPIRED'))).toHaveLength(1);
    // The workload's contracts are not registered: licence fees and royalties carry 6% VAT (财税〔2016〕36号).
    expect(d.invoices).toEqual([
      'commission:1590000:overdue',
      'royalty:4770000:overdue',
      'upfront_fee:31800000:overdue',
    ]);
  }
  // Each duplicate event sent through two processes at once was accepted once and refused once.
  expect(new Set(o.races)).toEqual(
    new Set(['SIGN_CONTRACT:200,409 VERSION_CONFLICT', 'REPORT_ROYALTIES:200,409 VERSION_CONFLICT']),
  );
  expect(o.timers['offerExpiry:fired']).toBe(DEALS);
  expect(o.timers['overdue:fired']).toBe(3 * DEALS);
  expect(o.duplicateNotifications).toBe(0);
  expect(o.undeliveredNotifications).toBe(0);
}

/**
 * Starts two API processes and two workers on a migrated database so that the API processes bootstrap the
 * admin account at the same moment: the `users` table stays locked until both wait on it (or on anything
 * else), as when a deployment starts every process at once and they reach that point together.
 */
async function startTogether(env: Record<string, string>): Promise<PromiseSettledResult<Child>[]> {
  await migratePostgresDb(env.DATABASE_URL);
  const sql = postgres(env.DATABASE_URL, { max: 2, onnotice: () => {} });
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const gate = sql.begin(async (tx) => {
    await tx`lock table users in access exclusive mode`;
    locked();
    await opened;
  });
  await isLocked;
  const starting = Promise.allSettled<Child>([
    startServer('api-1', { ...env, RUN_WORKERS: 'false' }),
    startServer('api-2', { ...env, RUN_WORKERS: 'false' }),
    startWorker('worker-1', env),
    startWorker('worker-2', env),
  ]);
  try {
    await until(
      'both API processes to wait at the admin bootstrap',
      async () =>
        (
          await sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
      where d.datname = current_database() and not l.granted`
        )[0].n >= 2,
      60_000,
      100,
    );
  } finally {
    open();
    await gate;
    await sql.end();
  }
  return starting;
}

describe('scale-out: 2 API processes + 2 workers', () => {
  let single: Outcome;

  it('npm run worker refuses to start without the shared database and search engine', async () => {
    // The embedded defaults belong to one `npm start` process: a worker on them would work on nothing shared.
    const env = envFor('postgres://postgres@127.0.0.1:5432/postgres');
    const { DATABASE_URL: _db, ...noDatabase } = env;
    const { MEILI_URL: _search, MEILI_MASTER_KEY: _key, ...noSearch } = env;
    for (const partial of [noDatabase, noSearch]) {
      await expect(startWorker('worker', partial)).rejects.toThrow(/set DATABASE_URL and MEILI_URL/);
    }
  }, 60_000);

  it('one process alone runs the deal workload (the reference)', async () => {
    const url = await freshDatabase();
    const server = await startServer('single', envFor(url));
    single = await runDealWorkload([new Api(server.url, manyClients)], url, DEALS);
    await server.stop();
    checkInvariants(single);
  }, 150_000);

  it('gives the same results as one process: no double invoice or timer, contiguous history, gapless numbers', async () => {
    const url = await freshDatabase();
    const env = envFor(url);
    // The first API process migrates and creates the admin; the others join a ready database (starting them
    // all at once on an empty one is the next test).
    const first = await startServer('api-1', { ...env, RUN_WORKERS: 'false' });
    const [second, ...workers] = await Promise.all([
      startServer('api-2', { ...env, RUN_WORKERS: 'false' }),
      startWorker('worker-1', env),
      startWorker('worker-2', env),
    ]);
    const scaled = await runDealWorkload(
      [first, second].map((s) => new Api(s.url, manyClients)),
      url,
      DEALS,
    );
    checkInvariants(scaled);
    expect(scaled).toEqual(single);
    await Promise.all([first, second, ...workers].map((p) => p.stop()));
  }, 170_000);

  it('starts two API processes and two workers together on a new database', async () => {
    const started = await startTogether(envFor(await freshDatabase()));
    const failures = started
      .filter((r) => r.status === 'rejected')
      .map((r) => String((r as PromiseRejectedResult).reason).slice(0, 600));
    const running = started
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<Child>).value);
    try {
      expect(failures).toEqual([]);
      // Both API processes found or made the same single admin.
      const admins = await Promise.all(
        running
          .slice(0, 2)
          .map((s) => new Api((s as Server).url, manyClients).ok('POST', '/api/auth/login', { body: ADMIN })),
      );
      expect(admins.map((a) => a.user.id)).toEqual([admins[0].user.id, admins[0].user.id]);
    } finally {
      await Promise.all(running.map((p) => p.stop()));
    }
  }, 120_000);
});
