import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealHistory, deals, outbox } from '../../../src/db/schema/index.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal } from '../../helpers/deals.js';
import { adminSession, registerUser, type Session } from '../../helpers/factories.js';
import { BASE, INCREMENT, TRANSFER, bid, depositor, listed, register, view } from './helpers.js';

let t: TestApp;
let seller: Session, a: Session, b: Session, c: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, a, b, c, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

const endListing = async () => {
  t.clock.advanceDays(20);
  await fireDueTimers(t.ctx);
};

describe('the end of the listing period (DOMAIN.md "Pricing routes")', () => {
  it('lapses with no intended buyer whose deposit was received (a registration without deposit does not count)', async () => {
    const { offering } = await listed(t, seller, admin);
    expect(offering).toMatchObject({ status: 'listed', listingDays: 20, basePrice: BASE, registrationCount: 0 });
    expect(Date.parse(offering.endsAt) - Date.parse(offering.startsAt)).toBe(20 * 86_400_000);
    expect((await register(t, a, offering.id)).statusCode).toBe(201);
    await endListing();
    const after = (await view(t, offering.id)).json();
    expect(after.status).toBe('lapsed');
    expect(after.result).toMatchObject({ outcome: 'lapsed', price: null, buyer: null, dealId: null });
    expect(after.dealId).toBeNull();
  });

  it('sells to the only depositor at the base price: its deal is in contracting with the price fixed', async () => {
    const { offering, listing } = await listed(t, seller, admin, { form: 'transfer', terms: TRANSFER });
    await depositor(t, seller, a, offering.id);
    expect((await register(t, b, offering.id)).statusCode).toBe(201);
    await endListing();
    const after = (await view(t, offering.id, seller)).json();
    expect(after).toMatchObject({ status: 'sold', dealPrice: BASE, round: null, bids: [] });
    expect(after.result).toMatchObject({ outcome: 'sold', price: BASE, buyer: { name: a.user.organization.name } });
    const deal = (await getDeal(t, a, after.dealId)).json();
    expect(deal.state).toBe('contracting.awaitingBoth');
    expect(deal.type).toBe('transfer');
    expect(deal.listing?.id ?? listing.id).toBe(listing.id);
    const [row] = await t.ctx.db.select().from(deals).where(eq(deals.id, after.dealId));
    expect(row.contractValue).toBe(BASE);
    expect(row.buyerOrgId).toBe(a.user.organization.id);
    const ctx = row.snapshot as { context: { agreedTerms: unknown; publicNotice: unknown; marketPriced: unknown } };
    expect(ctx.context.agreedTerms).toEqual({
      price: BASE,
      payments: [{ name: '合同生效后一次付清', amount: BASE, dueDays: 30 }],
    });
    expect(ctx.context.publicNotice).toBeNull();
    expect(ctx.context.marketPriced).toEqual({ offeringId: offering.id, price: BASE });
    const [first] = await t.ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, after.dealId));
    expect(first).toMatchObject({ type: 'OPEN_FROM_OFFERING', toState: 'contracting.awaitingBoth' });
    expect(first.payload).toMatchObject({ offeringId: offering.id, price: BASE });
  });

  it('opens a bidding round for two or more depositors; the best bid wins, others are due a refund', async () => {
    const { offering } = await listed(t, seller, admin);
    const regA = await depositor(t, seller, a, offering.id);
    const regB = await depositor(t, seller, b, offering.id);
    const regC = (await register(t, c, offering.id)).json();
    expect([regA.bidderNo, regB.bidderNo, regC.bidderNo]).toEqual([1, 2, 3]);
    // Not bidding yet: the listing period runs.
    expect((await bid(t, a, offering.id, BASE)).json().code).toBe('INVALID_TRANSITION');
    await endListing();
    let v = (await view(t, offering.id)).json();
    expect(v.status).toBe('bidding');
    expect(Date.parse(v.round.endsAt) - Date.parse(v.round.startsAt)).toBe(60 * 60_000);
    expect(v.minNextBid).toBe(BASE);

    const below = await bid(t, a, offering.id, BASE - 1);
    expect(below.statusCode).toBe(409);
    expect(below.headers['content-type']).toContain('application/problem+json');
    expect(below.json()).toMatchObject({ code: 'BID_TOO_LOW', minNextBid: BASE });
    expect((await bid(t, a, offering.id, BASE)).statusCode).toBe(201);
    expect((await bid(t, b, offering.id, BASE + INCREMENT - 1)).json().code).toBe('BID_TOO_LOW');
    const second = await bid(t, b, offering.id, BASE + INCREMENT);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ seq: 2, amount: BASE + INCREMENT, bidderNo: 2 });
    // The registered buyer without a deposit may not bid.
    expect((await bid(t, c, offering.id, BASE * 2)).statusCode).toBe(403);

    // A bid in the last 5 minutes moves the end 5 minutes on; the old end's timer does nothing.
    const end = Date.parse(v.round.endsAt);
    t.clock.set(new Date(end - 2 * 60_000).toISOString());
    expect((await bid(t, a, offering.id, BASE + 3 * INCREMENT)).statusCode).toBe(201);
    v = (await view(t, offering.id)).json();
    expect(v.round).toMatchObject({ extensions: 1, endsAt: new Date(end + 5 * 60_000).toISOString() });
    t.clock.set(new Date(end + 60_000).toISOString());
    await fireDueTimers(t.ctx);
    expect((await view(t, offering.id)).json().status).toBe('bidding');
    // Again within the last 5 minutes of the moved end: moved once more.
    expect((await bid(t, b, offering.id, BASE + 4 * INCREMENT)).statusCode).toBe(201);
    v = (await view(t, offering.id)).json();
    expect(v.round).toMatchObject({ extensions: 2, endsAt: new Date(end + 10 * 60_000).toISOString() });

    // After the end (the timer not yet fired) a bid is refused as a transition, not as too low.
    t.clock.set(v.round.endsAt);
    const late = await bid(t, a, offering.id, BASE * 3);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_TRANSITION');
    await fireDueTimers(t.ctx);

    v = (await view(t, offering.id, seller)).json();
    expect(v.status).toBe('sold');
    expect(v.bids.map((x: { amount: number }) => x.amount)).toEqual([
      BASE,
      BASE + INCREMENT,
      BASE + 3 * INCREMENT,
      BASE + 4 * INCREMENT,
    ]);
    expect(v.result).toMatchObject({
      outcome: 'sold',
      price: BASE + 4 * INCREMENT,
      buyer: { name: b.user.organization.name },
    });
    const refunds = Object.fromEntries(
      v.registrations.map((r: { bidderNo: number; refundDue: boolean }) => [r.bidderNo, r.refundDue]),
    );
    expect(refunds).toEqual({ 1: true, 2: false, 3: false });
    const deal = (await getDeal(t, b, v.dealId)).json();
    expect(deal.state).toBe('contracting.awaitingBoth');
    const [row] = await t.ctx.db.select().from(deals).where(eq(deals.id, v.dealId));
    expect((row.snapshot as { context: { agreedTerms: { upfrontFee: number } } }).context.agreedTerms.upfrontFee).toBe(
      BASE + 4 * INCREMENT,
    );
    // Notices for the winner, the seller and the other bidders, through the outbox; every step audited.
    const notices = (await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'notification')))
      .map((r) => r.payload as { dedupeKey: string; to: { organizationId?: string } })
      .filter((p) => p.dedupeKey.startsWith(`offering:${offering.id}:sold`));
    expect(notices.map((n) => n.to.organizationId).sort()).toEqual(
      [a, b, c, seller].map((s) => s.user.organization.id).sort(),
    );
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, offering.id))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'offering.listed',
        'offering.registered',
        'offering.deposit_recorded',
        'offering.listing_ended',
        'offering.bid',
        'offering.round_ended',
        'offering.deal_opened',
      ]),
    );
    expect(actions.filter((x) => x === 'offering.bid')).toHaveLength(4);
  });

  it('lapses a round that ended without a bid, every deposit due for refund', async () => {
    const { offering } = await listed(t, seller, admin);
    await depositor(t, seller, a, offering.id);
    await depositor(t, seller, b, offering.id);
    await endListing();
    t.clock.advance(61 * 60_000);
    await fireDueTimers(t.ctx);
    const v = (await view(t, offering.id, seller)).json();
    expect(v.status).toBe('lapsed');
    expect(v.registrations.every((r: { refundDue: boolean }) => r.refundDue)).toBe(true);
  });
});
