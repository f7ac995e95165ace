// Invoices, vouchers, notifications and saved searches (src/invoices/schemas.ts, src/notifications/routes.ts,
// src/saved-searches/service.ts), as the web app reads them.

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const SERVICE_KINDS = ['license_fee', 'transfer_fee', 'development_fee', 'brokerage', 'royalty', 'milestone', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type LineKind = ServiceKind | 'voucher';

export interface InvoiceParty {
  organizationId: string;
  name: string;
  taxId: string | null;
  address: string | null;
  bankName: string | null;
  bankAccount: string | null;
}
export interface InvoiceLine { kind: LineKind; description: string; amount: number; taxRateBp: number; taxAmount: number }
export interface Invoice {
  id: string;
  number: string;
  kind: string;
  dealId: string | null;
  ref: string | null;
  replacesInvoiceId: string | null;
  issuer: InvoiceParty;
  recipient: InvoiceParty;
  lines: InvoiceLine[];
  subtotal: number;
  tax: number;
  total: number;
  currency: 'CNY';
  status: InvoiceStatus;
  issuedAt: string;
  dueAt: string;
  paid: number;
  balance: number;
  vouchers: Array<{ id: string; voucherId: string; voucherCode: string; amount: number; appliedAt: string; releasedAt: string | null }>;
  payments: Array<{ id: string; amount: number; reference: string; paidAt: string; recordedAt: string }>;
  voidReason: string | null;
  voidedAt: string | null;
}
export interface PaymentInput { amount: number; reference: string; paidAt: string }
export interface InvoiceQuery { dealId?: string; status?: InvoiceStatus; direction?: 'issued' | 'received'; limit?: number; cursor?: string }

export interface Voucher {
  id: string;
  code: string;
  organization: { id: string; name: string };
  amount: number;
  redeemed: number;
  remaining: number;
  currency: 'CNY';
  serviceKinds: ServiceKind[];
  expiresAt: string;
  status: 'active' | 'spent' | 'expired';
  note: string | null;
  grantedAt: string;
}
export interface VoucherGrant { organizationId: string; amount: number; expiresAt: string; serviceKinds: ServiceKind[]; note?: string }

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}
export interface NotificationPage { items: AppNotification[]; nextCursor: string | null; unread: number }

/** A search kept by its owner; the query holds the search's filters as the search API takes them. */
export interface SavedSearch { id: string; name: string; query: Record<string, unknown>; createdAt: string }
