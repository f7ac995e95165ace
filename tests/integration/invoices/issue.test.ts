import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/db/schema/accounts.js';
import { dealObligations } from '../../../src/db/schema/deals.js';
import { invoiceLines, invoices } from '../../../src/db/schema/invoices.js';
import { auditLog, counters, outbox, timers } from '../../../src/db/schema/platform.js';
import { issueInvoiceForEffect } from '../../../src/invoices/issue.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { dealWithParties, issue, licenceFee, type DealParties } from './fixtures.js';

let t: TestApp;
let admin: Session;
let p: DealParties;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
  p = await dealWithParties(t, admin);
});
afterAll(async () => {
  await t.close();
});

const serial = (number: string) => Number(number.slice(-6));
const adminIssue = (payload: Record<string, unknown>, token = admin.accessToken) =>
  t.request({ method: 'POST', url: '/api/invoices', token, payload });
const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

describe('issuing from a deal effect', () => {
  it('resolves the parties, captures their details, prices the lines, and schedules, audits and notifies', async () => {
    const effect = licenceFee(t);
    const inv = await issue(t, p.deal, effect);
    const [sellerOrg] = await t.ctx.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, p.seller.user.organization.id));

    expect(inv.number).toMatch(/^INV-2026-\d{6}$/);
    expect(inv).toMatchObject({
      kind: 'upfront_fee',
      dealId: p.deal.id,
      ref: effect.ref,
      status: 'issued',
      currency: 'CNY',
      issuedAt: t.clock.now().toISOString(),
      dueAt: effect.dueAt,
      paid: 0,
      balance: 12_345_678,
      subtotal: 12_345_678,
      tax: 0,
      total: 12_345_678,
      vouchers: [],
      payments: [],
      voidReason: null,
      issuer: {
        organizationId: sellerOrg.id,
        name: sellerOrg.name,
        taxId: sellerOrg.taxId,
        address: sellerOrg.address,
        bankName: sellerOrg.bankName,
        bankAccount: sellerOrg.bankAccount,
      },
      recipient: { organizationId: p.buyer.user.organization.id, name: p.buyer.user.organization.name },
    });
    expect(inv.lines).toEqual([
      {
        kind: 'license_fee',
        description: '技术许可入门费 Upfront licence fee',
        amount: 12_345_678,
        taxRateBp: 0,
        taxAmount: 0,
      },
    ]);

    const [obligation] = await t.ctx.db
      .select()
      .from(dealObligations)
      .where(and(eq(dealObligations.dealId, p.deal.id), eq(dealObligations.ref, effect.ref)));
    expect(obligation.invoiceId).toBe(inv.id);
    const [timer] = await t.ctx.db
      .select()
      .from(timers)
      .where(and(eq(timers.subject, 'invoice'), eq(timers.subjectId, inv.id)));
    expect(timer).toMatchObject({ name: 'overdue', dueAt: effect.dueAt, status: 'pending' });
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, inv.id));
    expect(trail.map((a) => [a.action, a.actorRole])).toEqual([['invoice.issued', 'system']]);
    const notes = await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'notification'));
    const note = notes
      .map((n) => n.payload as { to: { organizationId?: string }; dedupeKey: string })
      .find((n) => n.dedupeKey === `invoice.issued:${inv.id}`);
    expect(note?.to).toEqual({ organizationId: p.buyer.user.organization.id });

    // What the API answers is what was issued.
    const got = await t.request({ method: 'GET', url: `/api/invoices/${inv.id}`, token: p.buyer.accessToken });
    expect(got.json()).toEqual(inv);
  });

  it('issues nothing for a repeated effect and answers the invoice already issued', async () => {
    const effect = licenceFee(t);
    const first = await issue(t, p.deal, effect);
    const again = await issue(t, p.deal, {
      ...effect,
      lines: [{ kind: 'license_fee', description: 'changed', amount: 1 }],
    });
    expect(again).toEqual(first);
    expect(
      await t.ctx.db
        .select()
        .from(invoices)
        .where(and(eq(invoices.dealId, p.deal.id), eq(invoices.ref, effect.ref))),
    ).toHaveLength(1);
    const next = await issue(t, p.deal, licenceFee(t));
    expect(serial(next.number)).toBe(serial(first.number) + 1);
  });

  it("bills a broker commission from the broker's organization to the seller, with 6% VAT", async () => {
    const inv = await issue(t, p.deal, {
      ...licenceFee(t),
      kind: 'commission',
      issuer: 'broker',
      recipient: 'seller',
      lines: [{ kind: 'brokerage', description: '技术经纪佣金 Brokerage commission', amount: 740_741 }],
    });
    expect(inv.issuer.organizationId).toBe(p.broker.user.organization.id);
    expect(inv.recipient.organizationId).toBe(p.seller.user.organization.id);
    // 740,741 × 6% = 44,444.46 → 44,444
    expect(inv.lines[0]).toMatchObject({ kind: 'brokerage', taxRateBp: 600, taxAmount: 44_444 });
    expect(inv).toMatchObject({ subtotal: 740_741, tax: 44_444, total: 785_185, balance: 785_185 });
  });

  it('prints royalties and licence milestones as their own VAT-exempt line kinds', async () => {
    const royalty = await issue(t, p.deal, {
      ...licenceFee(t),
      kind: 'royalty',
      lines: [{ kind: 'license_fee', description: '提成 2026Q1', amount: 300_000 }],
    });
    const milestone = await issue(t, p.deal, {
      ...licenceFee(t),
      kind: 'milestone',
      lines: [{ kind: 'license_fee', description: '里程碑 1', amount: 500_000 }],
    });
    const development = await issue(t, p.deal, {
      ...licenceFee(t),
      kind: 'development_fee',
      lines: [{ kind: 'development_fee', description: '开发费', amount: 700_000 }],
    });
    expect([royalty, milestone, development].map((i) => [i.lines[0].kind, i.lines[0].taxAmount])).toEqual([
      ['royalty', 0],
      ['milestone', 0],
      ['development_fee', 0],
    ]);
  });

  it('keeps the details captured at issue when the organization changes its bank account later', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    await t.ctx.db
      .update(organizations)
      .set({ bankAccount: '6222 0000 1111 2222', name: `${inv.issuer.name} (renamed)` })
      .where(eq(organizations.id, inv.issuer.organizationId));
    const got = (
      await t.request({ method: 'GET', url: `/api/invoices/${inv.id}`, token: p.seller.accessToken })
    ).json();
    expect(got.issuer).toEqual(inv.issuer);
    await t.ctx.db
      .update(organizations)
      .set({ name: inv.issuer.name, bankAccount: inv.issuer.bankAccount })
      .where(eq(organizations.id, inv.issuer.organizationId));
  });
});

describe('numbering', () => {
  it('gives 30 concurrent issues contiguous numbers, none twice', async () => {
    const issued = await Promise.all(Array.from({ length: 30 }, () => issue(t, p.deal, licenceFee(t))));
    const serials = issued.map((i) => serial(i.number)).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(30);
    expect(serials.at(-1)! - serials[0]).toBe(29);
    const all = await t.ctx.db.select({ number: invoices.number }).from(invoices);
    const everySerial = all.map((r) => serial(r.number)).sort((a, b) => a - b);
    expect(everySerial).toEqual(everySerial.map((_, i) => i + 1));
  });

  it("numbers at commit: the issuing transaction leaves the year's counter alone until it commits", async () => {
    const counter = async () =>
      Number((await t.ctx.db.select().from(counters).where(eq(counters.name, 'invoice:2026')))[0].value);
    const before = await counter();
    const id = await t.ctx.db.transaction(async (tx) => {
      const invoiceId = await issueInvoiceForEffect(t.ctx, tx, p.deal, licenceFee(t));
      const [inside] = await tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, invoiceId));
      expect(inside.number).toMatch(/^pending:/);
      // Nothing has touched (and so locked) the counter row yet: concurrent issuers do not queue behind this one.
      expect(Number((await tx.select().from(counters).where(eq(counters.name, 'invoice:2026')))[0].value)).toBe(before);
      return invoiceId;
    });
    const [row] = await t.ctx.db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, id));
    expect(row.number).toBe(`INV-2026-${String(before + 1).padStart(6, '0')}`);
    expect(await counter()).toBe(before + 1);
  });

  it('gives back the number of an issue whose transaction rolls back', async () => {
    const before = await issue(t, p.deal, licenceFee(t));
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await issueInvoiceForEffect(t.ctx, tx, p.deal, licenceFee(t));
        throw new Error('the deal event failed after the invoice was issued');
      }),
    ).rejects.toThrow('the deal event failed');
    const after = await issue(t, p.deal, licenceFee(t));
    expect(serial(after.number)).toBe(serial(before.number) + 1);
  });

  it('numbers by the China calendar year: 2026-12-31T16:30Z is already 2027 in Beijing', async () => {
    const saved = t.clock.now().toISOString();
    try {
      t.clock.set('2026-12-31T15:30:00Z');
      expect((await issue(t, p.deal, licenceFee(t))).number).toMatch(/^INV-2026-/);
      t.clock.set('2026-12-31T16:30:00Z');
      expect((await issue(t, p.deal, licenceFee(t))).number).toBe('INV-2027-000001');
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('issuing by an admin: rounding rules through real invoices', () => {
  const base = () => ({
    issuerOrganizationId: p.seller.user.organization.id,
    recipientOrganizationId: p.buyer.user.organization.id,
    dueAt: inDays(30),
  });

  it('rounds 6% VAT half up per line, exempts technology fees, and sums what is printed', async () => {
    const res = await adminIssue({
      ...base(),
      lines: [
        { kind: 'brokerage', description: '25 × 6% = 1.50 → 2', amount: 25 },
        { kind: 'brokerage', description: '25 × 6% = 1.50 → 2 again: per line, not 3 on the sum', amount: 25 },
        { kind: 'brokerage', description: '24 × 6% = 1.44 → 1', amount: 24 },
        { kind: 'brokerage', description: '41 × 6% = 2.46 → 2', amount: 41 },
        { kind: 'brokerage', description: '42 × 6% = 2.52 → 3', amount: 42 },
        { kind: 'brokerage', description: 'exact past 2^53 in the product', amount: 99_999_999_999 },
        { kind: 'license_fee', description: 'licence fee exempt', amount: 1_000_001 },
        { kind: 'transfer_fee', description: 'transfer fee exempt', amount: 2_000_003 },
        { kind: 'development_fee', description: 'development fee exempt', amount: 3_000_005 },
        { kind: 'other', description: 'other, 0% by default', amount: 77 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    expect(inv.lines.map((l: { taxAmount: number }) => l.taxAmount)).toEqual([
      2, 2, 1, 2, 3, 6_000_000_000, 0, 0, 0, 0,
    ]);
    expect(inv.lines.map((l: { taxRateBp: number }) => l.taxRateBp)).toEqual([
      600, 600, 600, 600, 600, 600, 0, 0, 0, 0,
    ]);
    const subtotal = 25 + 25 + 24 + 41 + 42 + 99_999_999_999 + 1_000_001 + 2_000_003 + 3_000_005 + 77;
    expect(inv).toMatchObject({
      kind: 'manual',
      dealId: null,
      ref: null,
      subtotal,
      tax: 6_000_000_010,
      total: subtotal + 6_000_000_010,
    });
    // Written once: the stored lines are the ones priced at issue.
    const stored = await t.ctx.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, inv.id))
      .orderBy(invoiceLines.position);
    expect(stored.map((l) => l.taxAmount)).toEqual(inv.lines.map((l: { taxAmount: number }) => l.taxAmount));
    expect(stored.reduce((s, l) => s + l.amount + l.taxAmount, 0)).toBe(inv.total);
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
