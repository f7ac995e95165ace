import { sql, type SQL } from 'drizzle-orm';
import { deals } from '../db/schema/deals.js';
import type { AuthUser } from '../platform/auth.js';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { rowOf } from '../platform/statements.js';
import { notFound } from '../platform/errors.js';
import type { ActorRole } from './machines/index.js';

export type DealRow = typeof deals.$inferSelect;

/**
 * The caller's role in this deal, or null for a stranger. A broker is a party only once assigned; an admin
 * always is (the bureau oversees every deal). A member of the buyer's organization acts as the buyer.
 */
export function partyRole(deal: DealRow, caller: AuthUser): ActorRole | null {
  if (caller.role === 'admin') return 'admin';
  if (caller.role === 'broker') return deal.brokerUserId === caller.id ? 'broker' : null;
  if (caller.organizationId === deal.buyerOrgId) return 'buyer';
  if (caller.organizationId === deal.sellerOrgId) return 'seller';
  return null;
}

/** Names of a deal's organizations and people, as the deal's views show them. */
export interface PartyNames {
  org: Map<string, { id: string; name: string; type: string }>;
  user: Map<string, { id: string; name: string; organizationId: string }>;
}

/** A deal's row (`d.*`) with its parties' names, locked for an update when asked. */
export function dealWithNamesQuery(id: string, lock: boolean): SQL {
  return sql`select d.*,
      bo.name as "buyerOrgName", bo.type as "buyerOrgType", so.name as "sellerOrgName", so.type as "sellerOrgType",
      bu.name as "buyerUserName", bu.organization_id as "buyerUserOrgId", br.name as "brokerName", br.organization_id as "brokerOrgId"
    from deals d
      join organizations bo on bo.id = d.buyer_org_id
      join organizations so on so.id = d.seller_org_id
      join users bu on bu.id = d.buyer_user_id
      left join users br on br.id = d.broker_user_id
    where d.id = ${id}${lock ? sql` for update of d` : sql``}`;
}

/**
 * Loads a deal the caller is a party of (locked for an update when asked), with its parties' names, in one
 * query; anyone else gets 404.
 */
export async function loadDealFor(db: DbOrTx, id: string, caller: AuthUser, lock = false): Promise<{ deal: DealRow; role: ActorRole; names: PartyNames }> {
  const [raw] = await queryRows(db, dealWithNamesQuery(id, lock));
  const deal = raw ? rowOf(deals, raw) : null;
  const role = deal ? partyRole(deal, caller) : null;
  if (!deal || !role) throw notFound('Deal');
  const str = (key: string) => String(raw[key]);
  const names: PartyNames = {
    org: new Map([
      [deal.buyerOrgId, { id: deal.buyerOrgId, name: str('buyerOrgName'), type: str('buyerOrgType') }],
      [deal.sellerOrgId, { id: deal.sellerOrgId, name: str('sellerOrgName'), type: str('sellerOrgType') }],
    ]),
    user: new Map([[deal.buyerUserId, { id: deal.buyerUserId, name: str('buyerUserName'), organizationId: str('buyerUserOrgId') }]]),
  };
  if (deal.brokerUserId && raw.brokerName != null) names.user.set(deal.brokerUserId, { id: deal.brokerUserId, name: str('brokerName'), organizationId: str('brokerOrgId') });
  return { deal, role, names };
}
