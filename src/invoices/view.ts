import { asc, eq, inArray } from 'drizzle-orm';
import { deals } from '../db/schema/deals.js';
import {
  invoiceLines,
  invoicePayments,
  invoices,
  voucherRedemptions,
  vouchers,
  type CapturedParty,
} from '../db/schema/invoices.js';
import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import type { InvoicePdfView } from './pdf.js';
import type { InvoicePdfRenderer } from './pdf-render.js';
import type { InvoiceStatus } from '../shared/invoice.js';
import { taxTreatment, type LineKind, type TaxTreatment } from './tax.js';
import type { PayeeAccount } from '../shared/billing.js';
import { paymentSide, type AdviceView } from './advice-view.js';

export type InvoiceRow = typeof invoices.$inferSelect;

export interface InvoiceLineView {
  kind: LineKind;
  description: string;
  amount: number;
  taxTreatment: TaxTreatment;
  taxRateBp: number;
  taxAmount: number;
}
export interface VoucherUseView {
  id: string;
  voucherId: string;
  voucherCode: string;
  amount: number;
  appliedAt: string;
  releasedAt: string | null;
}
export interface PaymentView {
  id: string;
  amount: number;
  reference: string;
  paidAt: string;
  recordedAt: string;
}

/** An invoice as its parties see it (API.md "Invoices"). */
export interface InvoiceView {
  id: string;
  number: string;
  kind: InvoiceRow['kind'];
  dealId: string | null;
  ref: string | null;
  replacesInvoiceId: string | null;
  issuer: CapturedParty;
  recipient: CapturedParty;
  lines: InvoiceLineView[];
  subtotal: number;
  tax: number;
  total: number;
  currency: 'CNY';
  status: InvoiceStatus;
  issuedAt: string;
  dueAt: string;
  paid: number;
  balance: number;
  vouchers: VoucherUseView[];
  payments: PaymentView[];
  /** Where to pay: the issuer organization's account now; null while it has given none. */
  payeeAccount: PayeeAccount | null;
  advices: AdviceView[];
  voidReason: string | null;
  voidedAt: string | null;
}

/** What is still owed: nothing on a void invoice; otherwise the total less vouchers and payments. */
export function balanceOf(row: Pick<InvoiceRow, 'status' | 'total' | 'paid' | 'credited'>): number {
  return row.status === 'void' ? 0 : row.total - row.credited - row.paid;
}

export function isParty(row: Pick<InvoiceRow, 'issuerOrgId' | 'recipientOrgId'>, caller: AuthUser): boolean {
  return caller.organizationId === row.issuerOrgId || caller.organizationId === row.recipientOrgId;
}

/**
 * The invoice if this caller may see it: its issuer's and recipient's members, and admins. Anyone else gets the
 * same 404 as for an invoice that does not exist. `forUpdate` locks the row for a change of its money or status.
 */
export async function loadVisibleInvoice(
  db: DbOrTx,
  id: string,
  caller: AuthUser,
  opts: { forUpdate?: boolean } = {},
): Promise<InvoiceRow> {
  const query = db.select().from(invoices).where(eq(invoices.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row || (caller.role !== 'admin' && !isParty(row, caller))) throw notFound('Invoice');
  return row;
}

const voucherLineDescription = (code: string) => `创新券 ${code} 抵扣 Innovation voucher ${code}`;

// Issued lines are shown as issued; each live voucher redemption follows as a negative voucher line, so the
// lines always add up to the subtotal shown. A voucher is not a sale and carries no tax (tax.ts).
export async function invoiceViews(db: DbOrTx, rows: InvoiceRow[]): Promise<InvoiceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, payments, uses, side] = await Promise.all([
    db
      .select()
      .from(invoiceLines)
      .where(inArray(invoiceLines.invoiceId, ids))
      .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position)),
    db
      .select()
      .from(invoicePayments)
      .where(inArray(invoicePayments.invoiceId, ids))
      .orderBy(asc(invoicePayments.paidAt), asc(invoicePayments.id)),
    db
      .select({ use: voucherRedemptions, code: vouchers.code })
      .from(voucherRedemptions)
      .innerJoin(vouchers, eq(vouchers.id, voucherRedemptions.voucherId))
      .where(inArray(voucherRedemptions.invoiceId, ids))
      .orderBy(asc(voucherRedemptions.appliedAt), asc(voucherRedemptions.id)),
    paymentSide(db, rows),
  ]);
  return rows.map((row) => {
    const own = <T extends { invoiceId: string }>(xs: T[]) => xs.filter((x) => x.invoiceId === row.id);
    const voucherUses = uses.filter((u) => u.use.invoiceId === row.id);
    const issuedLines: InvoiceLineView[] = own(lines).map((l) => ({
      kind: l.kind,
      description: l.description,
      amount: l.amount,
      taxTreatment: l.taxTreatment,
      taxRateBp: l.taxRateBp,
      taxAmount: l.taxAmount,
    }));
    const voucherLines: InvoiceLineView[] = voucherUses
      .filter((u) => !u.use.releasedAt)
      .map((u) => ({
        kind: 'voucher',
        description: voucherLineDescription(u.code),
        amount: -u.use.amount,
        // Not a sale: standard at 0%, never exempt (tax.ts taxTreatment).
        taxTreatment: taxTreatment('voucher', false),
        taxRateBp: 0,
        taxAmount: 0,
      }));
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      dealId: row.dealId,
      ref: row.ref,
      replacesInvoiceId: row.replacesInvoiceId,
      issuer: row.issuer,
      recipient: row.recipient,
      lines: [...issuedLines, ...voucherLines],
      subtotal: row.subtotal - row.credited,
      tax: row.tax,
      total: row.total - row.credited,
      currency: 'CNY',
      status: row.status,
      issuedAt: row.issuedAt,
      dueAt: row.dueAt,
      paid: row.paid,
      balance: balanceOf(row),
      vouchers: voucherUses.map(({ use, code }) => ({
        id: use.id,
        voucherId: use.voucherId,
        voucherCode: code,
        amount: use.amount,
        appliedAt: use.appliedAt,
        releasedAt: use.releasedAt,
      })),
      payments: own(payments).map((p) => ({
        id: p.id,
        amount: p.amount,
        reference: p.reference,
        paidAt: p.paidAt,
        recordedAt: p.createdAt,
      })),
      payeeAccount: side.payeeAccount(row.issuerOrgId),
      advices: side.advices(row.id),
      voidReason: row.voidReason,
      voidedAt: row.voidedAt,
    };
  });
}

export async function invoiceView(db: DbOrTx, row: InvoiceRow): Promise<InvoiceView> {
  const [view] = await invoiceViews(db, [row]);
  return view;
}

export async function getInvoice(db: DbOrTx, caller: AuthUser, id: string): Promise<InvoiceView> {
  return invoiceView(db, await loadVisibleInvoice(db, id, caller));
}

/** The view the PDF renderer takes: the same figures as the API, plus the deal the invoice belongs to. */
async function invoicePdfView(db: DbOrTx, row: InvoiceRow): Promise<InvoicePdfView> {
  const view = await invoiceView(db, row);
  const [deal] = row.dealId
    ? await db
        .select({ id: deals.id, type: deals.type, listingCopy: deals.listingCopy })
        .from(deals)
        .where(eq(deals.id, row.dealId))
    : [];
  return {
    ...view,
    deal: deal ? { id: deal.id, form: deal.type, listingTitle: String(deal.listingCopy.title ?? '') } : null,
  };
}

/**
 * GET /api/invoices/:id/pdf: built from the stored rows on each request, so it always shows the invoice as it is
 * (the renderer reuses an earlier rendering only of exactly the same view).
 */
export async function invoicePdf(
  db: DbOrTx,
  caller: AuthUser,
  id: string,
  renderer: InvoicePdfRenderer,
): Promise<{ number: string; pdf: Buffer }> {
  const row = await loadVisibleInvoice(db, id, caller);
  return { number: row.number, pdf: await renderer.render(await invoicePdfView(db, row)) };
}
