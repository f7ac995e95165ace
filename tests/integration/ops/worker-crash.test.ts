import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from '../../../search/client.js';
import { LISTINGS_INDEX } from '../../../search/settings.js';
import type { Session } from '../../helpers/factories.js';
import {
  createDatabase,
  startMeilisearch,
  startServer,
  startWorker,
  stopAll,
  until,
  type Child,
  type Meili,
} from '../../helpers/processes.js';
import { Api, manyClients, publishListing, register } from './support/api.js';
import { COUNTER_TERMS, inspect, openDeal, sendOk, TERMS, type Inspector } from './support/deals.js';

// Kill worker processes (SIGKILL) in the middle of their work: once while firing timers, once while relaying
// an outbox batch it has leased. Every outbox row and timer must still be delivered (at least once) and applied
// exactly once: one OFFER_EXPIRED per deal, one overdue mark per invoice, each notification once, and an
// index that holds exactly the published listings.

const DEALS_EXPIRING = 30;
const DEALS_SIGNED = 6;
const LISTINGS = 60;

let meili: Meili;
let db: Awaited<ReturnType<typeof createDatabase>>;
let dataDir: string;
let env: Record<string, string>;
let api: Api;
let seller: Session, buyer: Session;
let facts: Inspector;
const expiring: string[] = [];
const signed: string[] = [];

beforeAll(async () => {
  [meili, db] = await Promise.all([startMeilisearch(), createDatabase()]);
  dataDir = mkdtempSync(join(tmpdir(), 'tte-ops-data-'));
  env = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    JWT_SECRET: 'ops-test-secret-ops-test-secret-0123456789',
    ADMIN_EMAIL: 'ops@bureau.example',
    ADMIN_PASSWORD: 'bureau-password-42',
    // Invoices fall due at once, so their overdue timers are part of the backlog.
    LISTING_REVIEW: 'off',
    INVOICE_DUE_DAYS: '0',
  };
  // The API runs no workers: the backlog builds up until the worker processes start.
  const server = await startServer('api', { ...env, RUN_WORKERS: 'false' });
  api = new Api(server.url, manyClients);
  facts = inspect(db.url);
  [seller, buyer] = await Promise.all([register(api, 'seller', 'enterprise'), register(api, 'buyer')]);
  const listings: string[] = [];
  for (let i = 0; i < LISTINGS; i += 6) {
    listings.push(
      ...(await Promise.all(Array.from({ length: 6 }, () => publishListing(api, seller, { ndaRequired: false })))).map(
        (l) => l.id,
      ),
    );
  }
  // Deals whose proposal will expire (a deal timer through the engine), and deals signed (invoices due now).
  await Promise.all(
    listings.slice(0, DEALS_EXPIRING + DEALS_SIGNED).map(async (listingId, i) => {
      const deal = await openDeal(api, buyer, listingId);
      await sendOk(api, seller, deal.id, 'ACCEPT_INQUIRY');
      await sendOk(api, buyer, deal.id, 'PROPOSE_TERMS', { terms: TERMS });
      if (i < DEALS_EXPIRING) {
        expiring.push(deal.id);
        return;
      }
      await sendOk(api, seller, deal.id, 'PROPOSE_TERMS', { terms: COUNTER_TERMS });
      await sendOk(api, buyer, deal.id, 'ACCEPT_TERMS');
      await sendOk(api, seller, deal.id, 'SIGN_CONTRACT');
      await sendOk(api, buyer, deal.id, 'SIGN_CONTRACT');
      signed.push(deal.id);
    }),
  );
  // Fourteen days pass for these proposals' expiry timers (the machines check only which proposal is current).
  await facts.makeDue('offerExpiry', expiring);
}, 170_000);

afterAll(async () => {
  await stopAll();
  await facts?.close();
  await meili?.stop();
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a worker and SIGKILLs it as soon as `busy()` says it is part-way through its work. */
async function killMidway(name: string, busy: () => Promise<boolean>): Promise<Child> {
  // Watch from the moment it is spawned: a start-up takes longer than a batch of timers.
  const starting = startWorker(name, env);
  await until(`${name} to be part-way through its work`, busy, 30_000, 5);
  const worker = await starting;
  await worker.kill();
  return worker;
}

describe('workers killed mid-batch', () => {
  it('deliver every outbox row and timer at least once and apply each exactly once', async () => {
    const totalDue = await facts.dueTimers();
    expect(totalDue).toBe(DEALS_EXPIRING + DEALS_SIGNED);
    const backlog = await facts.outboxCounts();
    expect(backlog.delivered).toBe(0);

    // 1. Killed while firing timers: some fired, some still due.
    await killMidway('worker-1', async () => {
      const due = await facts.dueTimers();
      return due > 0 && due < totalDue - 2;
    });
    const afterFirst = await facts.dueTimers();
    expect(afterFirst).toBeGreaterThan(0);

    // 2. Killed while relaying a leased outbox batch: some rows delivered, the rest of its batch leased to a dead worker.
    await killMidway(
      'worker-2',
      async () => (await facts.dueTimers()) === 0 && (await facts.outboxCounts()).delivered >= 3,
    );
    const leasedToTheDead = (
      await facts.sql<{ n: number }[]>`
      select count(*)::int as n from outbox where delivered_at is null and available_at > now() and attempts = 1`
    )[0].n;
    expect(leasedToTheDead).toBeGreaterThan(0);

    // 3. Two fresh workers finish: rows leased by the dead one come back when its lease (60 s) runs out.
    await Promise.all([startWorker('worker-3', env), startWorker('worker-4', env)]);
    await until(
      'every outbox row to be delivered',
      async () => {
        const c = await facts.outboxCounts();
        return c.delivered === c.total;
      },
      120_000,
      500,
    );
    const final = await facts.outboxCounts();
    expect(final.total).toBeGreaterThanOrEqual(backlog.total);
    expect(final.redelivered).toBeGreaterThanOrEqual(leasedToTheDead);

    // Timers: each fired exactly once, through the engine, with contiguous history.
    expect(await facts.dueTimers()).toBe(0);
    const timers = await facts.timerCounts();
    expect(timers['offerExpiry:fired']).toBe(DEALS_EXPIRING);
    expect(timers['overdue:fired']).toBe(DEALS_SIGNED);
    expect(Object.keys(timers).filter((k) => k.endsWith(':failed'))).toEqual([]);
    for (const dealId of expiring) {
      const history = await facts.history(dealId);
      expect(history.map((h) => h.type)).toEqual(['OPEN', 'ACCEPT_INQUIRY', 'PROPOSE_TERMS', 'OFFER_EXPIRED']);
      expect(history.map((h) => h.version)).toEqual([0, 1, 2, 3]);
    }
    const invoices = await facts.sql<
      { id: string; status: string }[]
    >`select id, status from invoices where deal_id = any(${signed})`;
    expect(invoices).toHaveLength(DEALS_SIGNED);
    expect(invoices.every((i) => i.status === 'overdue')).toBe(true);
    const overdueAudits = await facts.auditCount(
      'invoice.overdue',
      invoices.map((i) => i.id),
    );
    expect(Object.values(overdueAudits)).toEqual(invoices.map(() => 1));

    // Outbox consumers: every notification applied (once: one row per user and key), the index exact.
    expect(await facts.undeliveredNotifications()).toBe(0);
    const [dupes] = await facts.sql<
      { n: number }[]
    >`select count(*)::int as n from (select user_id, dedupe_key from notifications group by 1, 2 having count(*) > 1) d`;
    expect(dupes.n).toBe(0);
    const published = (
      await facts.sql<{ id: string }[]>`select id from listings where status = 'published' order by id`
    ).map((r) => r.id);
    const client = createSearchClient({ url: meili.url, apiKey: meili.masterKey });
    await sleep(200);
    const docs = await client.index(LISTINGS_INDEX).getDocuments({ fields: ['id'], limit: 1000 });
    expect(docs.results.map((d) => String(d.id)).sort()).toEqual(published);
    expect(published).toHaveLength(LISTINGS);
  }, 170_000);
});
