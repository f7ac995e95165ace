import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealHistory, deals } from '../../../src/db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

// The events route's body is derived from the shared per-event payload schemas (src/shared/deal-events.ts):
// each limit is written once there, and the route answers a field past it as API.md says, before any state.
let t: TestApp;
let buyer: Session, seller: Session;
let listing: { id: string };
beforeAll(async () => {
  t = await buildTestApp();
  const admin = await adminSession(t);
  [buyer, seller] = await Promise.all([registerUser(t, 'buyer'), registerUser(t, 'seller', 'enterprise')]);
  listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
});
afterAll(async () => {
  await t.close();
});

async function expectUnchanged(dealId: string, version: number, state: string, events: number) {
  const [row] = await t.ctx.db.select().from(deals).where(eq(deals.id, dealId));
  expect(row).toMatchObject({ version, state });
  expect(await t.ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, dealId))).toHaveLength(events);
}

describe('deal event limits', () => {
  it('answers a reason over 1000 characters with 400 VALIDATION_FAILED problem+json, changing nothing; 1000 pass', async () => {
    const deal = await openDeal(t, buyer, listing.id, 'license');
    const long = await send(t, buyer, deal.id, 'WITHDRAW', { reason: '撤'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(long.json().errors.map((e: { path: string }) => e.path)).toContain('body.reason');
    await expectUnchanged(deal.id, 0, 'inquiry', 1);

    const withdrawn = await sendOk(t, buyer, deal.id, 'WITHDRAW', { reason: '撤'.repeat(1000) });
    expect(withdrawn.state).toBe('withdrawn');
  });

  it('answers a milestone index past 49 with 400 VALIDATION_FAILED, changing nothing; 49 reaches the state machine', async () => {
    const deal = await openDeal(t, buyer, listing.id, 'license');
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    const past = await send(t, seller, deal.id, 'INVOICE_MILESTONE', { index: 50 });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(past.json().errors.map((e: { path: string }) => e.path)).toContain('body.index');
    await expectUnchanged(deal.id, 1, 'negotiating', 2);

    // Within the bound the body is valid, and the state decides: a negotiation has no milestone to invoice.
    const inBounds = await send(t, seller, deal.id, 'INVOICE_MILESTONE', { index: 49 });
    expect(inBounds.statusCode).toBe(409);
    expect(inBounds.json().code).toBe('INVALID_TRANSITION');
    await expectUnchanged(deal.id, 1, 'negotiating', 2);
  });

  it('bounds registration numbers at 64 and royalty periods at 7 characters', async () => {
    const deal = await openDeal(t, buyer, listing.id, 'transfer');
    const number = await send(t, seller, deal.id, 'REGISTER_CONTRACT', { registrationNo: '6'.repeat(65) });
    expect(number.statusCode).toBe(400);
    expect(number.json().errors.map((e: { path: string }) => e.path)).toContain('body.registrationNo');
    const period = await send(t, buyer, deal.id, 'REPORT_ROYALTIES', { period: '2026-07x', netSales: 1 });
    expect(period.statusCode).toBe(400);
    expect(period.json().errors.map((e: { path: string }) => e.path)).toContain('body.period');
    await expectUnchanged(deal.id, 0, 'inquiry', 1);
  });
});
