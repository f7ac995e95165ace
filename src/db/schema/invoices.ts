import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { INVOICE_STATUSES } from '../../shared/invoice.js';
import { LINE_KINDS, TAX_TREATMENTS, type LineKind } from '../../invoices/tax.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { deals } from './deals.js';

// What an invoice is for: the deal engine's invoice kinds, plus `manual` for one an admin issues by hand.
export const INVOICE_KINDS = [
  'upfront_fee',
  'royalty',
  'milestone',
  'instalment',
  'development_fee',
  'commission',
  'manual',
] as const;
export type InvoiceKindValue = (typeof INVOICE_KINDS)[number];

/** Party details as they stood when the invoice was issued: a later change of bank account does not rewrite it. */
export interface CapturedParty {
  organizationId: string;
  name: string;
  taxId: string | null;
  address: string | null;
  bankName: string | null;
  bankAccount: string | null;
}

// An issued invoice. Number, parties, lines and totals are written once at issue and never updated; what moves
// is the money received against it (`paid` from payments, `credited` from vouchers) and its status. The checks
// make the database refuse an overpayment even if a service rule were bypassed.
export const invoices = pgTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    // Gapless per China-time year (INV-YYYY-NNNNNN), assigned by the database as the issuing transaction commits
    // (migration 0007: assign_invoice_number and a deferred constraint trigger), so the year's counter row is
    // locked only for the commit itself. Until then the row holds a unique 'pending:' placeholder, visible to the
    // issuing transaction alone.
    number: text('number')
      .notNull()
      .default(sql`'pending:' || gen_random_uuid()::text`),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    dealId: text('deal_id').references(() => deals.id),
    // The deal obligation it settles (e.g. `instalment:1`); a replacement for a void invoice inherits it.
    ref: text('ref'),
    replacesInvoiceId: text('replaces_invoice_id'),
    issuerOrgId: text('issuer_org_id')
      .notNull()
      .references(() => organizations.id),
    recipientOrgId: text('recipient_org_id')
      .notNull()
      .references(() => organizations.id),
    issuer: jsonb('issuer').$type<CapturedParty>().notNull(),
    recipient: jsonb('recipient').$type<CapturedParty>().notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    currency: text('currency').$type<'CNY'>().notNull().default('CNY'),
    paid: bigint('paid', { mode: 'number' }).notNull().default(0),
    credited: bigint('credited', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('issued'),
    issuedAt: instant('issued_at').notNull(),
    dueAt: instant('due_at').notNull(),
    issuedBy: text('issued_by').references(() => users.id),
    voidReason: text('void_reason'),
    voidedAt: instant('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    // One live invoice per deal obligation; a void one may be replaced, once.
    uniqueIndex('invoices_deal_ref_live_uq')
      .on(t.dealId, t.ref)
      .where(sql`${t.status} <> 'void' and ${t.ref} is not null`),
    uniqueIndex('invoices_replaces_uq').on(t.replacesInvoiceId),
    index('invoices_issuer_idx').on(t.issuerOrgId, t.id),
    index('invoices_recipient_idx').on(t.recipientOrgId, t.id),
    index('invoices_deal_idx').on(t.dealId),
    index('invoices_status_idx').on(t.status, t.dueAt),
    index('invoices_issued_at_idx').on(t.issuedAt),
    check(
      'invoices_money_ck',
      sql`${t.total} > 0 and ${t.paid} >= 0 and ${t.credited} >= 0 and ${t.paid} + ${t.credited} <= ${t.total}`,
    ),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: LINE_KINDS }).notNull(),
    description: text('description').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    // Exempt (a technology line of a registered contract) or standard, as priced at issue (invoices/tax.ts).
    taxTreatment: text('tax_treatment', { enum: TAX_TREATMENTS }).notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    taxAmount: bigint('tax_amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_uq').on(t.invoiceId, t.position),
    // An exempt line carries no tax: the database refuses an exempt line with a rate, whatever a service did.
    check('invoice_lines_exempt_ck', sql`${t.taxTreatment} <> 'exempt' or (${t.taxRateBp} = 0 and ${t.taxAmount} = 0)`),
  ],
);

// Money received, as the issuer's bank statement shows it. The same bank reference cannot be recorded twice
// on one invoice, which catches a double entry made without an Idempotency-Key.
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    reference: text('reference').notNull(),
    paidAt: instant('paid_at').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invoice_payments_reference_uq').on(t.invoiceId, t.reference),
    check('invoice_payments_amount_ck', sql`${t.amount} > 0`),
  ],
);

// 创新券: a credit the bureau grants to an enterprise for technology services of the listed line kinds.
// `redeemed` is the sum of its live redemptions, kept on the row that every redemption locks.
export const vouchers = pgTable(
  'vouchers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    redeemed: bigint('redeemed', { mode: 'number' }).notNull().default(0),
    serviceKinds: jsonb('service_kinds').$type<LineKind[]>().notNull(),
    expiresAt: instant('expires_at').notNull(),
    note: text('note'),
    grantedBy: text('granted_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vouchers_code_uq').on(t.code),
    index('vouchers_org_idx').on(t.organizationId, t.id),
    check('vouchers_amount_ck', sql`${t.amount} > 0 and ${t.redeemed} >= 0 and ${t.redeemed} <= ${t.amount}`),
  ],
);

// A voucher applied to an invoice: shown on the invoice as a voucher line, and owed by the bureau to the
// issuer at the half-year settlement. Released (not deleted) when its invoice is voided.
export const voucherRedemptions = pgTable(
  'voucher_redemptions',
  {
    id: text('id').primaryKey(),
    voucherId: text('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    issuerOrgId: text('issuer_org_id')
      .notNull()
      .references(() => organizations.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    appliedBy: text('applied_by')
      .notNull()
      .references(() => users.id),
    appliedAt: instant('applied_at').notNull(),
    releasedAt: instant('released_at'),
  },
  (t) => [
    index('voucher_redemptions_invoice_idx').on(t.invoiceId),
    index('voucher_redemptions_voucher_idx').on(t.voucherId),
    index('voucher_redemptions_settlement_idx').on(t.issuerOrgId, t.appliedAt),
    check('voucher_redemptions_amount_ck', sql`${t.amount} > 0`),
  ],
);
