import { and, eq } from 'drizzle-orm';
import { listingAccessGrants, listings } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';

export type ListingRow = typeof listings.$inferSelect;

export const isListingOwner = (listing: Pick<ListingRow, 'organizationId'>, caller: AuthUser | null) =>
  !!caller && caller.role !== 'admin' && caller.organizationId === listing.organizationId;

/**
 * Who may see a listing at all: published listings are public; every other status only to the owning
 * organization and admins. Anyone else is told it does not exist (404), never that it is hidden.
 */
export function listingVisibleTo(listing: ListingRow, caller: AuthUser | null): boolean {
  if (listing.status === 'published') return true;
  return !!caller && (caller.role === 'admin' || caller.organizationId === listing.organizationId);
}

/**
 * A listing's contact person is public, but their phone and email are for signed-in members only (issue #22):
 * an anonymous visitor, or a scraper, gets the name and is asked to sign in.
 */
export function contactFor(contact: ListingRow['contact'], caller: AuthUser | null): ListingRow['contact'] {
  if (!contact || caller) return contact;
  return { name: contact.name };
}

/**
 * The confidential part (confidentialDetails, confidential attachments) is for the owner, admins, and a buyer
 * organization holding an access grant from a deal on this listing (NDA signed, or no NDA required).
 */
export async function canSeeConfidential(db: DbOrTx, listing: ListingRow, caller: AuthUser | null): Promise<boolean> {
  if (!caller) return false;
  if (caller.role === 'admin' || caller.organizationId === listing.organizationId) return true;
  const [grant] = await db
    .select({ id: listingAccessGrants.dealId })
    .from(listingAccessGrants)
    .where(
      and(eq(listingAccessGrants.listingId, listing.id), eq(listingAccessGrants.organizationId, caller.organizationId)),
    )
    .limit(1);
  return !!grant;
}

/** Loads a listing the caller may see (optionally locking it for an update), or throws 404. */
export async function loadVisibleListing(
  db: DbOrTx,
  id: string,
  caller: AuthUser | null,
  lock = false,
): Promise<ListingRow> {
  const q = db.select().from(listings).where(eq(listings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !listingVisibleTo(row, caller)) throw notFound('Listing');
  return row;
}
