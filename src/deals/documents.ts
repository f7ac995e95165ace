import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { dealDocuments } from '../db/schema/deals.js';
import { detectFileType, safeFilename } from '../listings/file-types.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx, Tx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { loadDealFor } from './parties.js';

type DocumentRow = typeof dealDocuments.$inferSelect;
export const documentView = (d: DocumentRow) => ({
  id: d.id,
  filename: d.filename,
  mimeType: d.mimeType,
  size: d.size,
  messageId: d.messageId,
  uploadedBy: d.uploadedBy,
  createdAt: d.createdAt,
});

/** A document shared in the deal room: parties only, typed by its bytes like listing attachments. */
export async function uploadDealDocument(
  ctx: AppContext,
  caller: AuthUser,
  dealId: string,
  file: { filename: string; data: Buffer },
) {
  // Access first: a refused upload writes nothing to disk.
  await loadDealFor(ctx.db, dealId, caller);
  const type = detectFileType(file.data);
  if (!type)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only PDF, images (PNG, JPEG, GIF, WebP) and Office documents are accepted; the file content is none of these',
    );
  const stored = await ctx.storage.put(file.data);
  return ctx.db.transaction(async (tx) => {
    await loadDealFor(tx, dealId, caller);
    const [row] = await tx
      .insert(dealDocuments)
      .values({
        id: newId('ddc'),
        dealId,
        filename: safeFilename(file.filename, type),
        mimeType: type.mime,
        size: file.data.length,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: caller.id,
      })
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'deal.document_uploaded', 'deal', dealId, {
      documentId: row.id,
      size: row.size,
    });
    return documentView(row);
  });
}

export async function listDealDocuments(ctx: AppContext, caller: AuthUser, dealId: string) {
  await loadDealFor(ctx.db, dealId, caller);
  const rows = await ctx.db
    .select()
    .from(dealDocuments)
    .where(eq(dealDocuments.dealId, dealId))
    .orderBy(asc(dealDocuments.id));
  return { items: rows.map(documentView), nextCursor: null };
}

export async function readDealDocument(ctx: AppContext, caller: AuthUser, dealId: string, documentId: string) {
  await loadDealFor(ctx.db, dealId, caller);
  const [row] = await ctx.db
    .select()
    .from(dealDocuments)
    .where(and(eq(dealDocuments.id, documentId), eq(dealDocuments.dealId, dealId)));
  if (!row) throw notFound('Document');
  return { row, data: await ctx.storage.get(row.storageKey) };
}

/** Attaches the caller's not-yet-attached documents of this deal to a new message, in its transaction. */
export async function attachToMessage(tx: Tx, caller: AuthUser, dealId: string, messageId: string, ids: string[]) {
  if (!ids.length) return;
  const rows = await tx
    .update(dealDocuments)
    .set({ messageId })
    .where(
      and(
        inArray(dealDocuments.id, ids),
        eq(dealDocuments.dealId, dealId),
        eq(dealDocuments.uploadedBy, caller.id),
        isNull(dealDocuments.messageId),
      ),
    )
    .returning({ id: dealDocuments.id });
  if (rows.length !== new Set(ids).size) {
    throw validationFailed([
      { path: 'body.attachmentIds', message: 'each must be a document you uploaded to this deal and not yet attached' },
    ]);
  }
}

export async function documentsOfMessages(db: DbOrTx, messageIds: string[]) {
  if (!messageIds.length) return new Map<string, ReturnType<typeof documentView>[]>();
  const rows = await db
    .select()
    .from(dealDocuments)
    .where(inArray(dealDocuments.messageId, messageIds))
    .orderBy(asc(dealDocuments.id));
  const byMessage = new Map<string, ReturnType<typeof documentView>[]>();
  for (const r of rows) byMessage.set(r.messageId!, [...(byMessage.get(r.messageId!) ?? []), documentView(r)]);
  return byMessage;
}
