import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/db/schema/accounts.js';
import { dealObligations } from '../../../src/db/schema/deals.js';
import { invoices } from '../../../src/db/schema/invoices.js';
import { auditLog, counters, outbox, timers } from '../../../src/db/schema/platform.js';
import { issueInvoiceForEffect } from '../../../src/invoices/issue.js';
import type { TestApp } from '../../helpers/app.js';
import { issue, licenceFee, type DealParties } from './fixtures.js';
import { issuingWorld, serial } from './issue-setup.js';

// Issuing from deal effects, and invoice numbering. Invoices an admin issues by hand: issue-admin.test.ts.

let t: TestApp;
let p: DealParties;
beforeAll(async () => {
  ({ t, p } = await issuingWorld());
});
afterAll(async () => {
  await t.close();
});

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
        taxTreatment: 'exempt', // the deal's contract is registered (fixtures.ts)
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
