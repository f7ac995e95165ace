import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import { organizations, users } from '../../db/schema/accounts.js';
import { listings } from '../../db/schema/listings.js';
import type { AuthUser } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { pageOf } from '../../platform/http.js';
import { containsPattern } from '../shared.js';
import type { ListOrganizationsInput } from './schemas.js';

// The catalogue (科技成果目录) shows the public the organizations that offer technology: those with a seller
// account or with published listings. Buyers' enterprises are not advertised, and the bureau is not a market
// party. Admins find every organization here (e.g. the enterprise a voucher is granted to).
const inCatalogue = or(
  sql`exists (select 1 from ${users} where ${users.organizationId} = ${organizations.id} and ${users.role} = 'seller')`,
  sql`exists (select 1 from ${listings} where ${listings.organizationId} = ${organizations.id} and ${listings.status} = 'published')`,
)!;

// Public columns only: tax id, address and bank details are for invoices, not for the catalogue.
const publicColumns = {
  id: organizations.id,
  name: organizations.name,
  nameEn: organizations.nameEn,
  type: organizations.type,
  region: organizations.region,
  publishedListings: sql<number>`count(${listings.id})::int`,
};

// Counted by a join on published listings: one grouped query for the whole page.
const withPublished = and(eq(listings.organizationId, organizations.id), eq(listings.status, 'published'));

const visibleTo = (caller: AuthUser | null) => (caller?.role === 'admin' ? [] : [inCatalogue]);

export async function listOrganizations(ctx: AppContext, caller: AuthUser | null, q: ListOrganizationsInput) {
  const conds = visibleTo(caller);
  if (q.type) conds.push(eq(organizations.type, q.type));
  const text = q.q?.trim();
  if (text) conds.push(ilike(organizations.name, containsPattern(text)));
  if (q.cursor) conds.push(gt(organizations.id, q.cursor));
  const rows = await ctx.db
    .select(publicColumns)
    .from(organizations)
    .leftJoin(listings, withPublished)
    .where(and(...conds))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.id))
    .limit(q.limit + 1);
  return pageOf(
    rows.map((r) => ({ ...r, publishedListings: Number(r.publishedListings) })),
    q.limit,
  );
}

export async function getOrganization(ctx: AppContext, caller: AuthUser | null, id: string) {
  const [org] = await ctx.db
    .select({ ...publicColumns, description: organizations.description })
    .from(organizations)
    .leftJoin(listings, withPublished)
    .where(and(eq(organizations.id, id), ...visibleTo(caller)))
    .groupBy(organizations.id);
  if (!org) throw notFound('Organization');
  const byField = await ctx.db
    .select({ field: listings.field, n: sql<number>`count(*)::int` })
    .from(listings)
    .where(and(eq(listings.organizationId, id), eq(listings.status, 'published')))
    .groupBy(listings.field);
  return {
    ...org,
    publishedListings: Number(org.publishedListings),
    fields: Object.fromEntries(byField.map((r) => [r.field, Number(r.n)])),
    listingsUrl: `/api/listings?organizationId=${encodeURIComponent(id)}`,
  };
}
