import { eq, inArray } from 'drizzle-orm';
import { listings } from '../db/schema/listings.js';
import { offeringRegistrations, offerings } from '../db/schema/offerings.js';
import { openMarketPricedDeal } from '../deals/market.js';
import { auditStatement, SYSTEM_ACTOR } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { runTogether, updateStatement } from '../platform/statements.js';
import { dealTermsAt, type OfferingForm, type OfferingTerms } from '../shared/offering.js';
import { offeringNoticeStatement, type Step } from './engine.js';
import type { OfferingEffect } from './machine.js';

// What a step's effects do besides the offering's own row: the winner's deal, the refunds due, the notices.

export async function listingTitleOf(db: DbOrTx, listingId: string): Promise<string> {
  const [l] = await db.select({ title: listings.title }).from(listings).where(eq(listings.id, listingId));
  return l?.title ?? listingId;
}

/** Performs the effects of a step, in its transaction. Returns the offering as it stands after them. */
export async function performEffects(ctx: AppContext, tx: DbOrTx, step: Step): Promise<Step> {
  let current = step;
  for (const effect of step.context.effects) current = await perform(ctx, tx, current, effect);
  return current;
}

async function perform(ctx: AppContext, tx: DbOrTx, step: Step, effect: OfferingEffect): Promise<Step> {
  const { row, context } = step;
  const title = await listingTitleOf(tx, row.listingId);
  const regs = context.registrations;
  const depositorIds = regs.filter((r) => r.depositReceivedAt !== null).map((r) => r.id);
  switch (effect.type) {
    case 'scheduleTimer':
      return step;
    case 'biddingStarted':
      await runTogether(
        tx,
        regs
          .filter((r) => r.depositReceivedAt !== null)
          .map((r) => offeringNoticeStatement(row, r.orgId, 'offering.biddingStarted', title, 'bidding')),
      );
      return step;
    case 'closed': {
      await markRefunds(tx, depositorIds, null);
      const notice = effect.outcome === 'lapsed' ? 'offering.lapsed' : 'offering.cancelled';
      await runTogether(tx, [
        offeringNoticeStatement(row, row.sellerOrgId, notice, title, effect.outcome),
        ...regs.map((r) => offeringNoticeStatement(row, r.orgId, notice, title, effect.outcome)),
      ]);
      return step;
    }
    case 'settle': {
      const winner = regs.find((r) => r.id === effect.registrationId)!;
      const [reg] = await tx
        .select({ userId: offeringRegistrations.userId })
        .from(offeringRegistrations)
        .where(eq(offeringRegistrations.id, winner.id));
      const deal = await openMarketPricedDeal(ctx, tx, {
        offeringId: row.id,
        listingId: row.listingId,
        form: row.form,
        buyerOrgId: winner.orgId,
        buyerUserId: reg.userId,
        price: effect.price,
        terms: dealTermsAt(row.form as OfferingForm, row.terms as OfferingTerms, effect.price),
      });
      await markRefunds(tx, depositorIds, winner.id);
      await runTogether(tx, [
        updateStatement(offerings, { dealId: deal.id }, { id: row.id }),
        auditStatement(SYSTEM_ACTOR, 'offering.deal_opened', 'offering', row.id, {
          dealId: deal.id,
          price: effect.price,
          buyerOrgId: winner.orgId,
        }),
        offeringNoticeStatement(row, winner.orgId, 'offering.won', title, 'sold'),
        offeringNoticeStatement(row, row.sellerOrgId, 'offering.sold', title, 'sold'),
        ...regs
          .filter((r) => r.id !== winner.id)
          .map((r) => offeringNoticeStatement(row, r.orgId, 'offering.lost', title, 'sold')),
      ]);
      return { ...step, row: { ...row, dealId: deal.id } };
    }
  }
}

// The other depositors' deposits are to be refunded (DOMAIN.md); registrations without a deposit have none.
async function markRefunds(tx: DbOrTx, depositorIds: string[], winnerId: string | null) {
  const ids = depositorIds.filter((id) => id !== winnerId);
  if (ids.length > 0)
    await tx.update(offeringRegistrations).set({ refundDue: true }).where(inArray(offeringRegistrations.id, ids));
}
