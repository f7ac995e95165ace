import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountInChineseCapitals } from '../../../src/invoices/amount-words.js';
import { formatFen } from '../../../src/shared/money.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';
import { dealWithParties, issue, licenceFee, payment, type DealParties } from './fixtures.js';

let t: TestApp;
let admin: Session;
let p: DealParties, q: DealParties;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
  [p, q] = await Promise.all([dealWithParties(t, admin), dealWithParties(t, admin, 'cooperation')]);
});
afterAll(async () => {
  await t.close();
});

const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
async function voucherFor(s: Session, amount: number, serviceKinds: string[]) {
  const res = await t.request({
    method: 'POST',
    url: '/api/vouchers',
    token: admin.accessToken,
    payload: { organizationId: s.user.organization.id, amount, expiresAt: inDays(365), serviceKinds },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; code: string };
}
const apply = async (invoiceId: string, voucherId: string, amount: number, s: Session) => {
  const res = await t.request({
    method: 'POST',
    url: `/api/invoices/${invoiceId}/vouchers`,
    token: s.accessToken,
    payload: { voucherId, amount },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const pdfOf = async (url: string, s: Session) => {
  const res = await t.request({ method: 'GET', url, token: s.accessToken });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
};

describe('invoice PDF', () => {
  it('renders what the invoice says: number, parties, deal, lines, voucher line, 大写 total, bank, status', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const v = await voucherFor(p.buyer, 500_000, ['license_fee']);
    await apply(inv.id, v.id, 500_000, p.buyer);
    const paid = (
      await t.request({
        method: 'POST',
        url: `/api/invoices/${inv.id}/payments`,
        token: p.seller.accessToken,
        payload: payment(t, 845_678, 'ICBC20260302-0001'),
      })
    ).json();
    expect(paid.status).toBe('partially_paid');

    const bytes = await pdfOf(`/api/invoices/${inv.id}/pdf`, p.buyer);
    const { pages } = await readPdf(bytes);
    expect(pages[0].width).toBeCloseTo(595.28, 2);
    const text = pages.map((x) => x.text).join('');
    expect(text).toContain(inv.number);
    expect(text).toContain(squash(inv.recipient.name));
    expect(text).toContain(squash(inv.issuer.name));
    expect(text).toContain(squash(inv.issuer.bankAccount!));
    expect(text).toContain(squash(inv.issuer.taxId!));
    expect(text).toContain(p.deal.id);
    expect(text).toContain(squash(String(p.deal.listingCopy.title)));
    expect(text).toContain(squash(`创新券 ${v.code} 抵扣`));
    expect(text).toContain('-¥5,000.00');
    expect(text).toContain(`合计Total${formatFen(11_845_678)}`);
    expect(text).toContain(`人民币${amountInChineseCapitals(11_845_678)}`);
    expect(text).toContain('人民币壹拾壹万捌仟肆佰伍拾陆元柒角捌分');
    expect(text).toContain(`应付余额Balancedue${formatFen(11_000_000)}`);
    expect(text).toContain('部分付款Partiallypaid');
    expect(text).toContain('ICBC20260302-0001');

    // Same invoice, same content: rendered again later, byte for byte.
    t.clock.advance(5_000);
    expect((await pdfOf(`/api/invoices/${inv.id}/pdf`, admin)).equals(bytes)).toBe(true);
  });
});

describe('half-year voucher settlements', () => {
  it("totals live redemptions per issuer for the half year, and states each issuer's in JSON and PDF", async () => {
    const licence = await issue(t, p.deal, licenceFee(t));
    const development = await issue(t, q.deal, {
      ...licenceFee(t),
      kind: 'development_fee',
      lines: [{ kind: 'development_fee', description: '第一阶段开发费', amount: 3_000_000 }],
    });
    const undone = await issue(t, p.deal, licenceFee(t));
    const pv = await voucherFor(p.buyer, 10_000_000, ['license_fee', 'development_fee']);
    const qv = await voucherFor(q.buyer, 10_000_000, ['development_fee']);
    await apply(licence.id, pv.id, 1_234_567, p.buyer);
    await apply(licence.id, pv.id, 100_000, p.buyer);
    await apply(development.id, qv.id, 2_000_000, q.buyer);
    await apply(undone.id, pv.id, 999_999, p.buyer);
    await t.request({
      method: 'POST',
      url: `/api/invoices/${undone.id}/void`,
      token: admin.accessToken,
      payload: { reason: '作废' },
    });

    const summary = await t.request({
      method: 'GET',
      url: '/api/settlements?year=2026&half=1',
      token: admin.accessToken,
    });
    expect(summary.statusCode).toBe(200);
    const s = summary.json();
    expect(s).toMatchObject({
      year: 2026,
      half: 1,
      periodStart: '2025-12-31T16:00:00.000Z',
      periodEnd: '2026-06-30T16:00:00.000Z',
      currency: 'CNY',
    });
    const byIssuer = Object.fromEntries(
      s.items.map((i: { organizationId: string; redemptions: number; amount: number }) => [
        i.organizationId,
        [i.redemptions, i.amount],
      ]),
    );
    // The PDF test's 5,000.00 was also applied to p's seller in this half year.
    expect(byIssuer).toEqual({
      [p.seller.user.organization.id]: [3, 1_834_567],
      [q.seller.user.organization.id]: [1, 2_000_000],
    });
    expect(s.total).toBe(3_834_567);
    const h2 = (
      await t.request({ method: 'GET', url: '/api/settlements?year=2026&half=2', token: admin.accessToken })
    ).json();
    expect(h2.items).toEqual([]);

    const url = `/api/settlements/${p.seller.user.organization.id}?year=2026&half=1`;
    const statement = (await t.request({ method: 'GET', url, token: admin.accessToken })).json();
    expect(statement).toMatchObject({
      count: 3,
      total: 1_834_567,
      issuer: { organizationId: p.seller.user.organization.id, name: p.seller.user.organization.name },
    });
    expect(
      statement.items.map((i: { invoiceNumber: string; amount: number; voucherCode: string }) => [
        i.invoiceNumber,
        i.amount,
        i.voucherCode,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [licence.number, 1_234_567, pv.code],
        [licence.number, 100_000, pv.code],
      ]),
    );
    expect(
      statement.items.every(
        (i: { holder: { organizationId: string } }) => i.holder.organizationId === p.buyer.user.organization.id,
      ),
    ).toBe(true);

    const bytes = await pdfOf(`${url}&format=pdf`, admin);
    const text = (await readPdf(bytes)).pages.map((x) => x.text).join('');
    for (const s2 of [
      '创新券结算单',
      '2026年上半年',
      squash(p.seller.user.organization.name),
      pv.code,
      licence.number,
      formatFen(1_234_567),
      formatFen(1_834_567),
      `人民币${amountInChineseCapitals(1_834_567)}`,
    ]) {
      expect(text).toContain(s2);
    }
    expect(text).not.toContain(undone.number);
    expect((await pdfOf(`${url}&format=pdf`, admin)).equals(bytes)).toBe(true);
  });

  it('is for admins only, with a valid period', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/settlements?year=2026&half=1', token: p.seller.accessToken }))
        .statusCode,
    ).toBe(403);
    const bad = await t.request({ method: 'GET', url: '/api/settlements?year=2026&half=3', token: admin.accessToken });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.half']);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/settlements/org_000000000000000000000?year=2026&half=1',
          token: admin.accessToken,
        })
      ).statusCode,
    ).toBe(404);
  });
});
