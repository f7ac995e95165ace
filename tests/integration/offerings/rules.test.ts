import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deals, offeringBids, offerings, timers } from '../../../src/db/schema/index.js';
import { fireOfferingTimer } from '../../../src/offerings/timers.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, registerUser, type Session } from '../../helpers/factories.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';
import { BASE, INCREMENT, bid, depositor, listed, offeringBody, register, view } from './helpers.js';

let t: TestApp;
let seller: Session, a: Session, b: Session, broker: Session, admin: Session, stranger: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, a, b, broker, admin, stranger] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    registerUser(t, 'broker'),
    adminSession(t),
    registerUser(t, 'buyer'),
  ]);
});
afterAll(async () => {
  await t.close();
});

/** An offering in its bidding round with a and b as depositors. */
async function bidding() {
  const { offering, listing } = await listed(t, seller, admin);
  await depositor(t, seller, a, offering.id);
  await depositor(t, seller, b, offering.id);
  t.clock.advanceDays(20);
  await fireDueTimers(t.ctx);
  return { offering: (await view(t, offering.id)).json(), listing };
}

describe('offerings under concurrency (PostgreSQL row locks)', () => {
  it('keeps exactly one of two bids at once on the same best; the other is BID_TOO_LOW', async () => {
    const { offering } = await bidding();
    expect((await bid(t, a, offering.id, BASE)).statusCode).toBe(201);
    const [x, y] = await Promise.all([
      bid(t, a, offering.id, BASE + INCREMENT),
      bid(t, b, offering.id, BASE + INCREMENT),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    expect([x, y].find((r) => r.statusCode === 409)!.json().code).toBe('BID_TOO_LOW');
    const kept = await t.ctx.db.select().from(offeringBids).where(eq(offeringBids.offeringId, offering.id));
    expect(kept.map((k) => k.seq).sort()).toEqual([1, 2]);
  });

  it('opens one deal when two workers fire the same round end at once', async () => {
    const { offering } = await bidding();
    await bid(t, a, offering.id, BASE);
    await bid(t, b, offering.id, BASE + INCREMENT);
    t.clock.advance(61 * 60_000);
    const due = (await t.ctx.db.select().from(timers).where(eq(timers.subjectId, offering.id))).filter(
      (r) => r.status === 'pending',
    );
    expect(due).toHaveLength(1);
    // Two handlers on the same timer in two transactions (as if two rows were due), and two worker loops.
    const fire = () => t.ctx.db.transaction((tx) => fireOfferingTimer(t.ctx, tx, due[0]));
    const [f1, f2, w1, w2] = await Promise.all([fire(), fire(), fireDueTimers(t.ctx), fireDueTimers(t.ctx)]);
    // Whoever wins, at most one of the direct fires applies the end, and no worker fails (no deadlock, no error).
    expect([f1, f2].filter((o) => o === 'fired').length).toBeLessThanOrEqual(1);
    expect(w1.failed + w2.failed).toBe(0);
    const [after] = await t.ctx.db.select().from(timers).where(eq(timers.id, due[0].id));
    expect(after.status).not.toBe('pending');
    const opened = (await t.ctx.db.select().from(deals)).filter(
      (d) =>
        (d.snapshot as { context: { marketPriced?: { offeringId: string } } }).context.marketPriced?.offeringId ===
        offering.id,
    );
    expect(opened).toHaveLength(1);
    const [row] = await t.ctx.db.select().from(offerings).where(eq(offerings.id, offering.id));
    expect(row.dealId).toBe(opened[0].id);
    expect(opened[0].buyerOrgId).toBe(b.user.organization.id);
  });
});

describe('who may do what with an offering', () => {
  it('shows bidders by number to the public and by name to the seller and the admin', async () => {
    const { offering } = await bidding();
    await bid(t, a, offering.id, BASE);
    const anonymous = (await view(t, offering.id)).json();
    expect(anonymous.bids).toEqual([expect.objectContaining({ seq: 1, bidderNo: 1, bidder: null })]);
    expect(anonymous.registrations).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain(a.user.organization.name);
    const asB = (await view(t, offering.id, b)).json();
    expect(asB.myRegistration).toMatchObject({ bidderNo: 2, buyer: { name: b.user.organization.name } });
    expect(JSON.stringify(asB)).not.toContain(a.user.organization.name);
    for (const who of [seller, admin]) {
      const v = (await view(t, offering.id, who)).json();
      expect(v.bids[0].bidder).toEqual({ orgId: a.user.organization.id, name: a.user.organization.name });
      expect(v.registrations.map((r: { buyer: { name: string } }) => r.buyer.name)).toEqual([
        a.user.organization.name,
        b.user.organization.name,
      ]);
    }
  });

  it('refuses bids from the unregistered, registrations from the seller or a broker, deposits from buyers', async () => {
    const { offering } = await listed(t, seller, admin);
    expect((await register(t, seller, offering.id)).statusCode).toBe(403);
    expect((await register(t, broker, offering.id)).statusCode).toBe(403);
    const reg = await register(t, a, offering.id);
    expect(reg.statusCode).toBe(201);
    expect((await register(t, a, offering.id)).json().code).toBe('CONFLICT');
    const deposit = (s: Session) =>
      t.request({
        method: 'POST',
        url: `/api/offerings/${offering.id}/registrations/${reg.json().id}/deposit`,
        token: s.accessToken,
        payload: { reference: 'BANK-1' },
      });
    expect((await deposit(a)).statusCode).toBe(403);
    expect((await deposit(admin)).statusCode).toBe(200);
    expect((await deposit(seller)).json().code).toBe('CONFLICT');
    expect((await bid(t, stranger, offering.id, BASE)).statusCode).toBe(403);
    const cancel = (s: Session) =>
      t.request({
        method: 'POST',
        url: `/api/offerings/${offering.id}/cancel`,
        token: s.accessToken,
        payload: { reason: '撤回' },
      });
    expect((await cancel(a)).statusCode).toBe(403);
    const cancelled = await cancel(seller);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', result: { outcome: 'cancelled', reason: '撤回' } });
    expect(cancelled.json().registrations[0].refundDue).toBe(true);
    expect((await register(t, b, offering.id)).json().code).toBe('INVALID_TRANSITION');
  });

  it('answers bad input with 400 problem+json and changes nothing', async () => {
    const { offering, listing } = await listed(t, seller, admin);
    const before = (await view(t, offering.id, seller)).json();
    const bad = [
      offeringBody(listing.id, { basePrice: -1 }),
      offeringBody(listing.id, { listingDays: 5 }),
      offeringBody(listing.id, { terms: { ...offeringBody(listing.id).terms, upfrontFee: 1 } }),
      offeringBody(listing.id, { form: 'transfer' }),
      offeringBody(listing.id, {
        form: 'transfer',
        terms: { payments: [{ name: '首期', shareBp: 5000, dueDays: 30 }] },
      }),
      offeringBody(listing.id, { increment: '100' }),
    ];
    for (const payload of bad) {
      const res = await t.request({ method: 'POST', url: '/api/offerings', token: seller.accessToken, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const res = await t.request({
      method: 'POST',
      url: `/api/offerings/${offering.id}/bids`,
      token: a.accessToken,
      payload: { amount: 1.5 },
    });
    expect(res.statusCode).toBe(400);
    const after = (await view(t, offering.id, seller)).json();
    expect({ ...after, serverTime: null }).toEqual({ ...before, serverTime: null });
    const all = await t.ctx.db.select().from(offerings).where(eq(offerings.listingId, listing.id));
    expect(all).toHaveLength(1);
  });

  it('refuses a second offering of the listing while one is on the market, and relists a lapsed one', async () => {
    const { offering, listing } = await listed(t, seller, admin);
    const again = await t.request({
      method: 'POST',
      url: '/api/offerings',
      token: seller.accessToken,
      payload: offeringBody(listing.id),
    });
    expect(again.json().code).toBe('CONFLICT');
    const relist = (s: Session, id = offering.id) =>
      t.request({
        method: 'POST',
        url: `/api/offerings/${id}/relist`,
        token: s.accessToken,
        payload: { basePrice: BASE - 2_000_000, basis: { kind: 'price_enquiry', reference: '询价公告〔2026〕3号' } },
      });
    expect((await relist(seller)).json().code).toBe('INVALID_TRANSITION');
    t.clock.advanceDays(20);
    await fireDueTimers(t.ctx);
    expect((await relist(a)).statusCode).toBe(403);
    const res = await relist(seller);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'listed',
      relistedFrom: offering.id,
      basePrice: BASE - 2_000_000,
      basis: { kind: 'price_enquiry' },
      terms: offering.terms,
    });
    expect((await relist(seller)).json().code).toBe('CONFLICT');
  });
});

describe('the record of a sale', () => {
  it('issues the 成交确认书 to the winner, the seller and the admin only, and puts the bids in the dossier', async () => {
    const { offering, listing } = await bidding();
    await bid(t, a, offering.id, BASE);
    await bid(t, b, offering.id, BASE + INCREMENT);
    const confirmation = (s: Session) =>
      t.request({ method: 'GET', url: `/api/offerings/${offering.id}/confirmation`, token: s.accessToken });
    expect((await confirmation(seller)).json().code).toBe('INVALID_TRANSITION');
    t.clock.advance(61 * 60_000);
    await fireDueTimers(t.ctx);
    expect((await confirmation(a)).statusCode).toBe(404);
    expect((await confirmation(stranger)).statusCode).toBe(404);
    for (const who of [b, seller, admin]) expect((await confirmation(who)).statusCode).toBe(200);
    const pdf = await confirmation(b);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squash((await readPdf(pdf.rawPayload)).pages.map((p) => p.text).join(''));
    for (const expected of [
      '成交确认书',
      listing.title,
      listing.registrationNo,
      seller.user.organization.name,
      '挂牌底价',
      '¥100,000.00',
      '资产评估报告',
      '新天评报字〔2026〕第021号',
      '1号竞买人',
      '2号竞买人',
      '¥105,000.00',
      b.user.organization.name,
      '成交价格',
    ])
      expect(text).toContain(squash(expected));

    const v = (await view(t, offering.id)).json();
    const dossier = await t.request({ method: 'GET', url: `/api/deals/${v.dealId}/dossier`, token: b.accessToken });
    expect(dossier.statusCode).toBe(200);
    const dtext = squash((await readPdf(dossier.rawPayload)).pages.map((p) => p.text).join(''));
    for (const expected of [
      '挂牌交易',
      offering.id,
      '¥100,000.00',
      '新天评报字〔2026〕第021号',
      a.user.organization.name,
      b.user.organization.name,
      '¥105,000.00',
      '竞价记录',
    ])
      expect(dtext).toContain(squash(expected));
  });

  it('refuses to list a licence overlapping an exclusive licence in force (409 CONFLICT)', async () => {
    const { offering, listing } = await listed(t, seller, admin);
    await depositor(t, seller, a, offering.id);
    t.clock.advanceDays(20);
    await fireDueTimers(t.ctx);
    const dealId = (await view(t, offering.id)).json().dealId;
    // Both sign the market-priced deal: the exclusive licence is in force.
    for (const s of [a, seller]) {
      const deal = (await t.request({ method: 'GET', url: `/api/deals/${dealId}`, token: s.accessToken })).json();
      const contract = await t.request({ method: 'GET', url: `/api/deals/${dealId}/contract`, token: s.accessToken });
      const signed = await t.request({
        method: 'POST',
        url: `/api/deals/${dealId}/events`,
        token: s.accessToken,
        payload: {
          type: 'SIGN_CONTRACT',
          expectedVersion: deal.version,
          contractSha256: contract.headers['x-contract-sha256'],
        },
      });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    const [d] = await t.ctx.db.select().from(deals).where(eq(deals.id, dealId));
    expect(d.state).toBe('active');
    const res = await t.request({
      method: 'POST',
      url: '/api/offerings',
      token: seller.accessToken,
      payload: offeringBody(listing.id, { terms: { ...offeringBody(listing.id).terms, licenseType: 'non_exclusive' } }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', conflictingDealId: dealId });
  });
});
