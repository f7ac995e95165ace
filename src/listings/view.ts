import { and, eq, inArray, isNull } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { listingAttachments } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
import { canSeeConfidential, contactFor, isListingOwner, type ListingRow } from './visibility.js';

/**
 * What a caller sees of a listing. The confidential part is removed here, by rule, for everyone who may not
 * see it; the reviewer's reason is for the owner and admins only.
 */
export async function listingView(db: DbOrTx, row: ListingRow, caller: AuthUser | null) {
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  const confidential = await canSeeConfidential(db, row, caller);
  const attachments = await db
    .select()
    .from(listingAttachments)
    .where(and(eq(listingAttachments.listingId, row.id), isNull(listingAttachments.deletedAt)))
    .orderBy(listingAttachments.id);
  const privileged = isListingOwner(row, caller) || caller?.role === 'admin';
  const { organizationId: _o, createdBy: _c, reviewedBy: _r, confidentialDetails, rejectionReason, ...pub } = row;
  return {
    ...pub,
    organization: org,
    contact: contactFor(row.contact, caller),
    canSeeConfidential: confidential,
    ...(confidential ? { confidentialDetails } : {}),
    ...(privileged ? { rejectionReason } : {}),
    attachments: attachments
      .filter((a) => a.visibility === 'public' || confidential)
      .map((a) => ({
        id: a.id,
        filename: a.filename,
        mimeType: a.mimeType,
        size: a.size,
        visibility: a.visibility,
        createdAt: a.createdAt,
      })),
  };
}

/** A compact view for lists (no attachments, no confidential part). */
export async function listingSummaries(db: DbOrTx, rows: ListingRow[], caller: AuthUser | null) {
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const orgs = orgIds.length
    ? await db
        .select({ id: organizations.id, name: organizations.name, type: organizations.type })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    title: r.title,
    titleEn: r.titleEn,
    summary: r.summary,
    field: r.field,
    trl: r.trl,
    dealTypes: r.dealTypes,
    askingPrice: r.askingPrice,
    currency: r.currency,
    registrationNo: r.registrationNo,
    organization: byId.get(r.organizationId)!,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    ...(isListingOwner(r, caller) || caller?.role === 'admin' ? { rejectionReason: r.rejectionReason } : {}),
  }));
}
