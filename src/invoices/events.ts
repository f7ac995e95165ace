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

// A set, so that registering the same (module-level) listener again, as every app start-up does, keeps one copy.
const listeners = new Set<InvoicePaidListener>();

/**
 * Registers a listener called inside the paying transaction when an invoice becomes fully paid (the deal engine
 * moves a deal on from here). A listener that throws rolls the payment back. Returns a function that removes it.
 */
export function onInvoicePaid(listener: InvoicePaidListener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

export async function announcePaid(ctx: AppContext, tx: Tx, invoice: PaidInvoice): Promise<void> {
  for (const listener of listeners) await listener(ctx, tx, invoice);
}
