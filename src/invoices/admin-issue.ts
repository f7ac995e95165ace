import { and, eq, inArray } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { dealObligations, deals } from '../db/schema/deals.js';
import { invoices } from '../db/schema/invoices.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError, validationFailed, type FieldError } from '../platform/errors.js';
import { contractRegisteredFor, issueInvoice } from './issue.js';
import { assignInvoiceNumberNow } from './numbering.js';
import type { LineKind } from './tax.js';
import { invoiceView, type InvoiceRow, type InvoiceView } from './view.js';

type DealRow = typeof deals.$inferSelect;

/** A replacement takes over the deal obligation of the void invoice it replaces, so paying it moves the deal on. */
export async function inheritObligation(tx: Tx, replaced: InvoiceRow, replacementId: string): Promise<void> {
  if (!replaced.ref || !replaced.dealId) return;
  await tx
    .update(dealObligations)
    .set({ invoiceId: replacementId })
    .where(and(eq(dealObligations.dealId, replaced.dealId), eq(dealObligations.ref, replaced.ref)));
}

export interface AdminIssueInput {
  dealId?: string;
  issuerOrganizationId: string;
  recipientOrganizationId: string;
  lines: { kind: Exclude<LineKind, 'voucher'>; description: string; amount: number }[];
  dueAt: string;
  replacesInvoiceId?: string;
}

// The deal row is read FOR SHARE: a concurrent REGISTER_CONTRACT (which updates it) is waited for, so this invoice
// is priced by the registration as committed, and the registration's reissue sees this invoice once it commits.
async function dealParties(tx: Tx, dealId: string): Promise<{ deal: DealRow; orgs: string[] } | null> {
  const [deal] = await tx.select().from(deals).where(eq(deals.id, dealId)).for('share');
  if (!deal) return null;
  const orgs = [deal.buyerOrgId, deal.sellerOrgId];
  if (deal.brokerUserId) {
    const [broker] = await tx
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(users.id, deal.brokerUserId));
    if (broker) orgs.push(broker.organizationId);
  }
  return { deal, orgs };
}

/**
 * An invoice issued by the bureau by hand (POST /api/invoices): for a service outside the deal engine, or to
 * correct one. A correction names the void invoice it replaces; the new one inherits its deal obligation, so
 * paying it moves the deal on as paying the original would have.
 */
export async function issueInvoiceByAdmin(
  ctx: AppContext,
  tx: Tx,
  admin: AuthUser,
  input: AdminIssueInput,
): Promise<InvoiceView> {
  const problems: FieldError[] = [];
  const { issuerOrganizationId: issuerOrgId, recipientOrganizationId: recipientOrgId } = input;
  if (issuerOrgId === recipientOrgId)
    problems.push({ path: 'body.recipientOrganizationId', message: 'must differ from the issuer' });
  if (new Date(input.dueAt).getTime() <= ctx.clock.now().getTime())
    problems.push({ path: 'body.dueAt', message: 'must be in the future' });
  const found = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.id, [issuerOrgId, recipientOrgId]));
  if (!found.some((o) => o.id === issuerOrgId))
    problems.push({ path: 'body.issuerOrganizationId', message: 'no such organization' });
  if (!found.some((o) => o.id === recipientOrgId))
    problems.push({ path: 'body.recipientOrganizationId', message: 'no such organization' });

  let replaced: InvoiceRow | undefined;
  if (input.replacesInvoiceId) {
    [replaced] = await tx.select().from(invoices).where(eq(invoices.id, input.replacesInvoiceId)).for('update');
    if (!replaced) problems.push({ path: 'body.replacesInvoiceId', message: 'no such invoice' });
    else if (input.dealId && input.dealId !== replaced.dealId)
      problems.push({ path: 'body.dealId', message: 'must be the deal of the invoice it replaces' });
  }
  const dealId = input.dealId ?? replaced?.dealId ?? null;
  let deal: DealRow | null = null;
  if (dealId) {
    const found = await dealParties(tx, dealId);
    const parties = found?.orgs;
    deal = found?.deal ?? null;
    if (!parties) problems.push({ path: 'body.dealId', message: 'no such deal' });
    else {
      if (!parties.includes(issuerOrgId))
        problems.push({ path: 'body.issuerOrganizationId', message: 'is not a party of the deal' });
      if (!parties.includes(recipientOrgId))
        problems.push({ path: 'body.recipientOrganizationId', message: 'is not a party of the deal' });
    }
  }
  if (problems.length) throw validationFailed(problems);

  if (replaced) {
    if (replaced.status !== 'void')
      throw new AppError(
        'CONFLICT',
        `Invoice ${replaced.number} is ${replaced.status}: only a void invoice can be replaced`,
      );
    const [already] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(eq(invoices.replacesInvoiceId, replaced.id));
    if (already) throw new AppError('CONFLICT', `Invoice ${replaced.number} was already replaced by ${already.number}`);
  }
  const id = await issueInvoice(ctx, tx, {
    kind: replaced?.kind ?? 'manual',
    dealId,
    ref: replaced?.ref ?? null,
    replacesInvoiceId: replaced?.id ?? null,
    issuerOrgId,
    recipientOrgId,
    lines: input.lines.map((l) => ({ ...l, description: l.description.trim() })),
    contractRegistered: contractRegisteredFor(deal),
    dueAt: input.dueAt,
    actor: { id: admin.id, role: admin.role },
  });
  if (replaced) await inheritObligation(tx, replaced, id);
  // The answer (and its idempotent replay) shows the number: take it now rather than at commit.
  await assignInvoiceNumberNow(tx, id);
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, id));
  return invoiceView(tx, row);
}
