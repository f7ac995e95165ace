import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organizations, users } from '../../db/schema/accounts.js';
import { dealHistory, dealMessages, deals } from '../../db/schema/deals.js';
import { listings } from '../../db/schema/listings.js';
import { queryRows, type DbOrTx } from '../../platform/db.js';
import { allColumns, rendered, rowOf } from '../../platform/statements.js';
import type { DealForm } from '../machines/index.js';

// The deal store's reads: every query of deals and their parties, built from the drizzle tables.

export type DealRow = typeof deals.$inferSelect;

/** Names of a deal's organizations and people, as the deal's views show them. */
export interface PartyNames {
  org: Map<string, { id: string; name: string; type: string }>;
  user: Map<string, { id: string; name: string; organizationId: string }>;
}

const buyerOrg = alias(organizations, 'bo');
const sellerOrg = alias(organizations, 'so');
const buyerUser = alias(users, 'bu');
const broker = alias(users, 'br');
// Result names of the parties' columns beside the deal's own (which rowOf reads by column name).
const names = {
  buyerOrgName: buyerOrg.name,
  buyerOrgType: buyerOrg.type,
  sellerOrgName: sellerOrg.name,
  sellerOrgType: sellerOrg.type,
  buyerUserName: buyerUser.name,
  buyerUserOrgId: buyerUser.organizationId,
  brokerName: broker.name,
  brokerOrgId: broker.organizationId,
};
const dealWithNamesSelect = rendered(sql`select ${allColumns(deals)}, ${sql.join(
  Object.entries(names).map(([as, column]) => sql`${column} as ${sql.identifier(as)}`),
  sql`, `,
)}
    from ${deals}
      join ${organizations} ${buyerOrg} on ${buyerOrg.id} = ${deals.buyerOrgId}
      join ${organizations} ${sellerOrg} on ${sellerOrg.id} = ${deals.sellerOrgId}
      join ${users} ${buyerUser} on ${buyerUser.id} = ${deals.buyerUserId}
      left join ${users} ${broker} on ${broker.id} = ${deals.brokerUserId}`);

const byId = rendered(sql`${deals.id}`);
const dealsTable = rendered(sql`${deals}`);

/** A deal's row with its parties' names, locked for an update when asked: one query. */
export function dealWithNamesQuery(id: string, lock: boolean): SQL {
  return lock
    ? sql`${dealWithNamesSelect} where ${byId} = ${id} for update of ${dealsTable}`
    : sql`${dealWithNamesSelect} where ${byId} = ${id}`;
}

/** A deal with its parties' names (dealWithNamesQuery), or null. */
export async function readDealWithNames(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<{ deal: DealRow; names: PartyNames } | null> {
  const [raw] = await queryRows(db, dealWithNamesQuery(id, lock));
  if (!raw) return null;
  const deal = rowOf(deals, raw);
  const str = (key: keyof typeof names) => String(raw[key]);
  const party: PartyNames = {
    org: new Map([
      [deal.buyerOrgId, { id: deal.buyerOrgId, name: str('buyerOrgName'), type: str('buyerOrgType') }],
      [deal.sellerOrgId, { id: deal.sellerOrgId, name: str('sellerOrgName'), type: str('sellerOrgType') }],
    ]),
    user: new Map([
      [deal.buyerUserId, { id: deal.buyerUserId, name: str('buyerUserName'), organizationId: str('buyerUserOrgId') }],
    ]),
  };
  if (deal.brokerUserId && raw.brokerName != null)
    party.user.set(deal.brokerUserId, {
      id: deal.brokerUserId,
      name: str('brokerName'),
      organizationId: str('brokerOrgId'),
    });
  return { deal, names: party };
}

/** A deal's row locked for an update (a timer or a payment moving it on), or null. */
export async function lockDeal(db: DbOrTx, id: string): Promise<DealRow | null> {
  const [deal] = await db.select().from(deals).where(eq(deals.id, id)).for('update');
  return deal ?? null;
}

export async function currentVersion(db: DbOrTx, dealId: string): Promise<number | null> {
  const [row] = await db.select({ version: deals.version }).from(deals).where(eq(deals.id, dealId));
  return row?.version ?? null;
}

/** The buyer organization's open deal of this form on this listing, if any: one is allowed. */
export async function openDealOf(
  db: DbOrTx,
  listingId: string,
  buyerOrgId: string,
  type: DealForm,
): Promise<string | null> {
  const [open] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(
      and(
        eq(deals.listingId, listingId),
        eq(deals.buyerOrgId, buyerOrgId),
        eq(deals.type, type),
        isNull(deals.closedAt),
      ),
    );
  return open?.id ?? null;
}

export async function organizationType(db: DbOrTx, id: string): Promise<string> {
  const [org] = await db.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, id));
  return org.type;
}

/** The listing as it is now (not the deal's copy): the NDA names its current title and registration number. */
/** What the NDA and the contract name of a deal's listing, as it is now. */
export async function listingNameOf(db: DbOrTx, id: string) {
  const [l] = await db
    .select({
      title: listings.title,
      registrationNo: listings.registrationNo,
      ipType: listings.ipType,
      ipNumbers: listings.ipNumbers,
    })
    .from(listings)
    .where(eq(listings.id, id));
  return l;
}

export async function isActiveBroker(db: DbOrTx, userId: string): Promise<boolean> {
  const [u] = await db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId));
  return !!u && u.role === 'broker' && !u.disabled;
}

export async function userName(db: DbOrTx, userId: string): Promise<string> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u.name;
}

/** The names of several deals' parties, in one round trip. */
export async function partyNamesOf(db: DbOrTx, rows: DealRow[]): Promise<PartyNames> {
  const orgIds = [...new Set(rows.flatMap((d) => [d.buyerOrgId, d.sellerOrgId]))];
  const userIds = [...new Set(rows.flatMap((d) => [d.buyerUserId, d.brokerUserId].filter((x): x is string => !!x)))];
  const [orgs, people] = await Promise.all([
    orgIds.length
      ? db
          .select({ id: organizations.id, name: organizations.name, type: organizations.type })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
      : [],
    userIds.length
      ? db
          .select({ id: users.id, name: users.name, organizationId: users.organizationId })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
  ]);
  return { org: new Map(orgs.map((o) => [o.id, o])), user: new Map(people.map((u) => [u.id, u])) };
}

/** Who sees which deals in a list: the caller's organization as buyer or seller, a broker its own; admins all. */
export type DealScope = { broker: string } | { organization: string } | 'all';
export interface DealFilter {
  state?: string;
  type?: DealForm;
  listingId?: string;
  limit: number;
  cursor?: string;
}

/** One page of deals (and one more, to tell a next page), newest first. */
export async function listDealRows(db: DbOrTx, scope: DealScope, q: DealFilter): Promise<DealRow[]> {
  const conds: SQL[] = [];
  if (scope !== 'all' && 'broker' in scope) conds.push(eq(deals.brokerUserId, scope.broker));
  else if (scope !== 'all')
    conds.push(or(eq(deals.buyerOrgId, scope.organization), eq(deals.sellerOrgId, scope.organization))!);
  if (q.state) conds.push(eq(deals.state, q.state));
  if (q.type) conds.push(eq(deals.type, q.type));
  if (q.listingId) conds.push(eq(deals.listingId, q.listingId));
  if (q.cursor) conds.push(lt(deals.id, q.cursor));
  return db
    .select()
    .from(deals)
    .where(and(...conds))
    .orderBy(desc(deals.id))
    .limit(q.limit + 1);
}

export async function historyRows(db: DbOrTx, dealId: string) {
  return db.select().from(dealHistory).where(eq(dealHistory.dealId, dealId)).orderBy(asc(dealHistory.version));
}

export async function messageRows(db: DbOrTx, dealId: string) {
  return db
    .select({ m: dealMessages, name: users.name })
    .from(dealMessages)
    .innerJoin(users, eq(users.id, dealMessages.authorId))
    .where(eq(dealMessages.dealId, dealId))
    .orderBy(asc(dealMessages.id));
}
