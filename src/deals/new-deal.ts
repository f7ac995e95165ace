import type { listings } from '../db/schema/listings.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { isPublicInstitution } from '../shared/rewards.js';
import { initialDealSnapshot, type DealForm, type DealInput } from './machines/index.js';
import type { DealRow } from './parties.js';
import { organizationType } from './store/index.js';

type ListingRow = typeof listings.$inferSelect;

/**
 * The row of a deal about to be opened on a listing, by a buyer's inquiry (service.ts) or by a sold offering
 * (market.ts): the machine's initial snapshot from the configuration and the seller's kind, and a copy of the
 * listing as it stands (its confidential details left out: they are shown under the NDA, never copied).
 */
export async function newDealRow(
  ctx: AppContext,
  tx: DbOrTx,
  args: {
    listing: ListingRow;
    form: DealForm;
    buyer: { organizationId: string; userId: string };
    ndaRequired: boolean;
    marketPriced?: DealInput['marketPriced'];
    contractValue: number | null;
  },
): Promise<DealRow> {
  const { listing } = args;
  const init = initialDealSnapshot(args.form, {
    ndaRequired: args.ndaRequired,
    publicInstitutionSeller: isPublicInstitution(await organizationType(tx, listing.organizationId)),
    publicNoticeDays: ctx.config.PUBLIC_NOTICE_DAYS,
    offerTtlDays: ctx.config.OFFER_TTL_DAYS,
    invoiceDueDays: ctx.config.INVOICE_DUE_DAYS,
    currency: 'CNY',
    ipType: listing.ipType,
    ...(args.marketPriced ? { marketPriced: args.marketPriced } : {}),
  });
  const now = ctx.clock.now().toISOString();
  const { confidentialDetails: _secret, ...copy } = listing;
  return {
    id: newId('dl'),
    type: args.form,
    listingId: listing.id,
    listingCopy: copy,
    buyerOrgId: args.buyer.organizationId,
    buyerUserId: args.buyer.userId,
    sellerOrgId: listing.organizationId,
    brokerUserId: null,
    state: init.state,
    machineVersion: init.machineVersion,
    snapshot: init.snapshot,
    version: 0,
    contractValue: args.contractValue,
    signedAt: null,
    closedAt: null,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
}
