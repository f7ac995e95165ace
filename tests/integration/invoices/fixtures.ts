import { eq } from 'drizzle-orm';
import { organizations } from '../../../src/db/schema/accounts.js';
import { deals } from '../../../src/db/schema/deals.js';
import { invoices } from '../../../src/db/schema/invoices.js';
import type { IssueInvoiceEffect } from '../../../src/deals/machines/types.js';
import { issueInvoiceForEffect } from '../../../src/invoices/issue.js';
import { invoiceView, type InvoiceView } from '../../../src/invoices/view.js';
import { newId } from '../../../src/platform/ids.js';
import type { TestApp } from '../../helpers/app.js';
import { createListing, registerUser, unique, type Session } from '../../helpers/factories.js';

export type DealRow = typeof deals.$inferSelect;

export interface DealParties {
  seller: Session;
  buyer: Session;
  broker: Session;
  stranger: Session;
  deal: DealRow;
}

/** Invoicing details an organization keeps on file, unique per organization so captured copies can be told apart. */
export async function giveInvoicingDetails(t: TestApp, organizationId: string) {
  const details = {
    taxId: `91650000${unique('').slice(0, 10).toUpperCase().padEnd(10, '0')}`,
    address: `新疆石河子市北四路 ${unique('')} 号`,
    bankName: '中国工商银行石河子分行',
    bankAccount: `3006021109${Math.floor(Math.random() * 1e9)
      .toString()
      .padStart(9, '0')}`,
    bankAccountName: `收款单位 ${unique('')}`,
  };
  await t.ctx.db.update(organizations).set(details).where(eq(organizations.id, organizationId));
  return details;
}

/** The part of a deal's snapshot the invoicing module reads: a contract registration (技术合同认定登记). */
export const registeredSnapshot = () => ({
  context: {
    contractRegistration: {
      registrationNo: unique('6590012026'),
      registry: '兵团技术市场',
      registeredOn: '2026-03-01',
      certifiedIncome: 12_345_678,
      recordedBy: { userId: 'system', role: 'system' },
      recordedAt: '2026-03-01T02:00:00.000Z',
    },
  },
});

/**
 * A deal record as the engine would leave it after signing, on a listing created through the API: the invoicing
 * module needs only its parties and whether the contract is registered (the engine itself is tested elsewhere).
 * By default it is registered, so its technology lines are VAT-exempt; `registered: false` for the standard rate
 * (registration-vat.test.ts drives the real engine).
 */
export async function dealWithParties(
  t: TestApp,
  admin: Session,
  type: DealRow['type'] = 'license',
  { registered = true }: { registered?: boolean } = {},
): Promise<DealParties> {
  const [seller, buyer, broker, stranger] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'broker'),
    registerUser(t, 'buyer'),
  ]);
  for (const s of [seller, buyer, broker]) await giveInvoicingDetails(t, s.user.organization.id);
  const listing = await createListing(t, seller, { publishWith: admin });
  const now = t.clock.now().toISOString();
  const [deal] = await t.ctx.db
    .insert(deals)
    .values({
      id: newId('dl'),
      type,
      listingId: listing.id,
      listingCopy: { title: listing.title },
      buyerOrgId: buyer.user.organization.id,
      buyerUserId: buyer.user.id,
      sellerOrgId: seller.user.organization.id,
      brokerUserId: broker.user.id,
      state: 'active',
      machineVersion: 1,
      snapshot: registered ? registeredSnapshot() : {},
      version: 7,
      lastActivityAt: now,
    })
    .returning();
  return { seller, buyer, broker, stranger, deal };
}

const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

/** An upfront-fee effect from seller to buyer, due in 30 days; override what a test is about. */
export function licenceFee(t: TestApp, overrides: Partial<IssueInvoiceEffect> = {}): IssueInvoiceEffect {
  return {
    type: 'issueInvoice',
    kind: 'upfront_fee',
    issuer: 'seller',
    recipient: 'buyer',
    lines: [{ kind: 'license_fee', description: '技术许可入门费 Upfront licence fee', amount: 12_345_678 }],
    ref: unique('upfront:'),
    dueAt: inDays(t, 30),
    ...overrides,
  };
}

/** Performs an effect as the deal engine does: inside a transaction of its own. */
/** Issues in a transaction of its own and reads the invoice back once committed (numbers are given at commit). */
export async function issue(t: TestApp, deal: DealRow, effect: IssueInvoiceEffect): Promise<InvoiceView> {
  const id = await t.ctx.db.transaction((tx) => issueInvoiceForEffect(t.ctx, tx, deal, effect));
  const [row] = await t.ctx.db.select().from(invoices).where(eq(invoices.id, id));
  return invoiceView(t.ctx.db, row);
}

let references = 0;
/** A payment body with a fresh bank reference, dated now. */
export const payment = (t: TestApp, amount: number, reference = `ICBC${Date.now()}${++references}`) => ({
  amount,
  reference,
  paidAt: t.clock.now().toISOString(),
});
