import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import type { OfferingStatus, OfferingTerms } from '../shared/offering.js';
import { minNextBid, offeringContextOf } from './machine.js';
import { registrationView, type RegistrationView } from './registrations.js';
import { bidsOf, offeringRows, orgName, registrationCounts, registrationsOf, type OfferingRow } from './store.js';

// What the board and the offering page show (notes/offering-contract.md). The public sees bidders by number only
// (API.md: "bidder 1, 2, …"); the seller's members and the admin see who they are.

type BoardRow = Awaited<ReturnType<typeof offeringRows>>[number];

/** The seller's members and the admin: they see the intended buyers' names. */
const privileged = (row: OfferingRow, caller: AuthUser | null) =>
  caller !== null && (caller.role === 'admin' || caller.organizationId === row.sellerOrgId);

function summaryOf(b: BoardRow, registrationCount: number) {
  const o = b.o;
  const licenseType = o.form === 'license' ? ((o.terms as { licenseType?: string }).licenseType ?? null) : null;
  return {
    id: o.id,
    listing: b.listing,
    seller: { name: b.sellerName },
    form: o.form,
    licenseType: licenseType as 'exclusive' | 'sole' | 'non_exclusive' | null,
    basePrice: o.basePrice,
    currency: 'CNY' as const,
    deposit: o.deposit,
    increment: o.increment,
    status: o.status,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    registrationCount,
    bestBid: o.bestBid,
    dealPrice: o.status === 'sold' ? o.resultPrice : null,
  };
}

/** GET /api/offerings (public): newest first, by status and words in the result's name, number or seller. */
export async function listOfferings(
  ctx: AppContext,
  q: { status?: OfferingStatus; q?: string; cursor?: string; limit: number },
) {
  const rows = await offeringRows(ctx.db, q);
  const page = pageOf(
    rows.map((r) => ({ ...r, id: r.o.id })),
    q.limit,
  );
  const counts = await registrationCounts(
    ctx.db,
    page.items.map((r) => r.o.id),
  );
  return { items: page.items.map((r) => summaryOf(r, counts.get(r.o.id) ?? 0)), nextCursor: page.nextCursor };
}

/** The offering as the caller may see it (anyone: the public view). */
export async function offeringView(ctx: AppContext, db: DbOrTx, id: string, caller: AuthUser | null) {
  const [board] = await offeringRows(db, { id });
  if (!board) throw notFound('Offering');
  const o = board.o;
  const regs = await registrationsOf(db, id);
  const bids = await bidsOf(db, id);
  const see = privileged(o, caller);
  const byId = new Map(regs.map((r) => [r.r.id, r]));
  const views: RegistrationView[] = regs.map((r) => registrationView(r.r, r.name));
  const mine = caller ? (views.find((r) => r.buyer.orgId === caller.organizationId) ?? null) : null;
  const context = offeringContextOf(o.snapshot);
  return {
    ...summaryOf(board, regs.length),
    terms: o.terms as OfferingTerms,
    basis: { kind: o.basisKind, reference: o.basisReference },
    listingDays: o.listingDays,
    relistedFrom: o.relistedFrom,
    round:
      o.roundStartsAt && o.roundEndsAt
        ? { startsAt: o.roundStartsAt, endsAt: o.roundEndsAt, extensions: o.roundExtensions }
        : null,
    minNextBid: o.status === 'bidding' ? minNextBid(context) : null,
    bids: bids.map((b) => {
      const reg = byId.get(b.registrationId);
      return {
        seq: b.seq,
        amount: b.amount,
        at: b.at,
        bidderNo: reg?.r.bidderNo ?? 0,
        bidder: see && reg ? { orgId: reg.r.buyerOrgId, name: reg.name } : null,
      };
    }),
    // The public result notice (成交公告): what became of the offering, the buyer named when it sold.
    result: o.resultOutcome
      ? {
          outcome: o.resultOutcome,
          price: o.resultPrice,
          buyer: o.buyerOrgId ? { name: await orgName(db, o.buyerOrgId) } : null,
          at: o.resultAt ?? o.updatedAt,
          dealId: o.dealId,
          reason: o.resultReason,
        }
      : null,
    dealId: o.dealId,
    myRegistration: mine,
    registrations: see ? views : null,
    serverTime: ctx.clock.now().toISOString(),
  };
}
export type OfferingViewValue = Awaited<ReturnType<typeof offeringView>>;
