import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ADVICE_STATUSES } from '../../shared/invoice.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant } from './columns.js';
import { invoicePayments, invoices } from './invoices.js';

// A receipt (bank slip) the payer uploaded for an invoice, stored in the blob store like deal documents; it is
// attached to the advice that names it, once.
export const invoiceReceipts = pgTable(
  'invoice_receipts',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('invoice_receipts_invoice_idx').on(t.invoiceId)],
);

// 付款通知: the payer's word that it paid. Confirming it records an invoice payment (paymentId); disputing it
// keeps the reason. Nothing here moves money until the issuer confirms.
export const paymentAdvices = pgTable(
  'payment_advices',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    payerOrgId: text('payer_org_id')
      .notNull()
      .references(() => organizations.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The China calendar date the payer's bank sent the money (YYYY-MM-DD). */
    paidOn: text('paid_on').notNull(),
    reference: text('reference').notNull(),
    receiptId: text('receipt_id').references(() => invoiceReceipts.id),
    status: text('status', { enum: ADVICE_STATUSES }).notNull().default('pending'),
    disputeReason: text('dispute_reason'),
    paymentId: text('payment_id').references(() => invoicePayments.id),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => users.id),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('payment_advices_invoice_idx').on(t.invoiceId, t.createdAt),
    uniqueIndex('payment_advices_receipt_uq').on(t.receiptId),
    check('payment_advices_amount_ck', sql`${t.amount} > 0`),
  ],
);
