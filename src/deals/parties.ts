import { eq } from 'drizzle-orm';
import { deals } from '../db/schema/deals.js';
import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
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

/** Loads a deal the caller is a party of (locked for an update when asked); anyone else gets 404. */
export async function loadDealFor(db: DbOrTx, id: string, caller: AuthUser, lock = false): Promise<{ deal: DealRow; role: ActorRole }> {
  const q = db.select().from(deals).where(eq(deals.id, id));
  const [deal] = lock ? await q.for('update') : await q;
  const role = deal ? partyRole(deal, caller) : null;
  if (!deal || !role) throw notFound('Deal');
  return { deal, role };
}
