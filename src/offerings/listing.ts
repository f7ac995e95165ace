import { and, eq, inArray } from 'drizzle-orm';
import { offerings } from '../db/schema/offerings.js';
import { refuseConflictingLicence } from '../deals/exclusivity.js';
import { loadVisibleListing } from '../listings/visibility.js';
import { auditStatement } from '../platform/audit.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { insertStatement, runTogether } from '../platform/statements.js';
import type { PricingBasisKind } from '../shared/deal.js';
import {
  dealTermsAt,
  LISTING_DAYS_DEFAULT,
  offeringTermsErrors,
  type OfferingForm,
  type OfferingTerms,
} from '../shared/offering.js';
import type { LicenseTerms } from '../shared/terms.js';
import { firstTimerStatements, stepOffering } from './engine.js';
import { initialOfferingSnapshot, OFFERING_MACHINE_VERSION } from './machine.js';
import { performEffects } from './settle.js';
import { lockOffering, type OfferingRow } from './store.js';
import { offeringView } from './view.js';

export interface OfferingBody {
  listingId: string;
  form: OfferingForm;
  terms: OfferingTerms;
  basePrice: number;
  basis: { kind: PricingBasisKind; reference: string };
  listingDays?: number;
  deposit: number;
  increment: number;
}

const actorOf = (caller: AuthUser) => ({ id: caller.id, role: caller.role });

/** Only the seller's own members list, cancel or relist its offerings. */
function assertSellerMember(caller: AuthUser, sellerOrgId: string) {
  if (caller.organizationId !== sellerOrgId)
    throw new AppError('FORBIDDEN', "Only the seller's members may do this with the offering");
}

async function insertOffering(
  ctx: AppContext,
  tx: DbOrTx,
  caller: AuthUser,
  body: OfferingBody,
  relistedFrom: OfferingRow | null,
): Promise<string> {
  const listing = await loadVisibleListing(tx, body.listingId, caller, true);
  assertSellerMember(caller, listing.organizationId);
  if (listing.status !== 'published')
    throw new AppError('CONFLICT', 'Only a published listing can be offered for listed trading');
  if (!listing.dealTypes.includes(body.form))
    throw validationFailed([{ path: 'body.form', message: `must be one of the listing's deal forms` }]);
  const errors = offeringTermsErrors(body.form, body.terms);
  if (errors.length > 0) throw validationFailed(errors.map((e) => ({ ...e, path: `body.terms.${e.path}` })));
  // SPC Interpretation Art. 25 (deals/exclusivity.ts): no licence that would overlap an exclusive or sole one in
  // force is put on the market; the listing's lock (taken there) keeps a deal from signing one meanwhile.
  if (body.form === 'license')
    await refuseConflictingLicence(
      tx,
      listing.id,
      dealTermsAt('license', body.terms, body.basePrice) as LicenseTerms,
      null,
    );
  // One offering of a listing on the market at a time (choice: two would sell the same result twice).
  const [open] = await tx
    .select({ id: offerings.id })
    .from(offerings)
    .where(and(eq(offerings.listingId, listing.id), inArray(offerings.status, ['listed', 'bidding'])));
  if (open)
    throw new AppError('CONFLICT', 'This listing already has an offering on the market', { offeringId: open.id });
  const now = ctx.clock.now();
  const listingDays = body.listingDays ?? LISTING_DAYS_DEFAULT;
  const endsAt = new Date(now.getTime() + listingDays * 86_400_000).toISOString();
  const init = initialOfferingSnapshot({
    sellerOrgId: listing.organizationId,
    basePrice: body.basePrice,
    increment: body.increment,
    listingEndsAt: endsAt,
    roundMinutes: ctx.config.OFFERING_ROUND_MINUTES,
  });
  const row: OfferingRow = {
    id: newId('of'),
    listingId: listing.id,
    sellerOrgId: listing.organizationId,
    createdBy: caller.id,
    form: body.form,
    terms: body.terms as Record<string, unknown>,
    basePrice: body.basePrice,
    basisKind: body.basis.kind,
    basisReference: body.basis.reference,
    listingDays,
    deposit: body.deposit,
    increment: body.increment,
    status: init.state,
    startsAt: now.toISOString(),
    endsAt,
    roundStartsAt: null,
    roundEndsAt: null,
    roundExtensions: 0,
    bestBid: null,
    relistedFrom: relistedFrom?.id ?? null,
    machineVersion: OFFERING_MACHINE_VERSION,
    snapshot: init.snapshot,
    version: 0,
    resultOutcome: null,
    resultPrice: null,
    buyerOrgId: null,
    resultAt: null,
    resultReason: null,
    dealId: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const audit = relistedFrom
    ? auditStatement(actorOf(caller), 'offering.relisted', 'offering', row.id, {
        relistedFrom: relistedFrom.id,
        fromBasePrice: relistedFrom.basePrice,
        toBasePrice: row.basePrice,
        basisKind: row.basisKind,
      })
    : auditStatement(actorOf(caller), 'offering.listed', 'offering', row.id, {
        listingId: row.listingId,
        form: row.form,
        basePrice: row.basePrice,
        basisKind: row.basisKind,
        listingDays,
      });
  await runTogether(tx, [insertStatement(offerings, row), audit, ...firstTimerStatements(row)]);
  return row.id;
}

/** POST /api/offerings: the seller lists a published listing for listed trading (DOMAIN.md "Pricing routes"). */
export async function createOffering(ctx: AppContext, caller: AuthUser, body: OfferingBody) {
  return ctx.db.transaction(async (tx) => {
    const id = await insertOffering(ctx, tx, caller, body, null);
    return offeringView(ctx, tx, id, caller);
  });
}

/** POST /api/offerings/:id/cancel: the seller withdraws an offering while it is listed. */
export async function cancelOffering(ctx: AppContext, caller: AuthUser, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockOffering(tx, id);
    assertSellerMember(caller, row.sellerOrgId);
    const at = ctx.clock.now().toISOString();
    const step = await stepOffering(
      ctx,
      tx,
      row,
      actorOf(caller),
      { type: 'CANCEL', reason, at },
      { action: 'offering.cancelled' },
    );
    await performEffects(ctx, tx, step);
    return offeringView(ctx, tx, id, caller);
  });
}

/**
 * POST /api/offerings/:id/relist: a lapsed offering offered again as a new one, with its base price and basis as
 * the seller now sets them; the new offering names the old (relistedFrom) and the audit keeps both base prices.
 */
export async function relistOffering(
  ctx: AppContext,
  caller: AuthUser,
  id: string,
  body: Pick<OfferingBody, 'basePrice' | 'basis' | 'listingDays'>,
) {
  return ctx.db.transaction(async (tx) => {
    const old = await lockOffering(tx, id);
    assertSellerMember(caller, old.sellerOrgId);
    if (old.status !== 'lapsed')
      throw new AppError('INVALID_TRANSITION', `Only a lapsed offering can be relisted, not a ${old.status} one`);
    const [again] = await tx.select({ id: offerings.id }).from(offerings).where(eq(offerings.relistedFrom, old.id));
    if (again) throw new AppError('CONFLICT', 'This offering was relisted already', { offeringId: again.id });
    const newId = await insertOffering(
      ctx,
      tx,
      caller,
      {
        listingId: old.listingId,
        form: old.form,
        terms: old.terms as OfferingTerms,
        deposit: old.deposit,
        increment: old.increment,
        basePrice: body.basePrice,
        basis: body.basis,
        listingDays: body.listingDays,
      },
      old,
    );
    return offeringView(ctx, tx, newId, caller);
  });
}
