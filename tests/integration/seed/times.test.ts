import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  auditLog,
  dealHistory,
  dealMessages,
  deals,
  invoicePayments,
  invoices,
  listings,
  noticeObjections,
  notifications,
  offeringBids,
  offeringRegistrations,
  offerings,
  publicNotices,
} from '../../../src/db/schema/index.js';
import { seedDemoIfEmpty } from '../../../src/seed/demo.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { drainOutbox } from '../../helpers/outbox.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const dbNow = async () => {
  const [row] = await t.ctx.db.select({ now: sql<string>`now()` }).from(sql`(select 1) as one`);
  return new Date(row.now).getTime();
};

// Event times, not deadlines: an open notice's end, an invoice's due date and a pending timer lie ahead by design.
const EVENT_TIMES = {
  'audit_log.at': auditLog.at,
  'deal_history.at': dealHistory.at,
  'deals.last_activity_at': deals.lastActivityAt,
  'deals.signed_at': deals.signedAt,
  'deal_messages.created_at': dealMessages.createdAt,
  'notifications.created_at': notifications.createdAt,
  'invoices.issued_at': invoices.issuedAt,
  'invoice_payments.paid_at': invoicePayments.paidAt,
  'public_notices.starts_at': publicNotices.startsAt,
  'notice_objections.at': noticeObjections.at,
  'listings.published_at': listings.publishedAt,
  'offerings.starts_at': offerings.startsAt,
  'offering_bids.at': offeringBids.at,
  'offering_registrations.deposit_received_at': offeringRegistrations.depositReceivedAt,
};

describe('demo seed times (issue #22)', () => {
  it('dates no seeded event after the seed clock: the story ends in the last hours, not hours ahead', async () => {
    // The app clock reads the database's time, as in production, so that rows stamped by the database and rows
    // stamped by the clock share one timeline.
    const start = await dbNow();
    t.clock.set(new Date(start).toISOString());
    expect(await seedDemoIfEmpty(t.ctx)).toBe(true);
    await drainOutbox(t.ctx);
    const end = await dbNow();
    const latest: Record<string, number> = {};
    for (const [name, column] of Object.entries(EVENT_TIMES)) {
      const [row] = await t.ctx.db.select({ max: sql<string | null>`max(${column})` }).from(sql`${column.table}`);
      expect(row.max, `${name} has seeded rows`).not.toBeNull();
      latest[name] = new Date(row.max!).getTime();
    }
    for (const [name, at] of Object.entries(latest)) expect(at, name).toBeLessThanOrEqual(end);
    // The deal story runs on the clock: its last step is before the clock's now and within the last day.
    const clockNow = t.clock.now().getTime();
    expect(latest['deal_history.at']).toBeLessThanOrEqual(clockNow);
    expect(latest['notice_objections.at']).toBeLessThanOrEqual(clockNow);
    expect(clockNow - latest['deal_history.at']).toBeLessThan(86_400_000);
  });
});
