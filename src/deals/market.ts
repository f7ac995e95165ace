import { eq } from 'drizzle-orm';
import { listings } from '../db/schema/listings.js';
import { notifyStatement } from '../notifications/service.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { runTogether } from '../platform/statements.js';
import { dealNotice } from '../shared/deal-notices.js';
import { contractValue, type DealTerms } from '../shared/terms.js';
import { idleTimer, listingTitle } from './engine.js';
import type { DealForm } from './machines/index.js';
import { newDealRow } from './new-deal.js';
import type { DealRow } from './parties.js';
import { openDealStatements } from './store/index.js';

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
  const deal = await newDealRow(ctx, tx, {
    listing,
    form: sale.form,
    buyer: { organizationId: sale.buyerOrgId, userId: sale.buyerUserId },
    ndaRequired: false,
    marketPriced: { offeringId: sale.offeringId, price: sale.price, terms: sale.terms },
    contractValue: contractValue(sale.form, sale.terms),
  });
  const { id, state, createdAt: now } = deal;
  const [zh, en] = dealNotice('deal.marketPriced', listingTitle(deal));
  const notice = (side: 'buyer' | 'seller') => ({
    kind: 'deal.update' as const,
    title: zh,
    titleEn: en,
    link: `/deals/${id}`,
    dedupeKey: `deal:${id}:0:${side}`,
    data: { dealId: id, state },
  });
  await runTogether(tx, [
    ...openDealStatements(deal, {
      history: {
        type: 'OPEN_FROM_OFFERING',
        actor: { id: null, role: 'system' },
        fromState: '',
        toState: state,
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
