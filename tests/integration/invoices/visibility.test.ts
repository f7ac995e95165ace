import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../../src/invoices/view.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { dealWithParties, issue, licenceFee, payment, type DealParties } from './fixtures.js';

let t: TestApp;
let admin: Session;
let p: DealParties;
let other: DealParties;
let upfront: InvoiceView, commission: InvoiceView, later: InvoiceView, elsewhere: InvoiceView;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
  [p, other] = await Promise.all([dealWithParties(t, admin), dealWithParties(t, admin, 'transfer')]);
  upfront = await issue(t, p.deal, licenceFee(t));
  commission = await issue(t, p.deal, {
    ...licenceFee(t),
    kind: 'commission',
    issuer: 'broker',
    recipient: 'seller',
    lines: [{ kind: 'brokerage', description: '技术经纪佣金', amount: 500_000 }],
  });
  elsewhere = await issue(
    t,
    other.deal,
    licenceFee(t, { kind: 'instalment', lines: [{ kind: 'transfer_fee', description: '首期款', amount: 9_000_000 }] }),
  );
  t.clock.advanceDays(40);
  later = await issue(t, p.deal, licenceFee(t));
  await t.request({
    method: 'POST',
    url: `/api/invoices/${later.id}/payments`,
    token: p.seller.accessToken,
    payload: payment(t, 1_000),
  });
});
afterAll(async () => {
  await t.close();
});

const list = async (s: Session, query = '') => {
  const res = await t.request({ method: 'GET', url: `/api/invoices${query}`, token: s.accessToken });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: InvoiceView[]; nextCursor: string | null };
};
const ids = (page: { items: InvoiceView[] }) => page.items.map((i) => i.id);

describe('who sees an invoice', () => {
  it('answers 404 to anyone but its issuer, its recipient and admins, for the JSON and the PDF', async () => {
    for (const s of [p.seller, p.buyer, admin])
      expect(
        (await t.request({ method: 'GET', url: `/api/invoices/${upfront.id}`, token: s.accessToken })).statusCode,
      ).toBe(200);
    for (const s of [p.stranger, p.broker, other.seller]) {
      for (const suffix of ['', '/pdf']) {
        const res = await t.request({
          method: 'GET',
          url: `/api/invoices/${upfront.id}${suffix}`,
          token: s.accessToken,
        });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    }
    expect((await t.request({ method: 'GET', url: `/api/invoices/${upfront.id}` })).statusCode).toBe(401);
  });

  it("lists only the caller's organization's invoices: a deal party does not see a commission between others", async () => {
    expect(ids(await list(p.buyer))).toEqual([later.id, upfront.id]);
    expect(ids(await list(p.seller))).toEqual([later.id, commission.id, upfront.id]);
    expect(ids(await list(p.broker))).toEqual([commission.id]);
    expect(ids(await list(p.stranger))).toEqual([]);
    expect(ids(await list(admin))).toEqual([later.id, elsewhere.id, commission.id, upfront.id]);
  });

  it('filters by deal, status, direction and issue period, and pages with a cursor', async () => {
    expect(ids(await list(admin, `?dealId=${other.deal.id}`))).toEqual([elsewhere.id]);
    expect(ids(await list(p.seller, '?status=partially_paid'))).toEqual([later.id]);
    expect(ids(await list(p.seller, '?direction=issued'))).toEqual([later.id, upfront.id]);
    expect(ids(await list(p.seller, '?direction=received'))).toEqual([commission.id]);
    const from = encodeURIComponent(upfront.issuedAt);
    const to = encodeURIComponent(later.issuedAt);
    expect(ids(await list(p.seller, `?issuedFrom=${from}&issuedTo=${to}`))).toEqual([commission.id, upfront.id]);
    expect(ids(await list(p.seller, `?issuedFrom=${to}`))).toEqual([later.id]);

    const first = await list(p.seller, '?limit=2');
    expect(ids(first)).toEqual([later.id, commission.id]);
    const second = await list(p.seller, `?limit=2&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([upfront.id]);
    expect(second.nextCursor).toBeNull();

    const bad = await t.request({
      method: 'GET',
      url: '/api/invoices?status=lost&direction=sideways&limit=1000',
      token: p.seller.accessToken,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.direction', 'querystring.limit', 'querystring.status']);
  });
});
