import type { PayeeAccount } from '../../shared/billing.js';
import type { InvoiceStatus } from '../../shared/invoice.js';
import type { DealForm } from '../../shared/listing.js';
import type { LineKind, TaxTreatment } from '../tax.js';

// What an invoice PDF shows: built by the invoice service from the stored rows (amounts in fen, instants as ISO
// strings as the database returns them, or Dates).

export type Instant = string | Date;

export interface InvoicePdfView {
  number: string;
  status: InvoiceStatus;
  issuedAt: Instant;
  dueAt: Instant;
  currency: 'CNY';
  issuer: {
    name: string;
    taxId?: string | null;
    address?: string | null;
    bankName?: string | null;
    bankAccount?: string | null;
  };
  recipient: { name: string; taxId?: string | null; address?: string | null };
  /** Where to pay (the issuer organization's account now); null or absent: the payee has given none yet. */
  payeeAccount?: PayeeAccount | null;
  deal?: { id: string; form: DealForm; listingTitle: string } | null;
  lines: {
    kind: LineKind;
    description: string;
    amount: number;
    taxTreatment: TaxTreatment;
    taxRateBp: number;
    taxAmount: number;
  }[];
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  balance: number;
  voidReason?: string | null;
  payments?: { amount: number; reference: string; paidAt: Instant }[];
}
