import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, listingAccessGrants, listings } from '../../../src/db/schema/index.js';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, listingBody, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, otherSeller: Session, buyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, otherSeller, buyer, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'seller', 'institute'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

const get = (id: string, s?: Session) =>
  t.request({ method: 'GET', url: `/api/listings/${id}`, token: s?.accessToken });

describe('listing lifecycle', () => {
  it('draft → submitted → rejected with a reason → edited → resubmitted → published with a registration number', async () => {
    const draft = await createListing(t, seller);
    expect(draft.status).toBe('draft');
    expect(draft.registrationNo).toBeNull();
    expect(
      (await t.request({ method: 'POST', url: `/api/listings/${draft.id}/submit`, token: seller.accessToken })).json()
        .status,
    ).toBe('submitted');

    const queue = await t.request({ method: 'GET', url: '/api/listings/review-queue', token: admin.accessToken });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(draft.id);

    const noReason = await t.request({
      method: 'POST',
      url: `/api/listings/${draft.id}/review`,
      token: admin.accessToken,
      payload: { decision: 'reject' },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.request({
      method: 'POST',
      url: `/api/listings/${draft.id}/review`,
      token: admin.accessToken,
      payload: { decision: 'reject', reason: '请补充专利证书' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '请补充专利证书' });
    expect((await get(draft.id, seller)).json().rejectionReason).toBe('请补充专利证书');

    const edited = await t.request({
      method: 'PATCH',
      url: `/api/listings/${draft.id}`,
      token: seller.accessToken,
      payload: { summary: '补充了专利证书和第三方检测报告，节水 35%，适用于南北疆棉区。' },
    });
    expect(edited.statusCode).toBe(200);
    await t.request({ method: 'POST', url: `/api/listings/${draft.id}/submit`, token: seller.accessToken });
    const published = await t.request({
      method: 'POST',
      url: `/api/listings/${draft.id}/review`,
      token: admin.accessToken,
      payload: { decision: 'approve' },
    });
    expect(published.json().status).toBe('published');
    expect(published.json().registrationNo).toMatch(/^6600002026A\d{5}$/);
    expect(published.json().publishedAt).toBe(t.clock.now().toISOString());

    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id)).orderBy(auditLog.id);
    expect(trail.map((a) => a.action)).toEqual([
      'listing.created',
      'listing.submitted',
      'listing.rejected',
      'listing.updated',
      'listing.submitted',
      'listing.published',
    ]);
  });

  it('assigns gapless registration numbers per year', async () => {
    const nos: string[] = [];
    for (let i = 0; i < 3; i++) nos.push((await createListing(t, seller, { publishWith: admin })).registrationNo);
    const serials = nos.map((n) => Number(n.slice(-5)));
    expect(serials[1]).toBe(serials[0] + 1);
    expect(serials[2]).toBe(serials[1] + 1);
  });

  it('numbers a listing published on 1 January Beijing time (still 31 December UTC) in the new year', async () => {
    const before = t.clock.now().toISOString();
    t.clock.set('2026-12-31T17:30:00Z'); // 01:30 on 1 January 2027 in China
    try {
      const first = (await createListing(t, seller, { publishWith: admin })).registrationNo;
      expect(first).toBe('6600002027A00001');
    } finally {
      t.clock.set(before);
    }
  });

  it('publishes at submission when LISTING_REVIEW=off', async () => {
    const t2 = await buildTestApp({ env: { LISTING_REVIEW: 'off' } });
    try {
      const s = await registerUser(t2, 'seller');
      const l = await createListing(t2, s);
      const sub = await t2.request({ method: 'POST', url: `/api/listings/${l.id}/submit`, token: s.accessToken });
      expect(sub.json().status).toBe('published');
      expect(sub.json().registrationNo).toBeTruthy();
    } finally {
      await t2.close();
    }
  });

  it('refuses edits of a published listing and wrong-state moves with 409, leaving data unchanged', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/listings/${l.id}`,
      token: seller.accessToken,
      payload: { title: '改个名字' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_TRANSITION');
    const review = await t.request({
      method: 'POST',
      url: `/api/listings/${l.id}/review`,
      token: admin.accessToken,
      payload: { decision: 'approve' },
    });
    expect(review.statusCode).toBe(409);
    expect((await get(l.id)).json().title).toBe(l.title);
  });

  it('withdraws: out of the public list, still visible to its owner', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const w = await t.request({ method: 'POST', url: `/api/listings/${l.id}/withdraw`, token: seller.accessToken });
    expect(w.json().status).toBe('withdrawn');
    expect((await get(l.id)).statusCode).toBe(404);
    expect((await get(l.id, seller)).statusCode).toBe(200);
  });
});

describe('validation', () => {
  it('names each bad field and writes nothing', async () => {
    const before = (await t.ctx.db.select().from(listings)).length;
    const res = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: seller.accessToken,
      payload: listingBody({ trl: 10, field: 'astrology', askingPrice: 12.5, title: 'x'.repeat(201), dealTypes: [] }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.trl', 'body.field', 'body.askingPrice', 'body.title', 'body.dealTypes']),
    );
    expect((await t.ctx.db.select().from(listings)).length).toBe(before);
  });

  it('checks patent numbers against the IP form', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: seller.accessToken,
      payload: listingBody({ ipNumbers: ['CN123', 'ZL201920123456.1'] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'body.ipNumbers.0', message: 'must be a CNIPA patent number like ZL201910123456.7' },
      { path: 'body.ipNumbers.1', message: 'is not an invention patent number' },
    ]);
    const utility = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: seller.accessToken,
      payload: listingBody({ ipType: 'utility_model', ipNumbers: ['ZL201920123456.1'] }),
    });
    expect(utility.statusCode).toBe(201);
    const software = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: seller.accessToken,
      payload: listingBody({ ipType: 'software_copyright', ipNumbers: ['2021SR0123456'] }),
    });
    expect(software.statusCode).toBe(201);
  });

  it('only sellers create listings; buyers get 403', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: buyer.accessToken,
      payload: listingBody(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('visibility', () => {
  it('hides drafts from everyone but the organization and admins (404, not 403)', async () => {
    const l = await createListing(t, seller);
    expect((await get(l.id)).statusCode).toBe(404);
    expect((await get(l.id, buyer)).statusCode).toBe(404);
    expect((await get(l.id, otherSeller)).statusCode).toBe(404);
    expect((await get(l.id, admin)).statusCode).toBe(200);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/listings/${l.id}`,
      token: otherSeller.accessToken,
      payload: { title: '抢注' },
    });
    expect(patch.statusCode).toBe(404);
  });

  it('shows the confidential part to the owner, admins and granted buyers only', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const anon = (await get(l.id)).json();
    expect(anon).not.toHaveProperty('confidentialDetails');
    expect(anon.canSeeConfidential).toBe(false);
    expect((await get(l.id, buyer)).json()).not.toHaveProperty('confidentialDetails');
    expect((await get(l.id, seller)).json().confidentialDetails).toContain('滴头流量');
    expect((await get(l.id, admin)).json().confidentialDetails).toContain('滴头流量');
    await t.ctx.db
      .insert(listingAccessGrants)
      .values({ listingId: l.id, organizationId: buyer.user.organization.id, dealId: 'dl_test', reason: 'nda_signed' });
    expect((await get(l.id, buyer)).json().confidentialDetails).toContain('滴头流量');
  });

  it('lists mine in every status and the public list with published only', async () => {
    const s = await registerUser(t, 'seller');
    const draft = await createListing(t, s);
    const pub = await createListing(t, s, { publishWith: admin });
    const mine = await t.request({ method: 'GET', url: '/api/listings?mine=true', token: s.accessToken });
    expect(
      mine
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([draft.id, pub.id].sort());
    const catalogue = await t.request({ method: 'GET', url: `/api/listings?organizationId=${s.user.organization.id}` });
    expect(catalogue.json().items.map((i: { id: string }) => i.id)).toEqual([pub.id]);
  });

  it('paginates with a cursor', async () => {
    const s = await registerUser(t, 'seller');
    for (let i = 0; i < 3; i++) await createListing(t, s);
    const p1 = (
      await t.request({ method: 'GET', url: '/api/listings?mine=true&limit=2', token: s.accessToken })
    ).json();
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).toBeTruthy();
    const p2 = (
      await t.request({
        method: 'GET',
        url: `/api/listings?mine=true&limit=2&cursor=${p1.nextCursor}`,
        token: s.accessToken,
      })
    ).json();
    expect(p2.items).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();
  });
});

describe('notifications', () => {
  it('tells the seller organization when its listing is published or rejected', async () => {
    const s = await registerUser(t, 'seller');
    await createListing(t, s, { publishWith: admin });
    await relayOutbox(t.ctx);
    const res = await t.request({ method: 'GET', url: '/api/notifications', token: s.accessToken });
    expect(res.json().unread).toBe(1);
    expect(res.json().items[0]).toMatchObject({ kind: 'listing.published', readAt: null });
    const id = res.json().items[0].id;
    expect(
      (await t.request({ method: 'POST', url: `/api/notifications/${id}/read`, token: s.accessToken })).json().updated,
    ).toBe(1);
    expect((await t.request({ method: 'GET', url: '/api/notifications', token: s.accessToken })).json().unread).toBe(0);
    expect(
      (await t.request({ method: 'POST', url: `/api/notifications/${id}/read`, token: buyer.accessToken })).statusCode,
    ).toBe(404);
  });
});
