import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import type { ActorRole } from './machines/index.js';
import { readDealWithNames, type DealRow, type PartyNames } from './store/index.js';

export type { DealRow, PartyNames };

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

/**
 * Loads a deal the caller is a party of (locked for an update when asked), with its parties' names, in one
 * query; anyone else gets 404.
 */
export async function loadDealFor(
  db: DbOrTx,
  id: string,
  caller: AuthUser,
  lock = false,
): Promise<{ deal: DealRow; role: ActorRole; names: PartyNames }> {
  const found = await readDealWithNames(db, id, lock);
  const role = found ? partyRole(found.deal, caller) : null;
  if (!found || !role) throw notFound('Deal');
  return { ...found, role };
}
