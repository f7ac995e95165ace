import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vouchers } from '../../../src/db/schema/invoices.js';
import { INVOICE_PAID, type PaidInvoice } from '../../../src/invoices/events.js';
import type { InvoiceView } from '../../../src/invoices/view.js';
import { buildTestApp, testHook, type TestApp } from '../../helpers/app.js';
import { adminSession, registerUser, type Session } from '../../helpers/factories.js';
import { dealWithParties, issue, licenceFee, payment, type DealParties } from './fixtures.js';

let t: TestApp;
let admin: Session;
let p: DealParties;
const paidHook = testHook<PaidInvoice>(INVOICE_PAID);
const onInvoicePaid = paidHook.listen;
beforeAll(async () => {
  t = await buildTestApp({ features: [paidHook.feature] });
  admin = await adminSession(t);
  p = await dealWithParties(t, admin);
});
afterAll(async () => {
  await t.close();
});

const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
const grant = (body: Record<string, unknown>, s: Session = admin) =>
  t.request({
    method: 'POST',
    url: '/api/vouchers',
    token: s.accessToken,
    payload: { expiresAt: inDays(90), serviceKinds: ['license_fee'], ...body },
  });
async function voucherFor(org: string, amount: number, extra: Record<string, unknown> = {}) {
  const res = await grant({ organizationId: org, amount, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; code: string; remaining: number };
}
const apply = (invoiceId: string, voucherId: string, amount: number, s: Session = p.buyer) =>
  t.request({
    method: 'POST',
    url: `/api/invoices/${invoiceId}/vouchers`,
    token: s.accessToken,
    payload: { voucherId, amount },
  });
const buyerOrg = () => p.buyer.user.organization.id;
const redeemed = async (id: string) => (await t.ctx.db.select().from(vouchers).where(eq(vouchers.id, id)))[0].redeemed;

describe('granting vouchers', () => {
  it('grants (admin) to a buyer organization, numbered per year; each organization lists its own', async () => {
    const v = await voucherFor(buyerOrg(), 5_000_000, {
      serviceKinds: ['license_fee', 'brokerage'],
      note: '2026 年第一批',
    });
    expect(v).toMatchObject({
      code: expect.stringMatching(/^CXQ-2026-\d{6}$/),
      amount: 5_000_000,
      redeemed: 0,
      remaining: 5_000_000,
      status: 'active',
      organization: { id: buyerOrg() },
    });
    const mine = (await t.request({ method: 'GET', url: '/api/vouchers', token: p.buyer.accessToken })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(mine.items.every((x: { organization: { id: string } }) => x.organization.id === buyerOrg())).toBe(true);
    const theirs = (await t.request({ method: 'GET', url: '/api/vouchers', token: p.stranger.accessToken })).json();
    expect(theirs.items).toEqual([]);
    const all = (
      await t.request({ method: 'GET', url: `/api/vouchers?organizationId=${buyerOrg()}`, token: admin.accessToken })
    ).json();
    expect(all.items.map((x: { id: string }) => x.id)).toContain(v.id);
  });

  it("refuses non-admins, sellers' organizations, past expiry and voucher as a service kind", async () => {
    expect((await grant({ organizationId: buyerOrg(), amount: 1 }, p.buyer)).statusCode).toBe(403);
    const res = await grant({ organizationId: p.seller.user.organization.id, amount: 1, expiresAt: inDays(-1) });
    expect(res.json().errors).toEqual([
      { path: 'body.organizationId', message: 'is not a buyer organization' },
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
    const kinds = await grant({ organizationId: buyerOrg(), amount: 1, serviceKinds: ['voucher'] });
    expect(kinds.json().errors[0].path).toBe('body.serviceKinds.0');
  });
});

describe('applying a voucher', () => {
  it('adds a voucher line, lowers what is owed, and the rest is paid as usual', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const v = await voucherFor(buyerOrg(), 3_000_000);
    const res = await apply(inv.id, v.id, 2_000_000);
    expect(res.statusCode).toBe(200);
    const after = res.json() as InvoiceView;
    expect(after.lines).toEqual([
      inv.lines[0],
      {
        kind: 'voucher',
        description: `创新券 ${v.code} 抵扣 Innovation voucher ${v.code}`,
        amount: -2_000_000,
        taxTreatment: 'standard',
        taxRateBp: 0,
        taxAmount: 0,
      },
    ]);
    expect(after).toMatchObject({
      status: 'issued',
      subtotal: 10_345_678,
      tax: 0,
      total: 10_345_678,
      paid: 0,
      balance: 10_345_678,
    });
    expect(after.vouchers).toEqual([
      {
        id: expect.any(String),
        voucherId: v.id,
        voucherCode: v.code,
        amount: 2_000_000,
        appliedAt: t.clock.now().toISOString(),
        releasedAt: null,
      },
    ]);
    expect(await redeemed(v.id)).toBe(2_000_000);
    const paid = await t.request({
      method: 'POST',
      url: `/api/invoices/${inv.id}/payments`,
      token: p.seller.accessToken,
      payload: payment(t, 10_345_678),
    });
    expect(paid.json()).toMatchObject({ status: 'paid', paid: 10_345_678, balance: 0 });
  });

  it('pays an invoice in full by voucher: paid, and the paid listeners hear of it', async () => {
    const heard: PaidInvoice[] = [];
    const stop = onInvoicePaid(async (_ctx, _tx, invoice) => {
      heard.push(invoice);
    });
    try {
      const inv = await issue(t, p.deal, {
        ...licenceFee(t),
        lines: [{ kind: 'license_fee', description: '小额许可费', amount: 80_000 }],
      });
      const v = await voucherFor(buyerOrg(), 100_000);
      expect((await apply(inv.id, v.id, 80_000)).json()).toMatchObject({ status: 'paid', balance: 0, total: 0 });
      expect(heard.map((h) => h.id)).toEqual([inv.id]);
    } finally {
      stop();
    }
  });

  it('pays VAT on a brokerage invoice too, up to the gross owed', async () => {
    const inv = await issue(t, p.deal, {
      ...licenceFee(t),
      kind: 'commission',
      issuer: 'broker',
      recipient: 'buyer',
      lines: [{ kind: 'brokerage', description: '技术经纪服务', amount: 100_000 }],
    });
    const v = await voucherFor(buyerOrg(), 1_000_000, { serviceKinds: ['brokerage'] });
    expect((await apply(inv.id, v.id, 106_001)).json().code).toBe('CONFLICT');
    expect((await apply(inv.id, v.id, 106_000)).json()).toMatchObject({ status: 'paid', tax: 6_000, total: 0 });
  });

  it('refuses each way a voucher may not be used, changing nothing', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const v = await voucherFor(buyerOrg(), 20_000_000);
    const refused = async (res: Awaited<ReturnType<typeof apply>>, status: number, code: string, detail?: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      if (detail) expect(res.json().detail).toContain(detail);
    };
    // Above what the invoice owes.
    await refused(await apply(inv.id, v.id, inv.total + 1), 409, 'CONFLICT', 'balance due');
    // The wrong kind: a development voucher on a licence fee.
    const dev = await voucherFor(buyerOrg(), 1_000_000, { serviceKinds: ['development_fee'] });
    await refused(await apply(inv.id, dev.id, 1_000), 409, 'CONFLICT', 'pays only for development_fee');
    // Not the recipient: the issuer may not apply the buyer's voucher; another organization's voucher is unknown.
    await refused(await apply(inv.id, v.id, 1_000, p.seller), 403, 'FORBIDDEN');
    await refused(await apply(inv.id, v.id, 1_000, p.stranger), 404, 'NOT_FOUND');
    const strangers = await voucherFor(p.stranger.user.organization.id, 1_000_000);
    await refused(await apply(inv.id, strangers.id, 1_000), 404, 'NOT_FOUND');
    // Spent twice: all of it on one invoice, then again.
    const small = await voucherFor(buyerOrg(), 5_000);
    expect((await apply(inv.id, small.id, 5_000)).statusCode).toBe(200);
    await refused(await apply(inv.id, small.id, 5_000), 409, 'CONFLICT', 'left');
    // On a void invoice.
    const voided = await issue(t, p.deal, licenceFee(t));
    await t.request({
      method: 'POST',
      url: `/api/invoices/${voided.id}/void`,
      token: admin.accessToken,
      payload: { reason: '重复开具' },
    });
    await refused(await apply(voided.id, v.id, 1_000), 409, 'INVALID_TRANSITION');

    expect(await redeemed(v.id)).toBe(0);
    expect(await redeemed(dev.id)).toBe(0);
    expect(
      (await t.request({ method: 'GET', url: `/api/invoices/${inv.id}`, token: p.buyer.accessToken })).json().vouchers,
    ).toHaveLength(1);
  });

  it('spends a voucher once when two invoices race for all of it', async () => {
    const [a, b] = [await issue(t, p.deal, licenceFee(t)), await issue(t, p.deal, licenceFee(t))];
    const v = await voucherFor(buyerOrg(), 1_000_000);
    const results = await Promise.all([apply(a.id, v.id, 1_000_000), apply(b.id, v.id, 1_000_000)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await redeemed(v.id)).toBe(1_000_000);
    const uses = await Promise.all(
      [a, b].map(
        async (i) =>
          (await t.request({ method: 'GET', url: `/api/invoices/${i.id}`, token: p.buyer.accessToken })).json().vouchers
            .length,
      ),
    );
    expect(uses.sort()).toEqual([0, 1]);
  });

  it('gives the credit back when the invoice is voided', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const v = await voucherFor(buyerOrg(), 1_000_000);
    await apply(inv.id, v.id, 600_000);
    const voided = (
      await t.request({
        method: 'POST',
        url: `/api/invoices/${inv.id}/void`,
        token: admin.accessToken,
        payload: { reason: '收款方信息错误' },
      })
    ).json();
    expect(voided).toMatchObject({ status: 'void', total: inv.total, balance: 0 });
    expect(voided.lines).toEqual(inv.lines);
    expect(voided.vouchers[0].releasedAt).toBe(t.clock.now().toISOString());
    expect(await redeemed(v.id)).toBe(0);
  });

  it('refuses an expired voucher (the last test here: it moves the clock)', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const v = await voucherFor(buyerOrg(), 1_000_000, { expiresAt: inDays(10) });
    t.clock.advanceDays(10);
    const res = await apply(inv.id, v.id, 1_000);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('expired');
    const listed = (await t.request({ method: 'GET', url: '/api/vouchers', token: p.buyer.accessToken })).json();
    expect(listed.items.find((x: { id: string }) => x.id === v.id).status).toBe('expired');
    expect(await redeemed(v.id)).toBe(0);
  });
});

describe('a second buyer', () => {
  it('cannot use a voucher on an invoice addressed to someone else', async () => {
    const other = await registerUser(t, 'buyer');
    const v = await voucherFor(other.user.organization.id, 1_000_000);
    const inv = await issue(t, p.deal, licenceFee(t));
    expect((await apply(inv.id, v.id, 1_000, other)).statusCode).toBe(404);
  });
});
