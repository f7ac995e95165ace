import { and, asc, eq } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { deals } from '../db/schema/deals.js';
import { inventorRewards } from '../db/schema/rewards.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { chinaDate } from '../shared/china-time.js';
import type { RewardView } from './schemas.js';

type RewardRow = typeof inventorRewards.$inferSelect;

export function rewardView(r: RewardRow): RewardView {
  return {
    id: r.id,
    dealId: r.dealId,
    invoiceId: r.invoiceId,
    paymentId: r.paymentId,
    inventorName: r.inventorName,
    shareBp: r.shareBp,
    income: r.income,
    rateBp: r.rateBp,
    amount: r.amount,
    publicFrom: r.publicFrom,
    publicUntil: r.publicUntil,
    status: r.paidOn ? 'paid' : 'owed',
    paidOn: r.paidOn,
    reference: r.paidReference,
    createdAt: r.createdAt,
  };
}

/** An active member of the organization (a removed member is disabled and sees nothing of it). */
async function isMemberOf(db: DbOrTx, caller: AuthUser, organizationId: string): Promise<boolean> {
  if (caller.organizationId !== organizationId) return false;
  const [me] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, caller.id));
  return !!me && !me.disabled;
}

/**
 * GET /api/deals/:id/rewards: the rewards the seller owes on this deal. The reward publicity is within the unit,
 * so only the seller's members and admins see them; to anyone else the deal's rewards do not exist (404).
 */
export async function dealRewards(ctx: AppContext, caller: AuthUser, dealId: string) {
  const [deal] = await ctx.db.select({ sellerOrgId: deals.sellerOrgId }).from(deals).where(eq(deals.id, dealId));
  if (!deal || (caller.role !== 'admin' && !(await isMemberOf(ctx.db, caller, deal.sellerOrgId))))
    throw notFound('Deal');
  const rows = await ctx.db
    .select()
    .from(inventorRewards)
    .where(eq(inventorRewards.dealId, dealId))
    .orderBy(asc(inventorRewards.createdAt), asc(inventorRewards.paymentId), asc(inventorRewards.position));
  const items = rows.map(rewardView);
  const sum = (status: RewardView['status']) =>
    items.filter((i) => i.status === status).reduce((s, i) => s + i.amount, 0);
  return { items, totals: { owed: sum('owed'), paid: sum('paid') } };
}

export interface RewardPaymentInput {
  paidOn: string;
  reference: string;
}

/**
 * POST /api/rewards/:id/payments: the seller's member marks a reward paid. Idempotent: the same date and
 * reference again answer the reward as it is; other data for a paid reward is 409. The row is locked, so two
 * marks at once are decided one after the other. Admins see rewards but do not pay them (403).
 */
export async function markRewardPaid(ctx: AppContext, caller: AuthUser, rewardId: string, input: RewardPaymentInput) {
  const reference = input.reference.trim();
  if (input.paidOn > chinaDate(ctx.clock.now()))
    throw validationFailed([{ path: 'body.paidOn', message: 'must not be after today (China time)' }]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(inventorRewards).where(eq(inventorRewards.id, rewardId)).for('update');
    const member = !!row && (await isMemberOf(tx, caller, row.organizationId));
    if (!row || (!member && caller.role !== 'admin')) throw notFound('Reward');
    if (!member) throw new AppError('FORBIDDEN', "Only the seller's members mark a reward paid");
    if (row.paidOn) {
      if (row.paidOn === input.paidOn && row.paidReference === reference) return rewardView(row);
      throw new AppError('CONFLICT', `This reward was already marked paid on ${row.paidOn} (${row.paidReference})`, {
        paidOn: row.paidOn,
        reference: row.paidReference,
      });
    }
    const [updated] = await tx
      .update(inventorRewards)
      .set({
        paidOn: input.paidOn,
        paidReference: reference,
        paidBy: caller.id,
        paidRecordedAt: ctx.clock.now().toISOString(),
      })
      .where(and(eq(inventorRewards.id, row.id)))
      .returning();
    await audit(tx, caller, 'reward.paid', 'reward', row.id, {
      dealId: row.dealId,
      inventorName: row.inventorName,
      amount: row.amount,
      paidOn: input.paidOn,
      reference,
    });
    return rewardView(updated);
  });
}

/**
 * PATCH /api/organizations/:id/settings: the unit's reward rate (its own rule, Law Art. 44), set by its manager
 * or an admin. It applies to payments recorded from now on; rewards already owed keep the rate they were owed at.
 */
export async function setRewardRate(ctx: AppContext, caller: AuthUser, orgId: string, rewardRateBp: number) {
  return ctx.db.transaction(async (tx) => {
    const [me] = await tx.select().from(users).where(eq(users.id, caller.id));
    const member = !!me && !me.disabled && me.organizationId === orgId;
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
    if (!org || (!member && caller.role !== 'admin')) throw notFound('Organization');
    if (caller.role !== 'admin' && me.orgRole !== 'manager')
      throw new AppError('FORBIDDEN', "Only the organization's managers or an admin set its reward rate");
    await tx
      .update(organizations)
      .set({ rewardRateBp, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(organizations.id, orgId));
    await audit(tx, caller, 'organization.reward_rate_set', 'organization', orgId, {
      from: org.rewardRateBp,
      to: rewardRateBp,
    });
    return { organizationId: orgId, rewardRateBp };
  });
}
