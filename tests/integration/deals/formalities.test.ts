import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, LICENSE_TERMS, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, otherBuyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, otherBuyer, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function sign(dealId: string, terms: Record<string, unknown>, by = buyer) {
  await sendOk(t, seller, dealId, 'ACCEPT_INQUIRY');
  await sendOk(t, by, dealId, 'PROPOSE_TERMS', { terms });
  await sendOk(t, seller, dealId, 'ACCEPT_TERMS');
  await sendOk(t, by, dealId, 'SIGN_CONTRACT');
  return sendOk(t, seller, dealId, 'SIGN_CONTRACT');
}

describe('a trade-secret transfer (DOMAIN.md "Formalities by IP type")', () => {
  it('completes on accepted delivery of the documents and takes the listing off the market', async () => {
    const listing = await createListing(t, seller, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['transfer'], ipType: 'trade_secret', ipNumbers: [] },
    });
    const deal = await openDeal(t, buyer, listing.id, 'transfer');
    const signed = await sign(deal.id, {
      price: 5_000_000,
      payments: [{ name: '全款', amount: 5_000_000, dueDays: 10 }],
    });
    expect(signed.state).toBe('payment');
    const [invoice] = (
      await t.request({ method: 'GET', url: `/api/invoices?dealId=${deal.id}`, token: buyer.accessToken })
    ).json().items;
    const paid = await t.request({
      method: 'POST',
      url: `/api/invoices/${invoice.id}/payments`,
      token: seller.accessToken,
      payload: { amount: invoice.total, reference: 'BANK-1', paidAt: t.clock.now().toISOString() },
    });
    expect(paid.statusCode).toBe(200);
    const delivery = (await getDeal(t, seller, deal.id)).json();
    expect(delivery.state).toBe('delivery');
    expect(delivery.nextEvents).toContain('DELIVER_DOCUMENTS');
    expect(delivery.nextEvents).not.toContain('RECORD_ASSIGNMENT');

    const early = await send(t, buyer, deal.id, 'ACCEPT_DELIVERY');
    expect(early.statusCode).toBe(403);
    await sendOk(t, seller, deal.id, 'DELIVER_DOCUMENTS', { documents: '工艺文件及配方（共12册）' });
    const done = await sendOk(t, buyer, deal.id, 'ACCEPT_DELIVERY');
    expect(done.state).toBe('completed');
    expect(done.delivery).toMatchObject({ status: 'accepted', documents: '工艺文件及配方（共12册）' });

    const own = await t.request({ method: 'GET', url: `/api/listings/${listing.id}`, token: seller.accessToken });
    expect(own.json().status).toBe('withdrawn');
    const audit = await t.request({
      method: 'GET',
      url: `/api/admin/audit?entity=listing&entityId=${listing.id}&action=listing.transferred`,
      token: admin.accessToken,
    });
    expect(audit.statusCode).toBe(200);
    expect(JSON.stringify(audit.json().items)).toContain(deal.id);
    const anotherBuyer = await t.request({
      method: 'POST',
      url: '/api/deals',
      token: otherBuyer.accessToken,
      payload: { listingId: listing.id, type: 'transfer' },
    });
    expect(anotherBuyer.statusCode).toBe(404);
  });
});

describe('exclusivity (SPC Interpretation Art. 25)', () => {
  it('refuses a second licence overlapping an exclusive one in force, naming it, and changes nothing', async () => {
    const listing = await createListing(t, seller, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['license'] },
    });
    const first = await openDeal(t, buyer, listing.id, 'license');
    const exclusive = {
      ...LICENSE_TERMS,
      licenseType: 'exclusive',
      territory: '新疆生产建设兵团',
      fieldOfUse: '棉花滴灌',
    };
    expect((await sign(first.id, exclusive)).state).toBe('active');

    const second = await openDeal(t, otherBuyer, listing.id, 'license');
    await sendOk(t, seller, second.id, 'ACCEPT_INQUIRY');
    const overlapping = { ...exclusive, licenseType: 'non_exclusive', territory: '新疆生产建设兵团第八师' };
    await sendOk(t, otherBuyer, second.id, 'PROPOSE_TERMS', { terms: overlapping });
    const before = (await getDeal(t, seller, second.id)).json();
    const refused = await send(t, seller, second.id, 'ACCEPT_TERMS');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', conflictingDealId: first.id });
    expect(refused.json().detail).toContain('新疆生产建设兵团');
    const after = (await getDeal(t, seller, second.id)).json();
    expect(after.version).toBe(before.version);
    expect(after.state).toBe('negotiating');

    // Another field of use does not overlap: an ordinary licence for it may be concluded.
    await sendOk(t, otherBuyer, second.id, 'PROPOSE_TERMS', { terms: { ...overlapping, fieldOfUse: '番茄加工' } });
    expect((await sendOk(t, seller, second.id, 'ACCEPT_TERMS')).state).toBe('contracting.awaitingBoth');
  });
});
