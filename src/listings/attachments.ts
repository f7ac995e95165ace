import { and, eq, isNull } from 'drizzle-orm';
import { listingAttachments } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { detectFileType, safeFilename } from './file-types.js';
import { canSeeConfidential, isListingOwner, loadVisibleListing, type ListingRow } from './visibility.js';

export async function addAttachment(
  ctx: AppContext,
  caller: AuthUser,
  listingId: string,
  file: { filename: string; data: Buffer },
  visibility: 'public' | 'confidential',
) {
  const mayAttach = (listing: ListingRow) => {
    if (!isListingOwner(listing, caller))
      throw new AppError('FORBIDDEN', "Only the listing's organization may add attachments");
    if (listing.status === 'withdrawn')
      throw new AppError('INVALID_TRANSITION', 'A withdrawn listing takes no attachments');
  };
  // Access first, so a refused upload writes nothing to disk; checked again under the lock below.
  mayAttach(await loadVisibleListing(ctx.db, listingId, caller));
  const type = detectFileType(file.data);
  if (!type)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only PDF, images (PNG, JPEG, GIF, WebP) and Office documents are accepted; the file content is none of these',
    );
  // The file is stored before the row: an orphan file is harmless, a row without its file is not.
  const stored = await ctx.storage.put(file.data);
  return ctx.db.transaction(async (tx) => {
    mayAttach(await loadVisibleListing(tx, listingId, caller, true));
    const id = newId('att');
    const [row] = await tx
      .insert(listingAttachments)
      .values({
        id,
        listingId,
        filename: safeFilename(file.filename, type),
        mimeType: type.mime,
        size: file.data.length,
        sha256: stored.sha256,
        visibility,
        storageKey: stored.key,
        uploadedBy: caller.id,
      })
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'listing.attachment_added', 'listing', listingId, {
      attachmentId: id,
      visibility,
      size: row.size,
    });
    return {
      id: row.id,
      filename: row.filename,
      mimeType: row.mimeType,
      size: row.size,
      visibility: row.visibility,
      createdAt: row.createdAt,
    };
  });
}

/** Serves a file only to those who may see it; a confidential file is a 404 to everyone else. */
export async function readAttachment(
  ctx: AppContext,
  caller: AuthUser | null,
  listingId: string,
  attachmentId: string,
) {
  const listing = await loadVisibleListing(ctx.db, listingId, caller);
  const [row] = await ctx.db
    .select()
    .from(listingAttachments)
    .where(
      and(
        eq(listingAttachments.id, attachmentId),
        eq(listingAttachments.listingId, listingId),
        isNull(listingAttachments.deletedAt),
      ),
    );
  if (!row) throw notFound('Attachment');
  if (row.visibility === 'confidential' && !(await canSeeConfidential(ctx.db, listing, caller)))
    throw notFound('Attachment');
  return { row, data: await ctx.storage.get(row.storageKey) };
}

export async function removeAttachment(ctx: AppContext, caller: AuthUser, listingId: string, attachmentId: string) {
  await ctx.db.transaction(async (tx) => {
    const listing = await loadVisibleListing(tx, listingId, caller, true);
    if (!isListingOwner(listing, caller))
      throw new AppError('FORBIDDEN', "Only the listing's organization may remove attachments");
    const rows = await tx
      .update(listingAttachments)
      .set({ deletedAt: ctx.clock.now().toISOString() })
      .where(
        and(
          eq(listingAttachments.id, attachmentId),
          eq(listingAttachments.listingId, listingId),
          isNull(listingAttachments.deletedAt),
        ),
      )
      .returning({ id: listingAttachments.id });
    if (!rows.length) throw notFound('Attachment');
    await audit(tx, { id: caller.id, role: caller.role }, 'listing.attachment_removed', 'listing', listingId, {
      attachmentId,
    });
  });
}
