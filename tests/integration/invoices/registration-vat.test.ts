import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealObligations } from '../../../src/db/schema/deals.js';
import { invoiceLines, invoices } from '../../../src/db/schema/invoices.js';
import { paymentAdvices } from '../../../src/db/schema/payment-advices.js';
import { counters } from '../../../src/db/schema/platform.js';
import { chinaDate } from '../../../src/shared/china-time.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { readPdf } from '../../unit/invoices/pdf-text.js';
import { payment } from './fixtures.js';
import { serial } from './issue-setup.js';

// VAT bound to the contract registration (DOMAIN.md "After agreement"; 财税〔2016〕36号 附件3 第一条(二十六)), through
// the real engine: 6% on the technology lines until the contract is registered; registration voids the unpaid
// ones and reissues them exempt; a partly paid one stays; later ones are exempt.

let t: TestApp;
let seller: Session, buyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

interface Line {
  kind: string;
  amount: number;
  taxTreatment: string;
  taxRateBp: number;
  taxAmount: number;
}
interface Invoice {
  id: string;
  number: string;
  ref: string | null;
  status: string;
  total: number;
  tax: number;
  lines: Line[];
  replacesInvoiceId: string | null;
  voidReason: string | null;
  dueAt: string;
}

const invoicesOf = async (dealId: string): Promise<Invoice[]> =>
  (await t.request({ method: 'GET', url: `/api/invoices?dealId=${dealId}`, token: buyer.accessToken })).json().items;
const byRef = (list: Invoice[], ref: string) => list.filter((i) => i.ref === ref);
const invoiceCounter = async () => {
  const [row] = await t.ctx.db
    .select()
    .from(counters)
    .where(eq(counters.name, `invoice:${chinaDate(t.clock.now().toISOString()).slice(0, 4)}`));
  return Number(row?.value ?? 0);
};
const pdfText = async (id: string) => {
  const res = await t.request({ method: 'GET', url: `/api/invoices/${id}/pdf`, token: buyer.accessToken });
  expect(res.statusCode).toBe(200);
  return (await readPdf(res.rawPayload)).pages.map((p) => p.text).join('');
};
const today = () => chinaDate(t.clock.now().toISOString());
const registration = (overrides: Record<string, unknown> = {}) => ({
  registrationNo: '6590012026000321',
  registry: '兵团技术市场',
  registeredOn: today(),
  certifiedIncome: 3_000_000,
  ...overrides,
});

/** A signed licence: upfront fee 1,000,000 fen invoiced at signing, two milestones to invoice. */
async function signedLicence() {
  const listing = await createListing(t, seller, {
    publishWith: admin,
    body: { ndaRequired: false, dealTypes: ['license'] },
  });
  const deal = await openDeal(t, buyer, listing.id);
  await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
  await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', {
    terms: {
      licenseType: 'sole',
      territory: '新疆',
      fieldOfUse: '棉花',
      termMonths: 24,
      upfrontFee: 1_000_000,
      royaltyRateBp: 0,
      milestones: [
        { name: '中试完成', amount: 2_000_000 },
        { name: '量产', amount: 500_000 },
      ],
    },
  });
  await sendOk(t, seller, deal.id, 'ACCEPT_TERMS');
  await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT');
  await sendOk(t, seller, deal.id, 'SIGN_CONTRACT');
  return deal.id as string;
}

describe('VAT follows the technology-contract registration', () => {
  it('taxes at 6% before registration; registration voids and reissues the unpaid invoice exempt with the next number', async () => {
    const dealId = await signedLicence();
    const [upfront] = await invoicesOf(dealId);
    expect(upfront).toMatchObject({ status: 'issued', tax: 60_000, total: 1_060_000 });
    expect(upfront.lines).toEqual([
      expect.objectContaining({ kind: 'license_fee', taxTreatment: 'standard', taxRateBp: 600, taxAmount: 60_000 }),
    ]);
    const stored = await t.ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, upfront.id));
    expect(stored.map((l) => l.taxTreatment)).toEqual(['standard']);
    const beforePdf = await pdfText(upfront.id);
    expect(beforePdf).toContain('¥10,000.006%¥600.00');
    expect(beforePdf).not.toContain('免税Exempt');

    // The first milestone, invoiced at 6% and paid in part: a taxable sale already made, it stays as issued.
    await sendOk(t, seller, dealId, 'INVOICE_MILESTONE', { index: 0 });
    const [milestone] = byRef(await invoicesOf(dealId), 'milestone:0');
    expect(milestone).toMatchObject({ tax: 120_000, total: 2_120_000 });
    const paid = await t.request({
      method: 'POST',
      url: `/api/invoices/${milestone.id}/payments`,
      token: seller.accessToken,
      payload: payment(t, 1_000_000),
    });
    expect(paid.json().status).toBe('partially_paid');

    const counter = await invoiceCounter();
    const registered = await sendOk(t, buyer, dealId, 'REGISTER_CONTRACT', registration());
    expect(registered.contractRegistration).toMatchObject({
      ...registration(),
      recordedBy: { role: 'buyer' },
      confirmedBy: null,
      confirmedAt: null,
    });

    const after = await invoicesOf(dealId);
    const voided = after.find((i) => i.id === upfront.id)!;
    expect(voided).toMatchObject({ status: 'void', number: upfront.number, total: 1_060_000 });
    expect(voided.voidReason).toContain('技术合同已认定登记');
    expect(voided.voidReason).toContain('6590012026000321');
    expect(voided.voidReason).toContain('registered as a technology contract');
    const reissued = after.find((i) => i.replacesInvoiceId === upfront.id)!;
    expect(reissued).toMatchObject({
      status: 'issued',
      ref: upfront.ref,
      tax: 0,
      total: 1_000_000,
      dueAt: upfront.dueAt,
    });
    expect(reissued.lines).toEqual([
      expect.objectContaining({ kind: 'license_fee', amount: 1_000_000, taxTreatment: 'exempt', taxRateBp: 0 }),
    ]);
    // Numbered from the same gapless sequence: the next number, and only one taken.
    expect(await invoiceCounter()).toBe(counter + 1);
    expect(serial(reissued.number)).toBe(counter + 1);
    // The obligation moves to the reissue, so paying it settles the upfront fee.
    const [obligation] = await t.ctx.db
      .select()
      .from(dealObligations)
      .where(and(eq(dealObligations.dealId, dealId), eq(dealObligations.ref, upfront.ref!)));
    expect(obligation.invoiceId).toBe(reissued.id);

    expect(after.find((i) => i.id === milestone.id)).toMatchObject({ status: 'partially_paid', tax: 120_000 });
    expect(after).toHaveLength(3);

    const exemptPdf = await pdfText(reissued.id);
    expect(exemptPdf).toContain('¥10,000.00免税Exempt免税Exempt');
    expect(exemptPdf).not.toContain('0%');
    expect(await pdfText(upfront.id)).toContain('技术合同已认定登记');

    // Later invoices are issued exempt.
    await sendOk(t, seller, dealId, 'INVOICE_MILESTONE', { index: 1 });
    const [later] = byRef(await invoicesOf(dealId), 'milestone:1');
    expect(later).toMatchObject({ tax: 0, total: 500_000 });
    expect(later.lines[0]).toMatchObject({ kind: 'milestone', taxTreatment: 'exempt' });
    expect(serial(later.number)).toBe(counter + 2);
  });

  it('keeps an invoice the payer has advised as paid (付款通知 pending): the money was sent at the standard rate', async () => {
    const dealId = await signedLicence();
    const [upfront] = await invoicesOf(dealId);
    const advised = await t.request({
      method: 'POST',
      url: `/api/invoices/${upfront.id}/advices`,
      token: buyer.accessToken,
      payload: { amount: upfront.total, paidOn: today(), reference: `VAT-ADV-${dealId}` },
    });
    expect(advised.statusCode).toBe(201);
    const counter = await invoiceCounter();
    await sendOk(t, buyer, dealId, 'REGISTER_CONTRACT', registration({ registrationNo: '6590012026000322' }));
    const after = await invoicesOf(dealId);
    expect(after.map((i) => [i.id, i.status, i.tax])).toEqual([[upfront.id, 'issued', 60_000]]);
    expect(await invoiceCounter()).toBe(counter);
    const advices = await t.ctx.db.select().from(paymentAdvices).where(eq(paymentAdvices.invoiceId, upfront.id));
    expect(advices.map((a) => a.status)).toEqual(['pending']);
  });

  it('refuses a bad REGISTER_CONTRACT payload with a 400 problem and changes nothing', async () => {
    const dealId = await signedLicence();
    const before = (await getDeal(t, buyer, dealId)).json();
    const invoicesBefore = await t.ctx.db.select().from(invoices).where(eq(invoices.dealId, dealId));
    const bad: [Record<string, unknown>, string][] = [
      [{ registry: undefined }, 'registry'],
      [{ registry: '   ' }, 'registry'],
      [{ registry: '局'.repeat(101) }, 'registry'],
      [{ registeredOn: '2026-13-01' }, 'registeredOn'],
      [{ registeredOn: '2099-01-01' }, 'registeredOn'],
      [{ certifiedIncome: -1 }, 'certifiedIncome'],
      [{ certifiedIncome: 10.5 }, 'certifiedIncome'],
      [{ certifiedIncome: '3000000' }, 'certifiedIncome'],
      [{ registrationNo: undefined }, 'registrationNo'],
    ];
    for (const [change, field] of bad) {
      const body = JSON.parse(JSON.stringify(registration(change)));
      const res = await send(t, buyer, dealId, 'REGISTER_CONTRACT', body);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    const now = (await getDeal(t, buyer, dealId)).json();
    expect(now.version).toBe(before.version);
    expect(now.contractRegistration).toBeNull();
    expect(await t.ctx.db.select().from(invoices).where(eq(invoices.dealId, dealId))).toEqual(invoicesBefore);
  });

  it('lets the admin alone confirm a recorded registration, once', async () => {
    const dealId = await signedLicence();
    expect((await send(t, admin, dealId, 'CONFIRM_CONTRACT_REGISTRATION')).statusCode).toBe(403);
    await sendOk(t, seller, dealId, 'REGISTER_CONTRACT', registration({ registrationNo: '6590012026000322' }));
    expect((await getDeal(t, admin, dealId)).json().nextEvents).toContain('CONFIRM_CONTRACT_REGISTRATION');
    for (const s of [buyer, seller]) {
      expect((await getDeal(t, s, dealId)).json().nextEvents).not.toContain('CONFIRM_CONTRACT_REGISTRATION');
      const res = await send(t, s, dealId, 'CONFIRM_CONTRACT_REGISTRATION');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const confirmed = await sendOk(t, admin, dealId, 'CONFIRM_CONTRACT_REGISTRATION');
    expect(confirmed.contractRegistration).toMatchObject({
      registrationNo: '6590012026000322',
      registry: '兵团技术市场',
      certifiedIncome: 3_000_000,
      confirmedBy: { userId: admin.user.id, role: 'admin' },
      confirmedAt: t.clock.now().toISOString(),
    });
    expect((await send(t, admin, dealId, 'CONFIRM_CONTRACT_REGISTRATION')).statusCode).toBe(403);
    // Confirming reissues nothing: the registration already made the income exempt.
    expect((await invoicesOf(dealId)).map((i) => i.status).sort()).toEqual(['issued', 'void']);
  });
});
