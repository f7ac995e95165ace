import { and, eq } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { invoiceReceipts, paymentAdvices } from '../db/schema/payment-advices.js';
import { notify } from '../notifications/service.js';
import { notificationText, type NotificationParams } from '../notifications/texts.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { chinaDate, chinaDayBounds } from '../shared/china-time.js';
import { formatFen } from '../shared/money.js';
import { recordPayment } from './payments.js';
import { balanceOf, invoiceView, loadVisibleInvoice, type InvoiceRow, type InvoiceView } from './view.js';

// 付款通知 (issue #22): the payer's members say they have paid; the issuer's members (or an admin, who may
// record payments too) confirm it against their bank statement or dispute it. Confirming records the payment
// through recordPayment, the one path by which money reaches an invoice. Every step locks the invoice row, so a
// confirm and a dispute of the same advice, or two confirms, are decided one after the other.

export interface AdviceInput {
  amount: number;
  paidOn: string;
  reference: string;
  receiptId?: string;
}

type AdviceKind = 'invoice.advice_submitted' | 'invoice.advice_confirmed' | 'invoice.advice_disputed';

async function tell<K extends AdviceKind>(
  tx: Tx,
  organizationId: string,
  row: InvoiceRow,
  adviceId: string,
  kind: K,
  params: NotificationParams[K],
) {
  await notify(
    tx,
    { organizationId },
    {
      ...notificationText(kind, params),
      link: `/invoices/${row.id}`,
      dedupeKey: `${kind}:${adviceId}`,
      data: { invoiceId: row.id, adviceId, dealId: row.dealId },
    },
  );
}

const actorOf = (caller: AuthUser) => ({ id: caller.id, role: caller.role });

async function attachableReceipt(tx: Tx, caller: AuthUser, invoiceId: string, receiptId: string) {
  const [receipt] = await tx
    .select({ id: invoiceReceipts.id, attached: paymentAdvices.id })
    .from(invoiceReceipts)
    .leftJoin(paymentAdvices, eq(paymentAdvices.receiptId, invoiceReceipts.id))
    .where(
      and(
        eq(invoiceReceipts.id, receiptId),
        eq(invoiceReceipts.invoiceId, invoiceId),
        eq(invoiceReceipts.uploadedBy, caller.id),
      ),
    );
  if (!receipt || receipt.attached)
    throw validationFailed([
      { path: 'body.receiptId', message: 'must be a receipt you uploaded to this invoice and not yet attached' },
    ]);
}

export async function submitAdvice(
  ctx: AppContext,
  tx: Tx,
  caller: AuthUser,
  invoiceId: string,
  input: AdviceInput,
): Promise<InvoiceView> {
  const row = await loadVisibleInvoice(tx, invoiceId, caller, { forUpdate: true });
  if (caller.organizationId !== row.recipientOrgId)
    throw new AppError('FORBIDDEN', "Only the payer's members send a payment advice");
  if (row.status === 'void' || row.status === 'paid')
    throw new AppError('INVALID_TRANSITION', `Invoice ${row.number} is ${row.status}: nothing is owed on it`);
  if (input.paidOn > chinaDate(ctx.clock.now()))
    throw validationFailed([{ path: 'body.paidOn', message: 'must not be after today (China time)' }]);
  const balance = balanceOf(row);
  if (input.amount > balance)
    throw new AppError(
      'ADVICE_EXCEEDS_BALANCE',
      `An advice of ${formatFen(input.amount)} is more than the balance due of ${formatFen(balance)}`,
      { balance },
    );
  if (input.receiptId) await attachableReceipt(tx, caller, row.id, input.receiptId);

  const id = newId('adv');
  const reference = input.reference.trim();
  await tx.insert(paymentAdvices).values({
    id,
    invoiceId: row.id,
    payerOrgId: row.recipientOrgId,
    amount: input.amount,
    paidOn: input.paidOn,
    reference,
    receiptId: input.receiptId ?? null,
    submittedBy: caller.id,
  });
  await audit(tx, actorOf(caller), 'invoice.advice_submitted', 'invoice', row.id, {
    adviceId: id,
    amount: input.amount,
    paidOn: input.paidOn,
    reference,
  });
  const [payer] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.recipientOrgId));
  await tell(tx, row.issuerOrgId, row, id, 'invoice.advice_submitted', {
    number: row.number,
    payer: payer.name,
    amount: input.amount,
  });
  return invoiceView(tx, row);
}

/** The advice and its invoice, locked, for the issuer's decision: anyone not a party gets 404 for both. */
async function adviceToDecide(tx: Tx, caller: AuthUser, invoiceId: string, adviceId: string) {
  const row = await loadVisibleInvoice(tx, invoiceId, caller, { forUpdate: true });
  const [advice] = await tx
    .select()
    .from(paymentAdvices)
    .where(and(eq(paymentAdvices.id, adviceId), eq(paymentAdvices.invoiceId, row.id)))
    .for('update');
  if (!advice) throw notFound('Payment advice');
  if (caller.role !== 'admin' && caller.organizationId !== row.issuerOrgId)
    throw new AppError('FORBIDDEN', 'Only the payee (the issuer) or an admin confirms or disputes a payment advice');
  return { row, advice };
}

const reload = async (tx: Tx, caller: AuthUser, id: string) =>
  invoiceView(tx, await loadVisibleInvoice(tx, id, caller));

export async function confirmAdvice(ctx: AppContext, caller: AuthUser, invoiceId: string, adviceId: string) {
  return ctx.db.transaction((tx) => confirmIn(ctx, tx, caller, invoiceId, adviceId));
}

export async function disputeAdvice(
  ctx: AppContext,
  caller: AuthUser,
  invoiceId: string,
  adviceId: string,
  reason: string,
) {
  return ctx.db.transaction((tx) => disputeIn(ctx, tx, caller, invoiceId, adviceId, reason));
}

async function confirmIn(
  ctx: AppContext,
  tx: Tx,
  caller: AuthUser,
  invoiceId: string,
  adviceId: string,
): Promise<InvoiceView> {
  const { row, advice } = await adviceToDecide(tx, caller, invoiceId, adviceId);
  if (advice.status === 'confirmed') return reload(tx, caller, row.id); // a repeated confirm changes nothing
  if (advice.status === 'disputed')
    throw new AppError('ADVICE_DISPUTED', 'This payment advice was disputed: record the payment itself instead');
  // The payment is dated at the start of the China calendar day the payer gave.
  const paidAt = chinaDayBounds(advice.paidOn).start.toISOString();
  const view = await recordPayment(ctx, tx, caller, row.id, {
    amount: advice.amount,
    reference: advice.reference,
    paidAt,
  });
  const payment = view.payments.find((p) => p.reference === advice.reference);
  await tx
    .update(paymentAdvices)
    .set({
      status: 'confirmed',
      paymentId: payment?.id ?? null,
      decidedBy: caller.id,
      decidedAt: ctx.clock.now().toISOString(),
    })
    .where(eq(paymentAdvices.id, advice.id));
  await audit(tx, actorOf(caller), 'invoice.advice_confirmed', 'invoice', row.id, {
    adviceId: advice.id,
    paymentId: payment?.id ?? null,
    amount: advice.amount,
  });
  await tell(tx, row.recipientOrgId, row, advice.id, 'invoice.advice_confirmed', {
    number: row.number,
    amount: advice.amount,
  });
  return reload(tx, caller, row.id);
}

async function disputeIn(
  ctx: AppContext,
  tx: Tx,
  caller: AuthUser,
  invoiceId: string,
  adviceId: string,
  reasonText: string,
): Promise<InvoiceView> {
  const { row, advice } = await adviceToDecide(tx, caller, invoiceId, adviceId);
  if (advice.status === 'disputed') return reload(tx, caller, row.id); // a repeated dispute changes nothing
  if (advice.status === 'confirmed')
    throw new AppError('ADVICE_CONFIRMED', 'This payment advice is confirmed and its payment recorded');
  const reason = reasonText.trim();
  await tx
    .update(paymentAdvices)
    .set({ status: 'disputed', disputeReason: reason, decidedBy: caller.id, decidedAt: ctx.clock.now().toISOString() })
    .where(eq(paymentAdvices.id, advice.id));
  await audit(tx, actorOf(caller), 'invoice.advice_disputed', 'invoice', row.id, { adviceId: advice.id, reason });
  await tell(tx, row.recipientOrgId, row, advice.id, 'invoice.advice_disputed', { number: row.number, reason });
  return reload(tx, caller, row.id);
}
