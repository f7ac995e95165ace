import { eq } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { BANK_ACCOUNT_DIGITS, isUscc, normalizeAccountNumber } from '../shared/billing.js';
import { standing } from './team.js';

// An organization's billing details (issue #22): its tax id and the bank account the invoices it issues are
// paid into. Members and admins read them; only the organization's managers change them.

export interface BillingInput {
  taxId: string;
  bankName: string;
  bankAccount: string;
  bankAccountName: string;
}

type OrgRow = typeof organizations.$inferSelect;
const billingView = (o: OrgRow) => ({
  organizationId: o.id,
  taxId: o.taxId,
  bankName: o.bankName,
  bankAccount: o.bankAccount,
  bankAccountName: o.bankAccountName,
});

export async function getBilling(ctx: AppContext, who: AuthUser, orgId: string) {
  return billingView(await standing(ctx.db, who, orgId, 'member'));
}

/** The details as stored: the tax id upper-cased and checked (GB 32100-2015), the account number as digits. */
export function normalizeBilling(input: BillingInput): BillingInput {
  const taxId = input.taxId.trim().toUpperCase();
  const bankAccount = normalizeAccountNumber(input.bankAccount);
  const errors = [];
  if (!isUscc(taxId))
    errors.push({ path: 'body.taxId', message: 'must be an 18-character unified social credit code (GB 32100-2015)' });
  if (bankAccount.length < BANK_ACCOUNT_DIGITS.min || bankAccount.length > BANK_ACCOUNT_DIGITS.max)
    errors.push({
      path: 'body.bankAccount',
      message: `must have ${BANK_ACCOUNT_DIGITS.min}–${BANK_ACCOUNT_DIGITS.max} digits`,
    });
  if (errors.length) throw validationFailed(errors);
  return { taxId, bankAccount, bankName: input.bankName.trim(), bankAccountName: input.bankAccountName.trim() };
}

export async function updateBilling(ctx: AppContext, who: AuthUser, orgId: string, input: BillingInput) {
  const details = normalizeBilling(input);
  return ctx.db.transaction(async (tx) => {
    await standing(tx, who, orgId, 'manager');
    const [updated] = await tx
      .update(organizations)
      .set({ ...details, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(organizations.id, orgId))
      .returning();
    // The account number is money's destination: the trail keeps it, so a changed account can be traced.
    await audit(tx, who, 'organization.billing_updated', 'organization', orgId, { ...details });
    return billingView(updated);
  });
}
