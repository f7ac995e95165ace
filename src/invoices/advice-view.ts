import { asc, eq, inArray } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { invoiceReceipts, paymentAdvices } from '../db/schema/payment-advices.js';
import type { DbOrTx } from '../platform/db.js';
import type { PayeeAccount } from '../shared/billing.js';
import type { AdviceStatus } from '../shared/invoice.js';

export interface AdviceView {
  id: string;
  amount: number;
  paidOn: string;
  reference: string;
  status: AdviceStatus;
  receipt: { filename: string; mimeType: string; size: number } | null;
  disputeReason: string | null;
  paymentId: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/**
 * What the payer needs to pay and what it has said it paid: the payee's (issuer organization's) account as it
 * stands now — a complete one or none, never half an account — and each invoice's payment advices, oldest first.
 */
export async function paymentSide(db: DbOrTx, rows: { id: string; issuerOrgId: string }[]) {
  const [accounts, advices] = await Promise.all([
    db
      .select({
        id: organizations.id,
        bankName: organizations.bankName,
        bankAccount: organizations.bankAccount,
        bankAccountName: organizations.bankAccountName,
      })
      .from(organizations)
      .where(inArray(organizations.id, [...new Set(rows.map((r) => r.issuerOrgId))])),
    db
      .select({ advice: paymentAdvices, receipt: invoiceReceipts })
      .from(paymentAdvices)
      .leftJoin(invoiceReceipts, eq(invoiceReceipts.id, paymentAdvices.receiptId))
      .where(
        inArray(
          paymentAdvices.invoiceId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(paymentAdvices.createdAt), asc(paymentAdvices.id)),
  ]);
  const payee = new Map<string, PayeeAccount | null>(
    accounts.map((a) => [
      a.id,
      a.bankName && a.bankAccount && a.bankAccountName
        ? { bankName: a.bankName, bankAccount: a.bankAccount, bankAccountName: a.bankAccountName }
        : null,
    ]),
  );
  const adviceViews = (invoiceId: string): AdviceView[] =>
    advices
      .filter((a) => a.advice.invoiceId === invoiceId)
      .map(({ advice: a, receipt: r }) => ({
        id: a.id,
        amount: a.amount,
        paidOn: a.paidOn,
        reference: a.reference,
        status: a.status,
        receipt: r ? { filename: r.filename, mimeType: r.mimeType, size: r.size } : null,
        disputeReason: a.disputeReason,
        paymentId: a.paymentId,
        submittedAt: a.createdAt,
        decidedAt: a.decidedAt,
      }));
  return { payeeAccount: (orgId: string) => payee.get(orgId) ?? null, advices: adviceViews };
}
