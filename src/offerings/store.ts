import { and, asc, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { listings } from '../db/schema/listings.js';
import { offeringBids, offeringRegistrations, offerings } from '../db/schema/offerings.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { updateStatement } from '../platform/statements.js';
import type { OfferingStatus } from '../shared/offering.js';

// The offering store: every statement of the feature, built with drizzle.

export type OfferingRow = typeof offerings.$inferSelect;
export type RegistrationRow = typeof offeringRegistrations.$inferSelect;
export type BidRow = typeof offeringBids.$inferSelect;

/** The offering read with its row lock: every step of an offering runs under it, one at a time. */
export async function lockOffering(tx: DbOrTx, id: string): Promise<OfferingRow> {
  const [row] = await tx.select().from(offerings).where(eq(offerings.id, id)).for('update');
  if (!row) throw notFound('Offering');
  return row;
}

export async function readOffering(db: DbOrTx, id: string): Promise<OfferingRow> {
  const [row] = await db.select().from(offerings).where(eq(offerings.id, id));
  if (!row) throw notFound('Offering');
  return row;
}

/** The step's write of the offering: applies only at the version it was computed from (returning 1). */
export function offeringUpdateGuard(before: OfferingRow, after: OfferingRow): SQL {
  const { id: _id, createdAt: _c, ...set } = after;
  return sql`${updateStatement(offerings, set, { id: before.id, version: before.version })} returning 1`;
}

export async function registrationsOf(db: DbOrTx, offeringId: string) {
  return db
    .select({ r: offeringRegistrations, name: organizations.name })
    .from(offeringRegistrations)
    .innerJoin(organizations, eq(organizations.id, offeringRegistrations.buyerOrgId))
    .where(eq(offeringRegistrations.offeringId, offeringId))
    .orderBy(asc(offeringRegistrations.bidderNo));
}

export async function bidsOf(db: DbOrTx, offeringId: string): Promise<BidRow[]> {
  return db.select().from(offeringBids).where(eq(offeringBids.offeringId, offeringId)).orderBy(asc(offeringBids.seq));
}

export async function registrationCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: offeringRegistrations.offeringId, n: sql<number>`count(*)::int` })
    .from(offeringRegistrations)
    .where(sql`${offeringRegistrations.offeringId} in ${ids}`)
    .groupBy(offeringRegistrations.offeringId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The listing and seller of each offering, as the board shows them. */
export async function offeringRows(
  db: DbOrTx,
  q: { status?: OfferingStatus; q?: string; cursor?: string; limit: number } | { id: string },
) {
  const conds: SQL[] = [];
  if ('id' in q) conds.push(eq(offerings.id, q.id));
  else {
    if (q.status) conds.push(eq(offerings.status, q.status));
    if (q.cursor) conds.push(lt(offerings.id, q.cursor));
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conds.push(
        or(ilike(listings.title, like), ilike(listings.registrationNo, like), ilike(organizations.name, like))!,
      );
    }
  }
  const query = db
    .select({
      o: offerings,
      listing: { id: listings.id, title: listings.title, registrationNo: listings.registrationNo },
      sellerName: organizations.name,
    })
    .from(offerings)
    .innerJoin(listings, eq(listings.id, offerings.listingId))
    .innerJoin(organizations, eq(organizations.id, offerings.sellerOrgId))
    .where(and(...conds))
    .orderBy(desc(offerings.id));
  return 'id' in q ? query : query.limit(q.limit + 1);
}

export async function orgName(db: DbOrTx, id: string): Promise<string> {
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  return org?.name ?? id;
}

export async function orgType(db: DbOrTx, id: string): Promise<string> {
  const [org] = await db.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, id));
  return org?.type ?? '';
}
