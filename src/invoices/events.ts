import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import type { InvoiceKindValue } from '../db/schema/invoices.js';

/** An invoice that has just become fully paid (by payments, vouchers, or both). */
export interface PaidInvoice {
  id: string;
  number: string;
  kind: InvoiceKindValue;
  dealId: string | null;
  /** The deal obligation it settles, e.g. `instalment:1`; null for an invoice an admin issued on its own. */
  ref: string | null;
  issuerOrganizationId: string;
  recipientOrganizationId: string;
  total: number;
  paidAt: string;
}

export type InvoicePaidListener = (ctx: AppContext, tx: Tx, invoice: PaidInvoice) => Promise<void>;

/**
 * The hook raised inside the paying transaction when an invoice becomes fully paid (the deal engine moves a deal
 * on from here). Features listen through `hooks: { [INVOICE_PAID]: listener }`; a listener that throws rolls the
 * payment back.
 */
export const INVOICE_PAID = 'invoice.paid';

export async function announcePaid(ctx: AppContext, tx: Tx, invoice: PaidInvoice): Promise<void> {
  for (const listener of ctx.registry.hooks(INVOICE_PAID)) await listener(ctx, tx, invoice as never);
}

/** One payment just recorded on an invoice (by the issuer, or by confirming the payer's advice). */
export interface RecordedPayment {
  id: string;
  amount: number;
  paidAt: string;
  invoice: Pick<PaidInvoice, 'id' | 'number' | 'kind' | 'dealId' | 'issuerOrganizationId'>;
}

/**
 * Raised inside the transaction that records a payment, once per payment row (inventor rewards are owed on each
 * payment of licence or transfer income). A listener that throws rolls the payment back.
 */
export const PAYMENT_RECORDED = 'invoice.payment_recorded';

export async function announcePayment(ctx: AppContext, tx: Tx, payment: RecordedPayment): Promise<void> {
  for (const listener of ctx.registry.hooks(PAYMENT_RECORDED)) await listener(ctx, tx, payment as never);
}
