import { eq } from 'drizzle-orm';
import { listings } from '../db/schema/listings.js';
import { notifyStatement } from '../notifications/service.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { runTogether } from '../platform/statements.js';
import { dealNotice } from '../shared/deal-notices.js';
import { isPublicInstitution } from '../shared/rewards.js';
import { contractValue, type DealTerms } from '../shared/terms.js';
import { idleTimer, listingTitle } from './engine.js';
import { initialDealSnapshot, type DealForm } from './machines/index.js';
import type { DealRow } from './parties.js';
import { openDealStatements, organizationType } from './store/index.js';

export interface MarketSale {
  offeringId: string;
  listingId: string;
  form: Extract<DealForm, 'license' | 'transfer'>;
  buyerOrgId: string;
  buyerUserId: string;
  price: number;
  terms: DealTerms;
}

/**
 * The deal of a sold offering (DOMAIN.md "Pricing routes"): opened by the system in the offering's settling
 * transaction, on the machine's market-priced entry — the terms agreed, the price fixed, straight into
 * `contracting` with no public notice (the market formed the price). Its history's first entry names the offering.
 */
export async function openMarketPricedDeal(ctx: AppContext, tx: DbOrTx, sale: MarketSale): Promise<DealRow> {
  const [listing] = await tx.select().from(listings).where(eq(listings.id, sale.listingId));
  const init = initialDealSnapshot(sale.form, {
    ndaRequired: false,
    publicInstitutionSeller: isPublicInstitution(await organizationType(tx, listing.organizationId)),
    publicNoticeDays: ctx.config.PUBLIC_NOTICE_DAYS,
    offerTtlDays: ctx.config.OFFER_TTL_DAYS,
    invoiceDueDays: ctx.config.INVOICE_DUE_DAYS,
    currency: 'CNY',
    ipType: listing.ipType,
    marketPriced: { offeringId: sale.offeringId, price: sale.price, terms: sale.terms },
  });
  const now = ctx.clock.now().toISOString();
  const id = newId('dl');
  const { confidentialDetails: _secret, ...copy } = listing;
  const deal: DealRow = {
    id,
    type: sale.form,
    listingId: listing.id,
    listingCopy: copy,
    buyerOrgId: sale.buyerOrgId,
    buyerUserId: sale.buyerUserId,
    sellerOrgId: listing.organizationId,
    brokerUserId: null,
    state: init.state,
    machineVersion: init.machineVersion,
    snapshot: init.snapshot,
    version: 0,
    contractValue: contractValue(sale.form, sale.terms),
    signedAt: null,
    closedAt: null,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const [zh, en] = dealNotice('deal.marketPriced', listingTitle(deal));
  const notice = (side: 'buyer' | 'seller') => ({
    kind: 'deal.update' as const,
    title: zh,
    titleEn: en,
    link: `/deals/${id}`,
    dedupeKey: `deal:${id}:0:${side}`,
    data: { dealId: id, state: init.state },
  });
  await runTogether(tx, [
    ...openDealStatements(deal, {
      history: {
        type: 'OPEN_FROM_OFFERING',
        actor: { id: null, role: 'system' },
        fromState: '',
        toState: init.state,
        payload: { offeringId: sale.offeringId, price: sale.price, pricingRoute: 'listed_trading' },
        at: now,
      },
      message: null,
      audit: { listingId: listing.id, type: sale.form, offeringId: sale.offeringId, price: sale.price },
      notice: { to: { organizationId: listing.organizationId }, notice: notice('seller') },
      idle: idleTimer(ctx, false),
    }),
    notifyStatement({ organizationId: sale.buyerOrgId }, notice('buyer')),
  ]);
  return deal;
}
