import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import {
  dealDocuments,
  dealHistory,
  deals,
  demandResponses,
  demands,
  invitations,
  invoices,
  listings,
  organizations,
  paymentAdvices,
  users,
} from '../../../src/db/schema/index.js';
import { seedDemoIfEmpty } from '../../../src/seed/demo.js';
import { DEMO_PASSWORD } from '../../../src/seed/accounts.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('fills a fresh database through the services, once, with something real for every page', async () => {
    expect(await seedDemoIfEmpty(t.ctx)).toBe(true);
    expect(await seedDemoIfEmpty(t.ctx)).toBe(false);
    const roles = (await t.ctx.db.select({ role: users.role }).from(users)).map((u) => u.role).sort();
    expect(roles).toEqual(['admin', 'broker', 'buyer', 'buyer', 'buyer', 'seller', 'seller', 'seller', 'seller']);
    const shzu = await t.ctx.db
      .select({ email: users.email, orgRole: users.orgRole, signatory: users.signatory, org: users.organizationId })
      .from(users)
      .where(inArray(users.email, ['seller@shzu.demo', 'tto@shzu.demo']))
      .orderBy(users.email);
    expect(shzu.map(({ org: _org, ...u }) => u)).toEqual([
      { email: 'seller@shzu.demo', orgRole: 'manager', signatory: true },
      { email: 'tto@shzu.demo', orgRole: 'member', signatory: false },
    ]);
    expect(shzu[0].org).toBe(shzu[1].org);
    const pendingInvitations = await t.ctx.db.select().from(invitations).where(isNull(invitations.acceptedAt));
    expect(pendingInvitations.map((i) => i.email)).toEqual(['legal@shzu.demo']);
    const statuses = (await t.ctx.db.select({ s: listings.status }).from(listings)).map((l) => l.s);
    expect(statuses.filter((s) => s === 'published').length).toBeGreaterThanOrEqual(10);
    expect(statuses).toEqual(expect.arrayContaining(['submitted', 'rejected', 'draft']));
    expect((await t.ctx.db.select().from(demands)).length).toBe(3);
    // The demand board has answers: one by a seller with its own listing, one by the broker.
    const answers = await t.ctx.db.select().from(demandResponses);
    expect(answers).toHaveLength(2);
    expect(new Set(answers.map((a) => a.demandId)).size).toBe(2);
    const states = (await t.ctx.db.select({ type: deals.type, state: deals.state }).from(deals))
      .map((d) => `${d.type}:${d.state}`)
      .sort();
    expect(states).toEqual([
      'cooperation:inProgress',
      'license:active',
      'license:negotiating',
      'transfer:contracting.awaitingBoth',
      'transfer:payment',
      'transfer:publicNotice',
    ]);
    // Listed trading: one offering sold through a bidding round (its deal in contracting), one still listed.
    const offered = (await t.request({ method: 'GET', url: '/api/offerings?limit=100' })).json().items;
    expect(offered.map((o: { status: string }) => o.status).sort()).toEqual(['listed', 'sold']);
    const sold = (
      await t.request({
        method: 'GET',
        url: `/api/offerings/${offered.find((o: { status: string }) => o.status === 'sold').id}`,
      })
    ).json();
    expect(sold.bids.length).toBeGreaterThanOrEqual(4);
    expect(sold.result).toMatchObject({ outcome: 'sold', price: sold.bids.at(-1).amount });
    expect(sold.dealId).not.toBeNull();
    const listedNow = offered.find((o: { status: string }) => o.status === 'listed');
    expect(listedNow.registrationCount).toBe(1);
    // The public notice board: the earlier notices ended, and one is open with an objection awaiting its answer.
    const board = (await t.request({ method: 'GET', url: '/api/notices?limit=100' })).json().items;
    expect(board.filter((n: { status: string }) => n.status === 'ended')).toHaveLength(3);
    const open = board.filter((n: { status: string }) => n.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ price: 4_500_000, objections: [{ answer: null }] });
    const inv = await t.ctx.db.select({ status: invoices.status, total: invoices.total }).from(invoices);
    expect(inv.map((i) => i.status).sort()).toEqual(['issued', 'issued', 'paid']);
    // Every organization but the bureau has its billing details; one payment advice awaits its payee.
    const orgs = await t.ctx.db.select().from(organizations);
    expect(orgs.filter((o) => o.taxId && o.bankAccount && o.bankAccountName)).toHaveLength(orgs.length - 1);
    const advices = await t.ctx.db.select().from(paymentAdvices);
    expect(advices.map((a) => [a.status, a.reference])).toEqual([['pending', 'ABC-20260002']]);
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'buyer@oasis.demo', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const myDeals = await t.request({ method: 'GET', url: '/api/deals', token: login.json().accessToken });
    expect(
      myDeals
        .json()
        .items.map((d: { state: string }) => d.state)
        .sort(),
    ).toEqual(['negotiating', 'payment']);
    // Both marks for the demo buyer: the seller's counter-offer is the buyer's to answer; the transfer waits for
    // payment on its invoices. The drip licence's signed NDA keeps its text.
    const marks = Object.fromEntries(
      myDeals
        .json()
        .items.map((d: { state: string; toDo: boolean; awaiting: string[] }) => [d.state, [d.toDo, d.awaiting]]),
    );
    expect(marks).toEqual({ negotiating: [true, ['buyer']], payment: [false, ['payment']] });
    const drip = myDeals.json().items.find((d: { state: string }) => d.state === 'negotiating');
    const nda = await t.request({ method: 'GET', url: `/api/deals/${drip.id}/nda`, token: login.json().accessToken });
    expect(nda.json().signed).toHaveLength(2);

    // Every signed deal keeps both signed contract texts, each the text its signature's hash names.
    const signed = await t.ctx.db.select({ id: deals.id }).from(deals).where(isNotNull(deals.signedAt));
    expect(signed.length).toBeGreaterThan(0);
    for (const { id } of signed) {
      const kept = await t.ctx.db
        .select({ sha256: dealDocuments.sha256 })
        .from(dealDocuments)
        .where(and(eq(dealDocuments.dealId, id), like(dealDocuments.filename, '技术合同-contract-%')));
      const signatures = await t.ctx.db
        .select({ payload: dealHistory.payload })
        .from(dealHistory)
        .where(and(eq(dealHistory.dealId, id), eq(dealHistory.type, 'SIGN_CONTRACT')));
      expect(kept).toHaveLength(2);
      expect(kept.map((k) => k.sha256).sort()).toEqual(
        signatures.map((h) => (h.payload as { contractSha256: string }).contractSha256).sort(),
      );
    }
  });
});
