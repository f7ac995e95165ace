import { and, eq } from 'drizzle-orm';
import { offeringBids, offeringRegistrations } from '../db/schema/offerings.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { insertStatement } from '../platform/statements.js';
import { formatFen } from '../shared/money.js';
import { stepOffering } from './engine.js';
import { bidRefusal, minNextBid, offeringContextOf } from './machine.js';
import { lockOffering } from './store.js';

export interface BidView {
  seq: number;
  amount: number;
  at: string;
  bidderNo: number;
}

/**
 * POST /api/offerings/:id/bids: a registered buyer with a deposit received bids while the round is open. The
 * offering row is locked for the whole check-and-write, so of two bids at once on the same best the second is
 * checked against the first (which is then the best): exactly one is kept, the other is 409 BID_TOO_LOW.
 */
export async function placeBid(ctx: AppContext, caller: AuthUser, id: string, amount: number): Promise<BidView> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockOffering(tx, id);
    const [reg] = await tx
      .select()
      .from(offeringRegistrations)
      .where(
        and(eq(offeringRegistrations.offeringId, id), eq(offeringRegistrations.buyerOrgId, caller.organizationId)),
      );
    if (!reg || reg.depositReceivedAt === null)
      throw new AppError('FORBIDDEN', 'Only a registered buyer whose deposit was received may bid');
    const context = offeringContextOf(row.snapshot);
    const at = ctx.clock.now().toISOString();
    if (row.status !== 'bidding')
      throw new AppError('INVALID_TRANSITION', `The offering is ${row.status}: bids are taken only while bidding`);
    const refusal = bidRefusal(context, { registrationId: reg.id, amount, at });
    if (refusal === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', 'The bidding round has ended');
    if (refusal === 'FORBIDDEN')
      throw new AppError('FORBIDDEN', 'Only a registered buyer whose deposit was received may bid');
    const min = minNextBid(context);
    if (refusal === 'BID_TOO_LOW')
      throw new AppError(
        'BID_TOO_LOW',
        context.bids.length === 0
          ? `The first bid must be at least the base price of ${formatFen(min)} yuan`
          : `A bid must beat the best by the increment: at least ${formatFen(min)} yuan`,
        { minNextBid: min },
      );
    const seq = context.bids.length + 1;
    await stepOffering(
      ctx,
      tx,
      row,
      { id: caller.id, role: caller.role },
      { type: 'BID', registrationId: reg.id, amount, at },
      { action: 'offering.bid', data: { seq, amount, bidderNo: reg.bidderNo } },
      [
        insertStatement(offeringBids, {
          id: newId('ofb'),
          offeringId: id,
          seq,
          registrationId: reg.id,
          userId: caller.id,
          amount,
          at,
        }),
      ],
    );
    return { seq, amount, at, bidderNo: reg.bidderNo };
  });
}
