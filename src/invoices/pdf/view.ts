import type { LineKind } from '../tax.js';

// What an invoice PDF shows: built by the invoice service from the stored rows (amounts in fen, instants as ISO
// strings as the database returns them, or Dates).

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const DEAL_FORMS = ['license', 'transfer', 'equity', 'cooperation'] as const;
export type DealForm = (typeof DEAL_FORMS)[number];

export type Instant = string | Date;

export interface InvoicePdfView {
  number: string;
  status: InvoiceStatus;
  issuedAt: Instant;
  dueAt: Instant;
  currency: 'CNY';
  issuer: { name: string; taxId?: string | null; address?: string | null; bankName?: string | null; bankAccount?: string | null };
  recipient: { name: string; taxId?: string | null; address?: string | null };
  deal?: { id: string; form: DealForm; listingTitle: string } | null;
  lines: { kind: LineKind; description: string; amount: number; taxRateBp: number; taxAmount: number }[];
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  balance: number;
  voidReason?: string | null;
  payments?: { amount: number; reference: string; paidAt: Instant }[];
}
