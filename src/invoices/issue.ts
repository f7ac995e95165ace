import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { dealObligations, deals } from '../db/schema/deals.js';
import { invoiceLines, invoices, type CapturedParty, type InvoiceKindValue } from '../db/schema/invoices.js';
import type { InvoiceKind, InvoiceLine, IssueInvoiceEffect } from '../deals/machines/types.js';
import { notifyStatement } from '../notifications/service.js';
import { auditStatement, SYSTEM_ACTOR, type Actor } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx, Tx } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { formatFen } from '../platform/money.js';
import { runTogether } from '../platform/statements.js';
import { scheduleTimerStatement } from '../platform/timers.js';
import { DEFAULT_TAX_RATES_BP, priceLines, type LineInput, type LineKind } from './tax.js';

export interface IssueSpec {
  /** Given when the caller's own writes (`alongside`) reference the new invoice. */
  id?: string;
  kind: InvoiceKindValue;
  dealId: string | null;
  ref: string | null;
  replacesInvoiceId?: string | null;
  issuerOrgId: string;
  recipientOrgId: string;
  lines: LineInput[];
  dueAt: string;
  actor: Actor;
}

/** The organizations' invoicing details as they stand now, to be written into the invoice for good. */
async function captureParties(tx: DbOrTx, issuerOrgId: string, recipientOrgId: string): Promise<{ issuer: CapturedParty; recipient: CapturedParty }> {
  const rows = await tx.select().from(organizations).where(inArray(organizations.id, [issuerOrgId, recipientOrgId]));
  const capture = (id: string): CapturedParty => {
    const o = rows.find((r) => r.id === id);
    if (!o) throw new Error(`organization ${id} does not exist`);
    return { organizationId: o.id, name: o.name, taxId: o.taxId, address: o.address, bankName: o.bankName, bankAccount: o.bankAccount };
  };
  return { issuer: capture(issuerOrgId), recipient: capture(recipientOrgId) };
}

/**
 * Issues an invoice inside the caller's transaction: prices the lines once (tax.ts), captures both parties,
 * stores the lines, schedules the overdue timer, audits and tells the recipient, with the caller's own writes
 * about it (`alongside`, which may reference the new invoice's id). Returns the invoice's id. Its number is given
 * by the database as the transaction commits (numbering.ts): until then the row holds a 'pending:' placeholder.
 */
export async function issueInvoice(ctx: AppContext, tx: Tx, spec: IssueSpec, alongside: SQL[] = []): Promise<string> {
  // The rates table is tax.ts's (written as data, citing the law), with TAX_RATES_BP overrides from the
  // configuration; a line is priced once, here.
  const priced = priceLines(spec.lines, { ...DEFAULT_TAX_RATES_BP, ...ctx.config.taxRateOverrides });
  if (priced.total <= 0) throw new Error('an invoice must be for a positive amount');
  const parties = await captureParties(tx, spec.issuerOrgId, spec.recipientOrgId);
  const id = spec.id ?? newId('inv');
  const dueAt = new Date(spec.dueAt).toISOString();
  // The invoice, its lines, its overdue timer, the audit record and the notice: one statement.
  await runTogether(tx, [
    tx.insert(invoices).values({
      id, kind: spec.kind, dealId: spec.dealId, ref: spec.ref, replacesInvoiceId: spec.replacesInvoiceId ?? null,
      issuerOrgId: spec.issuerOrgId, recipientOrgId: spec.recipientOrgId, ...parties,
      subtotal: priced.subtotal, tax: priced.tax, total: priced.total,
      issuedAt: ctx.clock.now().toISOString(), dueAt, issuedBy: spec.actor.id,
    }).getSQL(),
    tx.insert(invoiceLines).values(priced.lines.map((l, position) => ({
      invoiceId: id, position, kind: l.kind, description: l.description, amount: l.amount, taxRateBp: l.taxRateBp, taxAmount: l.taxAmount,
    }))).getSQL(),
    scheduleTimerStatement({ subject: 'invoice', subjectId: id, name: 'overdue', dueAt }),
    auditStatement(spec.actor, 'invoice.issued', 'invoice', id, {
      dealId: spec.dealId, ref: spec.ref, total: priced.total, replaces: spec.replacesInvoiceId ?? null,
    }),
    notifyStatement({ organizationId: spec.recipientOrgId }, {
      // The number is given at commit; the notice names the issuer and the amount, and links to the invoice.
      kind: 'invoice.issued', title: `收到付款通知书：${parties.issuer.name}，${formatFen(priced.total)}`, titleEn: `Invoice from ${parties.issuer.name}: ${formatFen(priced.total)}`,
      link: `/invoices/${id}`, dedupeKey: `invoice.issued:${id}`, data: { invoiceId: id, dealId: spec.dealId, total: priced.total },
    }),
    ...alongside,
  ]);
  return id;
}

// The engine names what a line is for in contract terms; the money rules price by line kind. Royalties and
// licence milestones are licence fees paid in another shape, so they keep their own line kind on the invoice.
function lineKindFor(kind: InvoiceKind, line: InvoiceLine): LineKind {
  if (kind === 'royalty') return 'royalty';
  if (kind === 'milestone' && line.kind === 'license_fee') return 'milestone';
  return line.kind;
}

type DealRow = typeof deals.$inferSelect;

async function brokerOrganization(tx: Tx, deal: DealRow): Promise<string> {
  if (!deal.brokerUserId) throw new Error(`deal ${deal.id} has no broker to issue a commission invoice`);
  const [broker] = await tx.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, deal.brokerUserId));
  if (!broker) throw new Error(`broker ${deal.brokerUserId} of deal ${deal.id} does not exist`);
  return broker.organizationId;
}

/**
 * Performs a deal engine's issueInvoice effect in the engine's transaction. The obligation row (deal, ref) is
 * unique, so a repeated effect issues nothing and returns the invoice that settles the obligation now.
 */
export async function issueInvoiceForEffect(ctx: AppContext, tx: Tx, deal: DealRow, effect: IssueInvoiceEffect): Promise<string> {
  const [obligation] = await tx.insert(dealObligations)
    .values({ id: newId('obl'), dealId: deal.id, ref: effect.ref, effect })
    .onConflictDoNothing().returning({ id: dealObligations.id });
  if (!obligation) {
    const [existing] = await tx.select({ invoiceId: dealObligations.invoiceId }).from(dealObligations).where(and(eq(dealObligations.dealId, deal.id), eq(dealObligations.ref, effect.ref)));
    if (!existing?.invoiceId) throw new Error(`obligation ${effect.ref} of deal ${deal.id} has no invoice`);
    return existing.invoiceId;
  }
  const id = newId('inv');
  return issueInvoice(ctx, tx, {
    id,
    // Typed as the stored kinds: an engine kind the invoices table does not know fails to compile here.
    kind: effect.kind,
    dealId: deal.id,
    ref: effect.ref,
    issuerOrgId: effect.issuer === 'seller' ? deal.sellerOrgId : await brokerOrganization(tx, deal),
    recipientOrgId: effect.recipient === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId,
    lines: effect.lines.map((l) => ({ kind: lineKindFor(effect.kind, l), description: l.description, amount: l.amount })),
    dueAt: effect.dueAt,
    actor: SYSTEM_ACTOR,
  }, [sql`update deal_obligations set invoice_id = ${id} where id = ${obligation.id}`]);
}
