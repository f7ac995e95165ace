import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { dealObligations, type deals } from '../db/schema/deals.js';
import { invoiceLines, invoices, type CapturedParty, type InvoiceKindValue } from '../db/schema/invoices.js';
import { isContractRegistered } from '../deals/machines/index.js';
import type { InvoiceKind, InvoiceLine, IssueInvoiceEffect } from '../deals/machines/types.js';
import { notifyStatement } from '../notifications/service.js';
import { auditStatement, SYSTEM_ACTOR, type Actor } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { queryRows, type DbOrTx, type Tx } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { insertStatement, runStatement, togetherStatement, updateStatement } from '../platform/statements.js';
import { scheduleTimerStatement } from '../platform/timers.js';
import { DEFAULT_TAX_RATES_BP, priceLines, type LineInput, type LineKind } from './tax.js';
import { notificationText } from '../notifications/texts.js';

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
  /** Whether the deal's contract is registered: the fact the lines' tax treatment follows (tax.ts). */
  contractRegistered: boolean;
  dueAt: string;
  actor: Actor;
}

/**
 * The one answer to "is this invoice's contract registered?" for every issuer (the deal engine, the admin, the
 * reissue on registration). An invoice of no deal has no registered technology contract the platform knows of, so
 * its technology lines carry the standard rate: the exemption needs the registration (财税〔2016〕36号 附件3).
 */
export function contractRegisteredFor(deal: Pick<DealRow, 'snapshot'> | null | undefined): boolean {
  return deal ? isContractRegistered(deal.snapshot) : false;
}

/** The query for the organizations' invoicing details as they stand now (capturedParties reads its rows). */
export const partiesQuery = (db: DbOrTx, issuerOrgId: string, recipientOrgId: string) =>
  db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [issuerOrgId, recipientOrgId]));

export interface Parties {
  issuer: CapturedParty;
  recipient: CapturedParty;
}

/** The details to write into the invoice for good, from partiesQuery's rows. */
export function capturedParties(
  rows: (typeof organizations.$inferSelect)[],
  issuerOrgId: string,
  recipientOrgId: string,
): Parties {
  const capture = (id: string): CapturedParty => {
    const o = rows.find((r) => r.id === id);
    if (!o) throw new Error(`organization ${id} does not exist`);
    return {
      organizationId: o.id,
      name: o.name,
      taxId: o.taxId,
      address: o.address,
      bankName: o.bankName,
      bankAccount: o.bankAccount,
    };
  };
  return { issuer: capture(issuerOrgId), recipient: capture(recipientOrgId) };
}

/**
 * The one statement that issues an invoice once its parties are captured: prices the lines once (tax.ts), stores
 * the invoice and its lines, schedules the overdue timer, audits and tells the recipient, with the caller's own
 * writes about it (`alongside`, which may reference the invoice's id).
 */
export function issueStatement(
  ctx: AppContext,
  db: DbOrTx,
  spec: IssueSpec & { id: string },
  parties: Parties,
  alongside: SQL[] = [],
): SQL {
  // The rates table is tax.ts's (written as data, citing the law), with TAX_RATES_BP overrides from the
  // configuration; a line is priced once, here.
  const priced = priceLines(spec.lines, spec.contractRegistered, {
    ...DEFAULT_TAX_RATES_BP,
    ...ctx.config.taxRateOverrides,
  });
  if (priced.total <= 0) throw new Error('an invoice must be for a positive amount');
  const { id } = spec;
  const dueAt = new Date(spec.dueAt).toISOString();
  return togetherStatement([
    db
      .insert(invoices)
      .values({
        id,
        kind: spec.kind,
        dealId: spec.dealId,
        ref: spec.ref,
        replacesInvoiceId: spec.replacesInvoiceId ?? null,
        issuerOrgId: spec.issuerOrgId,
        recipientOrgId: spec.recipientOrgId,
        ...parties,
        subtotal: priced.subtotal,
        tax: priced.tax,
        total: priced.total,
        issuedAt: ctx.clock.now().toISOString(),
        dueAt,
        issuedBy: spec.actor.id,
      })
      .getSQL(),
    db
      .insert(invoiceLines)
      .values(
        priced.lines.map((l, position) => ({
          invoiceId: id,
          position,
          kind: l.kind,
          description: l.description,
          amount: l.amount,
          taxTreatment: l.taxTreatment,
          taxRateBp: l.taxRateBp,
          taxAmount: l.taxAmount,
        })),
      )
      .getSQL(),
    scheduleTimerStatement({ subject: 'invoice', subjectId: id, name: 'overdue', dueAt }),
    auditStatement(spec.actor, 'invoice.issued', 'invoice', id, {
      dealId: spec.dealId,
      ref: spec.ref,
      total: priced.total,
      replaces: spec.replacesInvoiceId ?? null,
    }),
    notifyStatement(
      { organizationId: spec.recipientOrgId },
      {
        // The number is given at commit; the notice names the issuer and the amount, and links to the invoice.
        ...notificationText('invoice.issued', { issuer: parties.issuer.name, total: priced.total }),
        link: `/invoices/${id}`,
        dedupeKey: `invoice.issued:${id}`,
        data: { invoiceId: id, dealId: spec.dealId, total: priced.total },
      },
    ),
    ...alongside,
  ]);
}

/**
 * Issues an invoice inside the caller's transaction: captures both parties, then writes it all as one statement
 * (issueStatement). Returns the invoice's id. Its number is given by the database as the transaction commits
 * (numbering.ts): until then the row holds a 'pending:' placeholder.
 */
export async function issueInvoice(ctx: AppContext, tx: Tx, spec: IssueSpec, alongside: SQL[] = []): Promise<string> {
  const id = spec.id ?? newId('inv');
  const parties = capturedParties(
    await partiesQuery(tx, spec.issuerOrgId, spec.recipientOrgId),
    spec.issuerOrgId,
    spec.recipientOrgId,
  );
  await runStatement(tx, issueStatement(ctx, tx, { ...spec, id }, parties, alongside));
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
  const [broker] = await tx
    .select({ organizationId: users.organizationId })
    .from(users)
    .where(eq(users.id, deal.brokerUserId));
  if (!broker) throw new Error(`broker ${deal.brokerUserId} of deal ${deal.id} does not exist`);
  return broker.organizationId;
}

/** What an effect's invoice writes: its obligation row (unique per deal and ref), then the invoice and the link. */
export interface EffectInvoice {
  obligation: SQL;
  spec: IssueSpec & { id: string };
  alongside: SQL[];
}

export function effectInvoice(deal: DealRow, effect: IssueInvoiceEffect, issuerOrgId: string): EffectInvoice {
  const obligationId = newId('obl');
  const id = newId('inv');
  return {
    obligation: sql`${insertStatement(dealObligations, { id: obligationId, dealId: deal.id, ref: effect.ref, effect })}
      on conflict do nothing returning id`,
    spec: {
      id,
      // Typed as the stored kinds: an engine kind the invoices table does not know fails to compile here.
      kind: effect.kind,
      dealId: deal.id,
      ref: effect.ref,
      issuerOrgId,
      recipientOrgId: effect.recipient === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId,
      lines: effect.lines.map((l) => ({
        kind: lineKindFor(effect.kind, l),
        description: l.description,
        amount: l.amount,
      })),
      contractRegistered: contractRegisteredFor(deal),
      dueAt: effect.dueAt,
      actor: SYSTEM_ACTOR,
    },
    alongside: [updateStatement(dealObligations, { invoiceId: id }, { id: obligationId })],
  };
}

/**
 * Performs a deal engine's issueInvoice effect in the engine's transaction. The obligation row (deal, ref) is
 * unique, so a repeated effect issues nothing and returns the invoice that settles the obligation now.
 */
export async function issueInvoiceForEffect(
  ctx: AppContext,
  tx: Tx,
  deal: DealRow,
  effect: IssueInvoiceEffect,
): Promise<string> {
  const plan = effectInvoice(
    deal,
    effect,
    effect.issuer === 'seller' ? deal.sellerOrgId : await brokerOrganization(tx, deal),
  );
  const [obligation] = await queryRows(tx, plan.obligation);
  if (!obligation) {
    const [existing] = await tx
      .select({ invoiceId: dealObligations.invoiceId })
      .from(dealObligations)
      .where(and(eq(dealObligations.dealId, deal.id), eq(dealObligations.ref, effect.ref)));
    if (!existing?.invoiceId) throw new Error(`obligation ${effect.ref} of deal ${deal.id} has no invoice`);
    return existing.invoiceId;
  }
  return issueInvoice(ctx, tx, plan.spec, plan.alongside);
}
