import type { AuthUser } from '../platform/auth.js';
import type { DbOrTx } from '../platform/db.js';
import { awaitedParties, isToDo } from '../shared/deal-awaited.js';
import type { DealRole } from '../shared/deal.js';
import type { Field } from '../shared/listing.js';
import { currentTerms, dealContextOf, nextEventsFor, type DealContext } from './machines/index.js';
import { partyRole, type DealRow, type PartyNames } from './parties.js';
import { partyNamesOf as names } from './store/index.js';

// The events each role could send now, for the deal's "who is awaited": guards read only the role (and a broker's
// id), so a stand-in user id serves for the roles the caller is not.
function eventsByRole(d: DealRow) {
  const of = (role: DealRole, userId: string) => nextEventsFor(d.type, d.machineVersion, d.snapshot, { userId, role });
  return {
    buyer: of('buyer', d.buyerUserId),
    seller: of('seller', 'seller'),
    admin: of('admin', 'admin'),
    ...(d.brokerUserId ? { broker: of('broker', d.brokerUserId) } : {}),
  };
}

function summary(d: DealRow, n: PartyNames, caller: AuthUser) {
  const context = dealContextOf(d.snapshot);
  // Only a party, its broker or an admin is answered a deal (loadDealFor is a 404 to anyone else).
  const role = partyRole(d, caller) as DealRole;
  const byRole = eventsByRole(d);
  const awaiting = awaitedParties(d.state, byRole);
  const listing = d.listingCopy as { title?: string; titleEn?: string | null; field?: Field };
  return {
    id: d.id,
    type: d.type,
    state: d.state,
    version: d.version,
    role,
    listing: {
      id: d.listingId,
      title: String(listing.title ?? ''),
      titleEn: listing.titleEn ?? null,
      field: listing.field ?? null,
    },
    buyer: {
      organization: n.org.get(d.buyerOrgId)!,
      user: { id: d.buyerUserId, name: n.user.get(d.buyerUserId)?.name ?? '' },
    },
    seller: { organization: n.org.get(d.sellerOrgId)! },
    broker: d.brokerUserId
      ? {
          id: d.brokerUserId,
          name: n.user.get(d.brokerUserId)?.name ?? '',
          commissionRateBp: context.broker?.commissionRateBp ?? null,
        }
      : null,
    currentTerms: currentTerms(context),
    contractValue: d.contractValue,
    currency: 'CNY' as const,
    // What this caller may send now: the machine's accepted events filtered by its own guards (a broker's by its
    // own id: partyRole answers 'broker' only to the assigned one).
    nextEvents: byRole[role] ?? [],
    awaiting,
    toDo: isToDo(awaiting, role),
    signedAt: d.signedAt,
    closedAt: d.closedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** Deals in a list, as a party sees them. */
export async function dealSummaries(db: DbOrTx, rows: DealRow[], caller: AuthUser) {
  const n = await names(db, rows);
  return rows.map((d) => summary(d, n, caller));
}

/** One deal with its proposals, signatures, notice, progress per form and closure: the deal room's data. */
export async function dealDetail(db: DbOrTx, d: DealRow, caller: AuthUser, known?: PartyNames) {
  const context = dealContextOf(d.snapshot);
  // Names loaded with the deal serve unless the event just brought a broker in.
  const n = known && (!d.brokerUserId || known.user.has(d.brokerUserId)) ? known : await names(db, [d]);
  return {
    ...summary(d, n, caller),
    agreedTerms: context.agreedTerms,
    proposals: context.proposals,
    nda: { required: context.ndaRequired, ...context.nda },
    publicNotice: context.publicNotice,
    objections: context.objections,
    noticeObjections: context.noticeObjections ?? [],
    pricingDecision: context.pricingDecision ?? null,
    contract: context.contract,
    contractRegistration: registrationView(context.contractRegistration),
    closure: context.closure,
    progress: context.license ?? context.transfer ?? context.equity ?? context.cooperation ?? null,
    delivery: context.delivery ?? null,
  };
}

/** A registration as shown: the fields an older registration lacks (DealContext) read as null. */
function registrationView(r: DealContext['contractRegistration']) {
  if (!r) return null;
  return {
    registrationNo: r.registrationNo,
    registry: r.registry ?? null,
    registeredOn: r.registeredOn ?? null,
    certifiedIncome: r.certifiedIncome ?? null,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
    confirmedBy: r.confirmedBy ?? null,
    confirmedAt: r.confirmedAt ?? null,
  };
}
