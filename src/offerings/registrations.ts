import { and, eq } from 'drizzle-orm';
import { offeringRegistrations } from '../db/schema/offerings.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { insertStatement, updateStatement } from '../platform/statements.js';
import { ROLE_ORG_TYPES, type OrganizationType } from '../shared/accounts.js';
import { offeringNoticeStatement, stepOffering } from './engine.js';
import { lockOffering, orgName, orgType, type RegistrationRow } from './store.js';
import { listingTitleOf } from './settle.js';

export interface RegistrationView {
  id: string;
  bidderNo: number;
  buyer: { orgId: string; name: string };
  registeredAt: string;
  depositReference: string | null;
  depositReceivedAt: string | null;
  refundDue: boolean;
}

export const registrationView = (r: RegistrationRow, name: string): RegistrationView => ({
  id: r.id,
  bidderNo: r.bidderNo,
  buyer: { orgId: r.buyerOrgId, name },
  registeredAt: r.registeredAt,
  depositReference: r.depositReference,
  depositReceivedAt: r.depositReceivedAt,
  refundDue: r.refundDue,
});

/**
 * POST /api/offerings/:id/registrations: an intended buyer (意向受让方) registers while the offering is listed.
 * Only members of an organization that may buy (ROLE_ORG_TYPES.buyer: not an agency, not the bureau) register,
 * and never the seller's own organization.
 */
export async function registerBuyer(ctx: AppContext, caller: AuthUser, id: string): Promise<RegistrationView> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockOffering(tx, id);
    const type = (await orgType(tx, caller.organizationId)) as OrganizationType;
    const buyerCapable = caller.role !== 'admin' && caller.role !== 'broker' && ROLE_ORG_TYPES.buyer.includes(type);
    if (!buyerCapable || caller.organizationId === row.sellerOrgId)
      throw new AppError('FORBIDDEN', "Only a buyer organization's members may register, never the seller's");
    const [existing] = await tx
      .select({ id: offeringRegistrations.id })
      .from(offeringRegistrations)
      .where(
        and(eq(offeringRegistrations.offeringId, id), eq(offeringRegistrations.buyerOrgId, caller.organizationId)),
      );
    if (existing)
      throw new AppError('CONFLICT', 'Your organization is registered for this offering already', {
        registrationId: existing.id,
      });
    const at = ctx.clock.now().toISOString();
    const regId = newId('ofr');
    const bidderNo = countRegistrations(row.snapshot) + 1;
    const reg: RegistrationRow = {
      id: regId,
      offeringId: id,
      buyerOrgId: caller.organizationId,
      userId: caller.id,
      bidderNo,
      registeredAt: at,
      depositReference: null,
      depositReceivedAt: null,
      depositRecordedBy: null,
      refundDue: false,
    };
    const title = await listingTitleOf(tx, row.listingId);
    await stepOffering(
      ctx,
      tx,
      row,
      { id: caller.id, role: caller.role },
      { type: 'REGISTER', registrationId: regId, orgId: caller.organizationId, at },
      { action: 'offering.registered', data: { registrationId: regId, bidderNo, buyerOrgId: caller.organizationId } },
      [
        insertStatement(offeringRegistrations, reg),
        offeringNoticeStatement(row, row.sellerOrgId, 'offering.registered', title, `reg:${regId}`),
      ],
    );
    return registrationView(reg, await orgName(tx, caller.organizationId));
  });
}

const countRegistrations = (snapshot: unknown) =>
  (snapshot as { context: { registrations: unknown[] } }).context.registrations.length;

/** POST /api/offerings/:id/registrations/:rid/deposit: the seller's member or the admin records a deposit received. */
export async function recordDeposit(
  ctx: AppContext,
  caller: AuthUser,
  id: string,
  rid: string,
  reference: string,
): Promise<RegistrationView> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockOffering(tx, id);
    if (caller.role !== 'admin' && caller.organizationId !== row.sellerOrgId)
      throw new AppError('FORBIDDEN', "Only the seller's members or the admin record deposits");
    const [reg] = await tx.select().from(offeringRegistrations).where(eq(offeringRegistrations.id, rid));
    if (!reg || reg.offeringId !== id) throw notFound('Registration');
    if (reg.depositReceivedAt !== null)
      throw new AppError('CONFLICT', 'This deposit was recorded already', { depositReceivedAt: reg.depositReceivedAt });
    const at = ctx.clock.now().toISOString();
    const title = await listingTitleOf(tx, row.listingId);
    const updated = { ...reg, depositReference: reference, depositReceivedAt: at, depositRecordedBy: caller.id };
    await stepOffering(
      ctx,
      tx,
      row,
      { id: caller.id, role: caller.role },
      { type: 'RECORD_DEPOSIT', registrationId: rid, at },
      { action: 'offering.deposit_recorded', data: { registrationId: rid, reference } },
      [
        updateStatement(
          offeringRegistrations,
          { depositReference: reference, depositReceivedAt: at, depositRecordedBy: caller.id },
          { id: rid },
        ),
        offeringNoticeStatement(row, reg.buyerOrgId, 'offering.depositRecorded', title, `deposit:${rid}`),
      ],
    );
    return registrationView(updated, await orgName(tx, reg.buyerOrgId));
  });
}
