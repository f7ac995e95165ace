import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings, notifications } from '../../../src/db/schema/listings.js';
import { auditLog } from '../../../src/db/schema/platform.js';
import { inventorRewards } from '../../../src/db/schema/rewards.js';
import { periodFigures } from '../../../src/reports/figures.js';
import { halfYearBounds, halfYearOf } from '../../../src/shared/china-time.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { drainOutbox } from '../../helpers/outbox.js';
import { dealWithParties, issue, licenceFee, payment, type DealParties } from '../invoices/fixtures.js';

let t: TestApp;
let admin: Session;
let uni: DealParties;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
  uni = await dealWithParties(t, admin); // the seller is a university
  await t.ctx.db
    .update(listings)
    .set({
      inventors: [
        { name: '陈刚', share: 6000 },
        { name: '李娜', share: 4000 },
      ],
    })
    .where(eq(listings.id, uni.deal.listingId));
});
afterAll(async () => {
  await t.close();
});

const pay = (invoiceId: string, body: object, s: Session) =>
  t.request({ method: 'POST', url: `/api/invoices/${invoiceId}/payments`, token: s.accessToken, payload: body });
const rewardsOf = (dealId: string, s: Session) =>
  t.request({ method: 'GET', url: `/api/deals/${dealId}/rewards`, token: s.accessToken });
const markPaid = (id: string, body: object, s: Session) =>
  t.request({ method: 'POST', url: `/api/rewards/${id}/payments`, token: s.accessToken, payload: body });
const setRate = (orgId: string, rewardRateBp: unknown, s: Session) =>
  t.request({
    method: 'PATCH',
    url: `/api/organizations/${orgId}/settings`,
    token: s.accessToken,
    payload: { rewardRateBp },
  });
const rowsOfPayment = (paymentId: string) =>
  t.ctx.db.select().from(inventorRewards).where(eq(inventorRewards.paymentId, paymentId));

describe('inventor rewards', () => {
  it('owes each inventor their share of half of each payment, once per payment, published for 15 days', async () => {
    const inv = await issue(t, uni.deal, licenceFee(t));
    const body = payment(t, 2_345_678);
    const res = await pay(inv.id, body, uni.seller);
    expect(res.statusCode).toBe(200);
    const paymentId = res.json().payments[0].id as string;
    // 2,345,678 × 50% = 1,172,839; 60% = 703,703.4 and 40% = 469,135.6: the fen left over goes to the .6.
    const rows = await rowsOfPayment(paymentId);
    expect(rows.map((r) => [r.inventorName, r.shareBp, r.rateBp, r.amount])).toEqual([
      ['陈刚', 6000, 5000, 703_703],
      ['李娜', 4000, 5000, 469_136],
    ]);
    expect(rows[0].publicFrom).toBe(t.clock.now().toISOString());
    expect(new Date(rows[0].publicUntil).getTime() - t.clock.now().getTime()).toBe(15 * 86_400_000);

    // The same bank reference again is refused, and owes nothing more.
    expect((await pay(inv.id, body, uni.seller)).statusCode).toBe(409);
    const all = await t.ctx.db.select().from(inventorRewards).where(eq(inventorRewards.invoiceId, inv.id));
    expect(all).toHaveLength(2);

    const view = await rewardsOf(uni.deal.id, uni.seller);
    expect(view.statusCode).toBe(200);
    expect(view.json().totals).toEqual({ owed: 1_172_839, paid: 0 });
    expect(view.json().items[0]).toMatchObject({ status: 'owed', paidOn: null, publicUntil: rows[0].publicUntil });

    await drainOutbox(t.ctx);
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, uni.seller.user.id), eq(notifications.kind, 'reward.published')));
    expect(told).toHaveLength(1);
    const [trail] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reward.owed'), eq(auditLog.entityId, uni.deal.id)));
    expect(trail.data).toMatchObject({ paymentId, total: 1_172_839 });
  });

  it('owes nothing to the inventors of an enterprise seller, nor on a commission', async () => {
    const ent = await dealWithParties(t, admin);
    const { organizations } = await import('../../../src/db/schema/accounts.js');
    await t.ctx.db
      .update(organizations)
      .set({ type: 'enterprise' })
      .where(eq(organizations.id, ent.seller.user.organization.id));
    await t.ctx.db
      .update(listings)
      .set({ inventors: [{ name: '王军' }] })
      .where(eq(listings.id, ent.deal.listingId));
    const inv = await issue(t, ent.deal, licenceFee(t));
    const res = await pay(inv.id, payment(t, 1_000_000), ent.seller);
    expect(res.statusCode).toBe(200);
    expect(await rowsOfPayment(res.json().payments[0].id)).toEqual([]);
  });

  it("uses the rate the unit's manager or an admin sets, for payments from then on", async () => {
    const org = uni.seller.user.organization.id;
    expect((await setRate(org, 0, uni.seller)).statusCode).toBe(400);
    expect((await setRate(org, 10_001, uni.seller)).statusCode).toBe(400);
    expect((await setRate(org, 7000, uni.buyer)).statusCode).toBe(404);
    expect((await setRate(org, 7000, admin)).json()).toEqual({ organizationId: org, rewardRateBp: 7000 });
    const res = await setRate(org, 7000, uni.seller);
    expect(res.statusCode).toBe(200);
    const inv = await issue(t, uni.deal, licenceFee(t));
    const paid = await pay(inv.id, payment(t, 1_000_000), uni.seller);
    const rows = await rowsOfPayment(paid.json().payments[0].id);
    expect(rows.map((r) => [r.rateBp, r.amount])).toEqual([
      [7000, 420_000],
      [7000, 280_000],
    ]);
    await setRate(org, 5000, admin);
  });

  it('is for the seller and admins only, and only the seller marks a reward paid, once', async () => {
    for (const s of [uni.buyer, uni.broker, uni.stranger])
      expect((await rewardsOf(uni.deal.id, s)).statusCode).toBe(404);
    expect((await rewardsOf(uni.deal.id, admin)).statusCode).toBe(200);
    const [reward] = (await rewardsOf(uni.deal.id, uni.seller)).json().items;
    const body = { paidOn: '2026-03-02', reference: 'PAYROLL-2026-03' };
    expect((await markPaid(reward.id, body, uni.buyer)).statusCode).toBe(404);
    expect((await markPaid(reward.id, body, admin)).statusCode).toBe(403);
    const future = await markPaid(reward.id, { ...body, paidOn: '2026-03-03' }, uni.seller);
    expect(future.statusCode).toBe(400);
    expect(future.headers['content-type']).toContain('application/problem+json');

    const first = await markPaid(reward.id, body, uni.seller);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'paid', paidOn: '2026-03-02', reference: 'PAYROLL-2026-03' });
    expect((await markPaid(reward.id, body, uni.seller)).json()).toEqual(first.json());
    const other = await markPaid(reward.id, { ...body, reference: 'PAYROLL-OTHER' }, uni.seller);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('CONFLICT');
    const trail = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reward.paid'), eq(auditLog.entityId, reward.id)));
    expect(trail).toHaveLength(1);
    const totals = (await rewardsOf(uni.deal.id, uni.seller)).json().totals;
    expect(totals.paid).toBe(reward.amount);
  });

  it("counts the rewards owed and paid in the seller's half-year figures", async () => {
    const figures = await periodFigures(t.ctx.db, halfYearBounds(halfYearOf(t.clock.now())), 'organizations');
    const rows = await t.ctx.db
      .select()
      .from(inventorRewards)
      .where(eq(inventorRewards.organizationId, uni.seller.user.organization.id));
    const sum = (rs: typeof rows) => rs.reduce((s, r) => s + r.amount, 0);
    const paid = rows.filter((r) => r.paidOn);
    expect(paid).toHaveLength(1);
    expect(figures.get(uni.seller.user.organization.id)?.inventorRewards).toEqual({
      owed: { count: rows.length, amount: sum(rows) },
      paid: { count: 1, amount: sum(paid) },
    });
  });

  it('refuses inventor shares that are partial or do not add up to 10000', async () => {
    const seller = await registerUser(t, 'seller');
    for (const inventors of [
      [{ name: '甲', share: 6000 }, { name: '乙' }],
      [
        { name: '甲', share: 6000 },
        { name: '乙', share: 3000 },
      ],
    ]) {
      await expect(createListing(t, seller, { body: { inventors } })).rejects.toThrow(/400.*inventors/);
    }
    const ok = await createListing(t, seller, { body: { inventors: [{ name: '甲', share: 10_000 }] } });
    expect(ok.inventors).toEqual([{ name: '甲', share: 10_000 }]);
  });
});
