import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealObligations } from '../../../src/db/schema/deals.js';
import { invoiceLines } from '../../../src/db/schema/invoices.js';
import type { TestApp } from '../../helpers/app.js';
import type { Session } from '../../helpers/factories.js';
import { issue, licenceFee, type DealParties } from './fixtures.js';
import { issuingWorld } from './issue-setup.js';

// Invoices an admin issues by hand (POST /api/invoices). Issuing from deal effects: issue.test.ts.

let t: TestApp;
let admin: Session;
let p: DealParties;
beforeAll(async () => {
  ({ t, admin, p } = await issuingWorld());
});
afterAll(async () => {
  await t.close();
});

const adminIssue = (payload: Record<string, unknown>, token = admin.accessToken) =>
  t.request({ method: 'POST', url: '/api/invoices', token, payload });
const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

describe('issuing by an admin: rounding rules through real invoices', () => {
  const base = () => ({
    issuerOrganizationId: p.seller.user.organization.id,
    recipientOrganizationId: p.buyer.user.organization.id,
    dueAt: inDays(30),
  });

  it('rounds 6% VAT half up per line, taxes technology fees of no registered contract, and sums what is printed', async () => {
    const res = await adminIssue({
      ...base(),
      lines: [
        { kind: 'brokerage', description: '25 × 6% = 1.50 → 2', amount: 25 },
        { kind: 'brokerage', description: '25 × 6% = 1.50 → 2 again: per line, not 3 on the sum', amount: 25 },
        { kind: 'brokerage', description: '24 × 6% = 1.44 → 1', amount: 24 },
        { kind: 'brokerage', description: '41 × 6% = 2.46 → 2', amount: 41 },
        { kind: 'brokerage', description: '42 × 6% = 2.52 → 3', amount: 42 },
        { kind: 'brokerage', description: 'exact past 2^53 in the product', amount: 99_999_999_999 },
        { kind: 'license_fee', description: 'licence fee, no deal: 60000.06 → 60000', amount: 1_000_001 },
        { kind: 'transfer_fee', description: 'transfer fee: 120000.18 → 120000', amount: 2_000_003 },
        { kind: 'development_fee', description: 'development fee: 180000.3 → 180000', amount: 3_000_005 },
        { kind: 'other', description: 'other, 0% by default', amount: 77 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    // An invoice of no deal has no registered contract: every line is standard (invoices/issue.ts).
    expect(inv.lines.map((l: { taxTreatment: string }) => l.taxTreatment)).toEqual(Array(10).fill('standard'));
    expect(inv.lines.map((l: { taxAmount: number }) => l.taxAmount)).toEqual([
      2, 2, 1, 2, 3, 6_000_000_000, 60_000, 120_000, 180_000, 0,
    ]);
    expect(inv.lines.map((l: { taxRateBp: number }) => l.taxRateBp)).toEqual([
      600, 600, 600, 600, 600, 600, 600, 600, 600, 0,
    ]);
    const subtotal = 25 + 25 + 24 + 41 + 42 + 99_999_999_999 + 1_000_001 + 2_000_003 + 3_000_005 + 77;
    expect(inv).toMatchObject({
      kind: 'manual',
      dealId: null,
      ref: null,
      subtotal,
      tax: 6_000_360_010,
      total: subtotal + 6_000_360_010,
    });
    // Written once: the stored lines are the ones priced at issue.
    const stored = await t.ctx.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, inv.id))
      .orderBy(invoiceLines.position);
    expect(stored.map((l) => l.taxAmount)).toEqual(inv.lines.map((l: { taxAmount: number }) => l.taxAmount));
    expect(stored.map((l) => l.taxTreatment)).toEqual(inv.lines.map((l: { taxTreatment: string }) => l.taxTreatment));
    expect(stored.reduce((s, l) => s + l.amount + l.taxAmount, 0)).toBe(inv.total);
  });

  it("exempts the technology lines of a registered deal's invoice, and keeps brokerage at 6%", async () => {
    const res = await adminIssue({
      ...base(),
      dealId: p.deal.id,
      lines: [
        { kind: 'license_fee', description: '许可费', amount: 1_000_001 },
        { kind: 'brokerage', description: '经纪服务', amount: 100_000 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().lines).toMatchObject([
      { taxTreatment: 'exempt', taxRateBp: 0, taxAmount: 0 },
      { taxTreatment: 'standard', taxRateBp: 600, taxAmount: 6_000 },
    ]);
    expect(res.json().total).toBe(1_106_001);
  });

  it('refuses bad requests naming the fields, and non-admins', async () => {
    const bad = await adminIssue({
      ...base(),
      recipientOrganizationId: p.seller.user.organization.id,
      dueAt: inDays(-1),
      lines: [{ kind: 'brokerage', description: 'x', amount: 100 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.dueAt', 'body.recipientOrganizationId']);

    const schema = await adminIssue({
      ...base(),
      lines: [{ kind: 'voucher', description: ' ', amount: -5 }],
      extra: 1,
    });
    expect(schema.statusCode).toBe(400);
    const paths = schema.json().errors.map((e: { path: string }) => e.path);
    for (const path of ['body.lines.0.kind', 'body.lines.0.description', 'body.lines.0.amount', 'body.extra'])
      expect(paths).toContain(path);

    const missing = await adminIssue({
      ...base(),
      issuerOrganizationId: 'org_000000000000000000000',
      lines: [{ kind: 'other', description: 'x', amount: 1 }],
    });
    expect(missing.json().errors).toEqual([{ path: 'body.issuerOrganizationId', message: 'no such organization' }]);
    const notParty = await adminIssue({
      ...base(),
      dealId: p.deal.id,
      recipientOrganizationId: p.stranger.user.organization.id,
      lines: [{ kind: 'other', description: 'x', amount: 1 }],
    });
    expect(notParty.json().errors).toEqual([
      { path: 'body.recipientOrganizationId', message: 'is not a party of the deal' },
    ]);

    const bySeller = await adminIssue(
      { ...base(), lines: [{ kind: 'other', description: 'x', amount: 1 }] },
      p.seller.accessToken,
    );
    expect(bySeller.statusCode).toBe(403);
  });

  it('replaces a void invoice once, handing its deal obligation to the replacement', async () => {
    const original = await issue(t, p.deal, licenceFee(t));
    const notVoid = await adminIssue({
      ...base(),
      replacesInvoiceId: original.id,
      lines: [{ kind: 'license_fee', description: '更正', amount: 1_000 }],
    });
    expect(notVoid.statusCode).toBe(409);
    await t.request({
      method: 'POST',
      url: `/api/invoices/${original.id}/void`,
      token: admin.accessToken,
      payload: { reason: '金额有误' },
    });

    const res = await adminIssue({
      ...base(),
      replacesInvoiceId: original.id,
      lines: [{ kind: 'license_fee', description: '更正后的入门费', amount: 12_000_000 }],
    });
    expect(res.statusCode).toBe(201);
    const replacement = res.json();
    expect(replacement).toMatchObject({
      kind: 'upfront_fee',
      dealId: p.deal.id,
      ref: original.ref,
      replacesInvoiceId: original.id,
      total: 12_000_000,
    });
    const [obligation] = await t.ctx.db
      .select()
      .from(dealObligations)
      .where(and(eq(dealObligations.dealId, p.deal.id), eq(dealObligations.ref, original.ref!)));
    expect(obligation.invoiceId).toBe(replacement.id);

    const twice = await adminIssue({
      ...base(),
      replacesInvoiceId: original.id,
      lines: [{ kind: 'license_fee', description: 'x', amount: 1 }],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain(replacement.number);
  });
});
