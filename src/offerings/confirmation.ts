import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { bidsOf, offeringRows, orgName, registrationsOf } from './store.js';

// The transaction confirmation (成交确认书) of a sold offering: for the winner's members, the seller's members and the
// admin (anyone else: 404, as if it did not exist).

export interface Confirmation {
  offeringId: string;
  listing: { title: string; registrationNo: string | null };
  seller: string;
  form: string;
  licenseType: string | null;
  basePrice: number;
  basis: { kind: string; reference: string };
  startsAt: string;
  endsAt: string;
  round: { startsAt: string; endsAt: string; extensions: number } | null;
  bids: Array<{ seq: number; bidderNo: number; amount: number; at: string }>;
  winner: { name: string; bidderNo: number };
  price: number;
  soldAt: string;
  dealId: string | null;
}

export async function confirmationOf(db: DbOrTx, caller: AuthUser, id: string): Promise<Confirmation> {
  const [board] = await offeringRows(db, { id });
  if (!board) throw notFound('Offering');
  const o = board.o;
  const party =
    caller.role === 'admin' ||
    caller.organizationId === o.sellerOrgId ||
    (o.buyerOrgId !== null && caller.organizationId === o.buyerOrgId);
  if (!party) throw notFound('Offering');
  if (o.status !== 'sold' || o.resultPrice === null || o.buyerOrgId === null)
    throw new AppError('INVALID_TRANSITION', `The offering is ${o.status}: a confirmation is issued only when sold`);
  const regs = await registrationsOf(db, id);
  const noOf = new Map(regs.map((r) => [r.r.id, r.r.bidderNo]));
  const winner = regs.find((r) => r.r.buyerOrgId === o.buyerOrgId);
  return {
    offeringId: o.id,
    listing: { title: board.listing.title, registrationNo: board.listing.registrationNo },
    seller: board.sellerName,
    form: o.form,
    licenseType: o.form === 'license' ? String((o.terms as { licenseType?: string }).licenseType ?? '') : null,
    basePrice: o.basePrice,
    basis: { kind: o.basisKind, reference: o.basisReference },
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    round:
      o.roundStartsAt && o.roundEndsAt
        ? { startsAt: o.roundStartsAt, endsAt: o.roundEndsAt, extensions: o.roundExtensions }
        : null,
    bids: (await bidsOf(db, id)).map((b) => ({
      seq: b.seq,
      bidderNo: noOf.get(b.registrationId) ?? 0,
      amount: b.amount,
      at: b.at,
    })),
    winner: { name: winner?.name ?? (await orgName(db, o.buyerOrgId)), bidderNo: winner?.r.bidderNo ?? 0 },
    price: o.resultPrice,
    soldAt: o.resultAt ?? o.updatedAt,
    dealId: o.dealId,
  };
}

export const getConfirmation = (ctx: AppContext, caller: AuthUser, id: string) => confirmationOf(ctx.db, caller, id);

/** What the pricing dossier keeps of the offering that priced a deal: buyers named (parties and admin only). */
export async function offeringRecordOf(db: DbOrTx, id: string) {
  const [board] = await offeringRows(db, { id });
  if (!board) return null;
  const o = board.o;
  const regs = await registrationsOf(db, id);
  const byId = new Map(regs.map((r) => [r.r.id, r]));
  return {
    id: o.id,
    basePrice: o.basePrice,
    basis: { kind: o.basisKind, reference: o.basisReference },
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    registrations: regs.map((r) => ({
      bidderNo: r.r.bidderNo,
      buyer: r.name,
      registeredAt: r.r.registeredAt,
      depositReceivedAt: r.r.depositReceivedAt,
    })),
    bids: (await bidsOf(db, id)).map((b) => ({
      seq: b.seq,
      bidderNo: byId.get(b.registrationId)?.r.bidderNo ?? 0,
      buyer: byId.get(b.registrationId)?.name ?? '',
      amount: b.amount,
      at: b.at,
    })),
    result: { outcome: o.resultOutcome, price: o.resultPrice, at: o.resultAt },
  };
}
export type OfferingRecord = NonNullable<Awaited<ReturnType<typeof offeringRecordOf>>>;
