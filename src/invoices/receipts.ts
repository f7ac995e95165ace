import { and, eq } from 'drizzle-orm';
import { invoiceReceipts, paymentAdvices } from '../db/schema/payment-advices.js';
import { detectFileType, safeFilename } from '../listings/file-types.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { RECEIPT_MIME_TYPES } from '../shared/invoice.js';
import { loadVisibleInvoice } from './view.js';

// The payer's bank slip for a payment advice, stored like deal documents (content-addressed blob store, typed
// by its bytes). Uploaded first, then named by the advice (receiptId).

type ReceiptRow = typeof invoiceReceipts.$inferSelect;
export const receiptView = (r: ReceiptRow) => ({
  id: r.id,
  filename: r.filename,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
});

async function payerInvoice(ctx: AppContext, caller: AuthUser, invoiceId: string) {
  const row = await loadVisibleInvoice(ctx.db, invoiceId, caller);
  if (caller.organizationId !== row.recipientOrgId)
    throw new AppError('FORBIDDEN', "Only the payer's members attach a receipt");
  return row;
}

export async function uploadReceipt(
  ctx: AppContext,
  caller: AuthUser,
  invoiceId: string,
  file: { filename: string; data: Buffer },
) {
  // Access first: a refused upload writes nothing to disk.
  await payerInvoice(ctx, caller, invoiceId);
  const type = detectFileType(file.data);
  if (!type || !(RECEIPT_MIME_TYPES as readonly string[]).includes(type.mime))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'A receipt is a PDF, PNG or JPEG file; the file content is none of these',
    );
  const stored = await ctx.storage.put(file.data);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invoiceReceipts)
      .values({
        id: newId('rcp'),
        invoiceId,
        filename: safeFilename(file.filename, type),
        mimeType: type.mime,
        size: file.data.length,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: caller.id,
      })
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'invoice.receipt_uploaded', 'invoice', invoiceId, {
      receiptId: row.id,
      size: row.size,
    });
    return receiptView(row);
  });
}

/** The receipt of an advice: the invoice's parties and admins. */
export async function readAdviceReceipt(ctx: AppContext, caller: AuthUser, invoiceId: string, adviceId: string) {
  await loadVisibleInvoice(ctx.db, invoiceId, caller);
  const [row] = await ctx.db
    .select({ receipt: invoiceReceipts })
    .from(paymentAdvices)
    .innerJoin(invoiceReceipts, eq(invoiceReceipts.id, paymentAdvices.receiptId))
    .where(and(eq(paymentAdvices.id, adviceId), eq(paymentAdvices.invoiceId, invoiceId)));
  if (!row) throw notFound('Receipt');
  return { row: row.receipt, data: await ctx.storage.get(row.receipt.storageKey) };
}
