import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import type { deals } from '../db/schema/deals.js';
import { invoiceLines, invoices } from '../db/schema/invoices.js';
import { paymentAdvices } from '../db/schema/payment-advices.js';
import { dealContextOf } from '../deals/machines/index.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { inheritObligation } from './admin-issue.js';
import { contractRegisteredFor, issueInvoice } from './issue.js';
import { taxTreatment } from './tax.js';
import { voidRow } from './void.js';

type DealRow = typeof deals.$inferSelect;

/** The void reason, in both languages, naming the registration that made the income exempt. */
export const registrationVoidReason = (registrationNo: string) =>
  `技术合同已认定登记（登记号 ${registrationNo}），原按标准税率开具，作废并按免税重新开具。` +
  ` / The contract was registered as a technology contract (no. ${registrationNo}): this invoice, issued at the` +
  ' standard VAT rate, is void and reissued as VAT-exempt.';

/**
 * When a deal's contract is registered (技术合同认定登记), its technology income is exempt from VAT
 * (财税〔2016〕36号 附件3 第一条(二十六)). Its invoices issued before that at the standard rate and not paid at all
 * are voided (each keeps its number, with the reason) and reissued with the same lines, recipient, obligation and
 * due date, now priced exempt and numbered from the same gapless sequence as the transaction commits. Returns the
 * ids of the new invoices.
 *
 * Which invoices stay as issued, a choice where the law gives none:
 * - one with any payment recorded (partially_paid, paid): the tax point of the income received is the day it was
 *   received (财税〔2016〕36号 附件1 第四十五条; these are payment requests, not fapiao), so that part was a taxable
 *   sale already made at the standard rate; the platform does not split one invoice into a taxed and an exempt part
 *   (it has no credit notes), so the rest of it stays at the standard rate too;
 * - one a voucher has paid into (credited > 0): the bureau's redemption is a payment received against it, the
 *   same case;
 * - one with a payment advice awaiting the issuer (付款通知, pending): the payer says it has paid the standard-rate
 *   amount; voiding the invoice under it would strand the advice and ask a different sum for money already sent.
 *   The issuer confirms or disputes the advice as usual;
 * - a void one; and one whose lines registration does not change (a broker's commission is standard either way).
 *
 * Exactly once, restart-safe: this runs inside the REGISTER_CONTRACT event's transaction (deals/engine/runner.ts),
 * after the deal row's compare-and-set, so the registration and the reissues commit together or not at all, and the
 * machine accepts one registration per deal. Chosen over an outbox handler: that would leave a window in which the
 * deal is registered while its invoices still ask 6% of the buyer, and a payment made in that window would decide,
 * by a race, which rule applies. The deal row's lock (taken by the event's update) makes any invoice issued for
 * the deal concurrently wait for this commit (admin-issue.ts reads the deal FOR SHARE), so none is missed.
 */
export async function reissueExemptOnRegistration(ctx: AppContext, tx: Tx, deal: DealRow): Promise<string[]> {
  const registration = dealContextOf(deal.snapshot).contractRegistration;
  if (!registration || !contractRegisteredFor(deal)) return [];
  const unpaid = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.dealId, deal.id),
        inArray(invoices.status, ['issued', 'overdue']),
        eq(invoices.paid, 0),
        eq(invoices.credited, 0),
        notExists(
          tx
            .select({ id: paymentAdvices.id })
            .from(paymentAdvices)
            .where(and(eq(paymentAdvices.invoiceId, invoices.id), eq(paymentAdvices.status, 'pending'))),
        ),
      ),
    )
    .orderBy(asc(invoices.issuedAt), asc(invoices.id))
    .for('update');
  if (unpaid.length === 0) return [];
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(
      inArray(
        invoiceLines.invoiceId,
        unpaid.map((i) => i.id),
      ),
    )
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const reissued: string[] = [];
  for (const row of unpaid) {
    const own = lines.filter((l) => l.invoiceId === row.id);
    // The same rule the new invoice is priced by: a line whose treatment registration changes.
    if (!own.some((l) => taxTreatment(l.kind, true) !== l.taxTreatment)) continue;
    await voidRow(ctx, tx, row, registrationVoidReason(registration.registrationNo), SYSTEM_ACTOR);
    const id = await issueInvoice(ctx, tx, {
      kind: row.kind,
      dealId: row.dealId,
      ref: row.ref,
      replacesInvoiceId: row.id,
      issuerOrgId: row.issuerOrgId,
      recipientOrgId: row.recipientOrgId,
      lines: own.map((l) => ({ kind: l.kind, description: l.description, amount: l.amount })),
      contractRegistered: contractRegisteredFor(deal),
      dueAt: row.dueAt,
      actor: SYSTEM_ACTOR,
    });
    await inheritObligation(tx, row, id);
    reissued.push(id);
  }
  return reissued;
}
