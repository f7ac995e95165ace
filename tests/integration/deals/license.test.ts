import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealHistory, deals, listingAccessGrants, timers } from '../../../src/db/schema/index.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { LICENSE_TERMS, getDeal, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, stranger: Session, admin: Session, enterpriseSeller: Session;
let listing: { id: string };
let noNdaListing: { id: string };
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, stranger, admin, enterpriseSeller] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
    registerUser(t, 'seller', 'enterprise'),
  ]);
  listing = await createListing(t, seller, { publishWith: admin });
  noNdaListing = await createListing(t, enterpriseSeller, { publishWith: admin, body: { ndaRequired: false } });
});
afterAll(async () => {
  await t.close();
});

describe('licence deal', () => {
  it('runs inquiry → NDA → negotiation with a counter-offer → public notice → contract → active, with an upfront-fee invoice', async () => {
    const deal = await openDeal(t, buyer, listing.id, 'license', '我们希望获得独占许可');
    expect(deal).toMatchObject({ type: 'license', state: 'inquiry', version: 0, role: 'buyer' });
    expect(deal.nextEvents).toEqual(['WITHDRAW']);
    expect((await getDeal(t, seller, deal.id)).json().nextEvents).toEqual(
      expect.arrayContaining(['ACCEPT_INQUIRY', 'DECLINE']),
    );

    expect((await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY')).state).toBe('nda');
    // The confidential part stays closed until both have signed the NDA.
    expect(
      (await t.request({ method: 'GET', url: `/api/listings/${listing.id}`, token: buyer.accessToken })).json()
        .canSeeConfidential,
    ).toBe(false);
    await sendOk(t, buyer, deal.id, 'SIGN_NDA');
    expect((await sendOk(t, seller, deal.id, 'SIGN_NDA')).state).toBe('negotiating');
    expect(
      (await t.request({ method: 'GET', url: `/api/listings/${listing.id}`, token: buyer.accessToken })).json()
        .confidentialDetails,
    ).toBeTruthy();

    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    // The proposer cannot accept its own proposal.
    const self = await send(t, buyer, deal.id, 'ACCEPT_TERMS');
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('FORBIDDEN');
    await sendOk(t, seller, deal.id, 'PROPOSE_TERMS', {
      terms: { ...LICENSE_TERMS, upfrontFee: 30_000_000, royaltyRateBp: 500 },
    });
    const diff = await t.request({
      method: 'GET',
      url: `/api/deals/${deal.id}/proposals/diff?from=1&to=2`,
      token: buyer.accessToken,
    });
    expect(diff.json().changes).toEqual([
      { path: 'upfrontFee', from: 20_000_000, to: 30_000_000 },
      { path: 'royaltyRateBp', from: 300, to: 500 },
    ]);
    const agreed = await sendOk(t, buyer, deal.id, 'ACCEPT_TERMS');
    // The seller is a university: the agreed price is published before contracting (Law Art. 18).
    expect(agreed.state).toBe('publicNotice');
    expect(agreed.contractValue).toBe(30_000_000);
    expect(agreed.nextEvents).not.toContain('SIGN_CONTRACT');

    t.clock.advanceDays(15);
    await fireDueTimers(t.ctx);
    const afterNotice = (await getDeal(t, buyer, deal.id)).json();
    expect(afterNotice.state).toMatch(/^contracting/);
    expect(afterNotice.nextEvents).toContain('SIGN_CONTRACT');
    await sendOk(t, seller, deal.id, 'SIGN_CONTRACT');
    const active = await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT');
    expect(active.state).toBe('active');
    expect(active.signedAt).toBeTruthy();

    const invoices = (
      await t.request({ method: 'GET', url: `/api/invoices?dealId=${deal.id}`, token: buyer.accessToken })
    ).json().items;
    expect(invoices).toHaveLength(1);
    // The contract is not registered yet: the upfront fee carries the standard 6% (财税〔2016〕36号).
    expect(invoices[0]).toMatchObject({
      subtotal: 30_000_000,
      tax: 1_800_000,
      total: 31_800_000,
      status: 'issued',
      recipient: expect.objectContaining({ organizationId: buyer.user.organization.id }),
    });

    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: seller.accessToken })
    ).json();
    expect(history.map((h: { version: number }) => h.version)).toEqual(history.map((_: unknown, i: number) => i));
    expect(history.map((h: { type: string }) => h.type)).toEqual([
      'OPEN',
      'ACCEPT_INQUIRY',
      'SIGN_NDA',
      'SIGN_NDA',
      'PROPOSE_TERMS',
      'PROPOSE_TERMS',
      'ACCEPT_TERMS',
      'NOTICE_ENDED',
      'SIGN_CONTRACT',
      'SIGN_CONTRACT',
    ]);
    expect(history[7].actor).toEqual({ id: null, role: 'system' });

    const royalty = await sendOk(t, buyer, deal.id, 'REPORT_ROYALTIES', { period: '2026H1', netSales: 1_000_000_00 });
    expect(royalty.version).toBe(active.version + 1);
    const all = (
      await t.request({ method: 'GET', url: `/api/invoices?dealId=${deal.id}`, token: seller.accessToken })
    ).json().items;
    expect(all.map((i: { total: number }) => i.total).sort((a: number, b: number) => a - b)).toEqual([
      5_300_000,
      31_800_000, // royalty and upfront fee, each with 6% VAT
    ]);

    // When the half year ends the licensee is reminded to report royalties, through the engine as `system`.
    const { relayOutbox } = await import('../../../src/platform/outbox.js');
    await relayOutbox(t.ctx);
    const before = (
      await t.request({ method: 'GET', url: '/api/notifications?limit=100', token: buyer.accessToken })
    ).json().items.length;
    t.clock.set('2026-07-01T00:00:00Z');
    await fireDueTimers(t.ctx);
    await relayOutbox(t.ctx);
    const reminders = (
      await t.request({ method: 'GET', url: '/api/notifications?limit=100', token: buyer.accessToken })
    ).json().items;
    const fresh = reminders.slice(0, reminders.length - before);
    expect(fresh.filter((n: { title: string }) => n.title.includes('提成'))).toHaveLength(1);
    const last = (await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: buyer.accessToken }))
      .json()
      .at(-1);
    expect(last).toMatchObject({ type: 'REMIND_ROYALTIES', actor: { role: 'system' }, from: 'active', to: 'active' });
    const next = await t.ctx.db.select().from(timers).where(eq(timers.subjectId, deal.id));
    expect(next.filter((x) => x.name === 'royaltyReminder' && x.status === 'pending').map((x) => x.dueAt)).toEqual([
      '2026-12-31T16:00:00.000Z',
    ]);
  });

  it('answers 409 VERSION_CONFLICT for a stale version, 409 INVALID_TRANSITION and 403 FORBIDDEN as API.md says, changing nothing', async () => {
    const deal = await openDeal(t, buyer, noNdaListing.id);
    const stale = await t.request({
      method: 'POST',
      url: `/api/deals/${deal.id}/events`,
      token: enterpriseSeller.accessToken,
      payload: { type: 'ACCEPT_INQUIRY', expectedVersion: 5 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const invalid = await send(t, buyer, deal.id, 'SIGN_CONTRACT');
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().code).toBe('INVALID_TRANSITION');
    const forbidden = await send(t, buyer, deal.id, 'ACCEPT_INQUIRY');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const unknown = await send(t, buyer, deal.id, 'MAKE_ME_RICH');
    expect(unknown.statusCode).toBe(409);
    const [row] = await t.ctx.db.select().from(deals).where(eq(deals.id, deal.id));
    expect(row.version).toBe(0);
    expect(row.state).toBe('inquiry');
    expect(await t.ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, deal.id))).toHaveLength(1);
  });

  it('validates terms per form, naming the field', async () => {
    const deal = await openDeal(t, stranger, noNdaListing.id);
    await sendOk(t, enterpriseSeller, deal.id, 'ACCEPT_INQUIRY');
    expect(
      (await t.ctx.db.select().from(listingAccessGrants).where(eq(listingAccessGrants.dealId, deal.id)))[0].reason,
    ).toBe('no_nda_required');
    const bad = await send(t, stranger, deal.id, 'PROPOSE_TERMS', {
      terms: { ...LICENSE_TERMS, licenseType: 'forever', upfrontFee: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.terms.licenseType', 'body.terms.upfrontFee']),
    );
  });

  it('is 404 to strangers and replays an Idempotency-Key retry with the first answer', async () => {
    const deal = await openDeal(t, buyer, noNdaListing.id, 'transfer');
    expect((await getDeal(t, stranger, deal.id)).statusCode).toBe(404);
    expect((await send(t, stranger, deal.id, 'WITHDRAW')).statusCode).toBe(404);
    const key = { 'idempotency-key': 'accept-inquiry-0001' };
    const first = await send(t, enterpriseSeller, deal.id, 'ACCEPT_INQUIRY', {}, key);
    expect(first.statusCode).toBe(200);
    const retry = await t.request({
      method: 'POST',
      url: `/api/deals/${deal.id}/events`,
      token: enterpriseSeller.accessToken,
      headers: key,
      payload: { type: 'ACCEPT_INQUIRY', expectedVersion: 0 },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const [row] = await t.ctx.db.select().from(deals).where(eq(deals.id, deal.id));
    expect(row.version).toBe(1);
  });

  it('refuses a second open deal of the same form, a form the listing does not offer, and a deal on a draft', async () => {
    const l = await createListing(t, enterpriseSeller, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['license'] },
    });
    await openDeal(t, buyer, l.id);
    const twice = await t.request({
      method: 'POST',
      url: '/api/deals',
      token: buyer.accessToken,
      payload: { listingId: l.id, type: 'license' },
    });
    expect(twice.statusCode).toBe(409);
    const wrongForm = await t.request({
      method: 'POST',
      url: '/api/deals',
      token: buyer.accessToken,
      payload: { listingId: l.id, type: 'equity' },
    });
    expect(wrongForm.statusCode).toBe(400);
    expect(wrongForm.json().errors[0].path).toBe('body.type');
    const draft = await createListing(t, enterpriseSeller);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/deals',
          token: buyer.accessToken,
          payload: { listingId: draft.id, type: 'license' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/deals',
          token: seller.accessToken,
          payload: { listingId: l.id, type: 'license' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('timers', () => {
  it('expire a proposal after OFFER_TTL_DAYS and an idle deal after DEAL_IDLE_DAYS; stale timers do nothing', async () => {
    const deal = await openDeal(
      t,
      stranger,
      (await createListing(t, enterpriseSeller, { publishWith: admin, body: { ndaRequired: false } })).id,
    );
    await sendOk(t, enterpriseSeller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, stranger, deal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    t.clock.advanceDays(14);
    await fireDueTimers(t.ctx);
    const d = (await getDeal(t, stranger, deal.id)).json();
    expect(d.state).toBe('negotiating');
    expect(d.proposals[0].status).toBe('expired');
    expect(d.currentTerms).toBeNull();
    // Idle expiry: 90 days after the last event; the timer set at an older version is obsolete.
    t.clock.advanceDays(89);
    await fireDueTimers(t.ctx);
    expect((await getDeal(t, stranger, deal.id)).json().state).toBe('negotiating');
    t.clock.advanceDays(2);
    await fireDueTimers(t.ctx);
    expect((await getDeal(t, stranger, deal.id)).json().state).toBe('expired');
    const pending = await t.ctx.db.select().from(timers).where(eq(timers.subjectId, deal.id));
    expect(pending.filter((x) => x.status === 'pending')).toEqual([]);
  });
});

describe('brokers', () => {
  it('an admin assigns a broker, whose proposal needs both parties; signing issues the commission invoice to the seller', async () => {
    const broker = await registerUser(t, 'broker');
    const l = await createListing(t, enterpriseSeller, { publishWith: admin, body: { ndaRequired: false } });
    const deal = await openDeal(t, buyer, l.id);
    expect((await getDeal(t, broker, deal.id)).statusCode).toBe(404);
    const byBuyer = await send(t, buyer, deal.id, 'ASSIGN_BROKER', { brokerId: broker.user.id, commissionRateBp: 500 });
    expect(byBuyer.statusCode).toBe(403);
    const notBroker = await send(t, admin, deal.id, 'ASSIGN_BROKER', {
      brokerId: buyer.user.id,
      commissionRateBp: 500,
    });
    expect(notBroker.statusCode).toBe(400);
    await sendOk(t, admin, deal.id, 'ASSIGN_BROKER', { brokerId: broker.user.id, commissionRateBp: 500 });
    expect((await getDeal(t, broker, deal.id)).json().role).toBe('broker');
    expect(
      (await t.request({ method: 'GET', url: '/api/deals', token: broker.accessToken }))
        .json()
        .items.map((d: { id: string }) => d.id),
    ).toEqual([deal.id]);
    await sendOk(t, enterpriseSeller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, broker, deal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    const one = await sendOk(t, buyer, deal.id, 'ACCEPT_TERMS');
    expect(one.state).toBe('negotiating');
    const both = await sendOk(t, enterpriseSeller, deal.id, 'ACCEPT_TERMS');
    // An enterprise seller is not a public institution: no public notice.
    expect(both.state).toMatch(/^contracting/);
    await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT');
    await sendOk(t, enterpriseSeller, deal.id, 'SIGN_CONTRACT');
    const sellerInvoices = (
      await t.request({ method: 'GET', url: `/api/invoices?dealId=${deal.id}`, token: enterpriseSeller.accessToken })
    ).json().items;
    const commission = sellerInvoices.find(
      (i: { recipient: { organizationId: string } }) =>
        i.recipient.organizationId === enterpriseSeller.user.organization.id,
    );
    // 5% of the upfront fee (200,000.00 yuan) = 10,000.00 yuan, plus 6% VAT on brokerage.
    expect(commission).toMatchObject({ subtotal: 1_000_000, tax: 60_000, total: 1_060_000 });
    expect(commission.issuer.organizationId).toBe(broker.user.organization.id);
  });
});
