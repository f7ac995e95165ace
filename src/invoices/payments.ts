import { and, eq } from 'drizzle-orm';
import { invoicePayments } from '../db/schema/invoices.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError, validationFailed } from '../platform/errors.js';
import { formatFen } from '../shared/money.js';
import { newId } from '../platform/ids.js';
import { receive } from './balance.js';
import { announcePayment } from './events.js';
import { balanceOf, invoiceView, loadVisibleInvoice, type InvoiceView } from './view.js';

export interface PaymentInput {
  amount: number;
  reference: string;
  paidAt: string;
}

/**
 * Records money the issuer received (POST /api/invoices/:id/payments): the issuer's members or an admin, as
 * their bank statement shows it. Never more than is owed; the invoice row is locked, so two payments recorded
 * at once are checked one after the other against the same balance.
 */
export async function recordPayment(
  ctx: AppContext,
  tx: Tx,
  caller: AuthUser,
  invoiceId: string,
  input: PaymentInput,
): Promise<InvoiceView> {
  const row = await loadVisibleInvoice(tx, invoiceId, caller, { forUpdate: true });
  if (caller.role !== 'admin' && caller.organizationId !== row.issuerOrgId) {
    throw new AppError('FORBIDDEN', 'Only the issuer or an admin records payments');
  }
  if (row.status === 'void' || row.status === 'paid') {
    throw new AppError('INVALID_TRANSITION', `Invoice ${row.number} is ${row.status}: nothing is owed on it`);
  }
  const paidAt = new Date(input.paidAt);
  if (paidAt.getTime() > ctx.clock.now().getTime())
    throw validationFailed([{ path: 'body.paidAt', message: 'must not be in the future' }]);
  const reference = input.reference.trim();
  const balance = balanceOf(row);
  if (input.amount > balance) {
    throw new AppError(
      'CONFLICT',
      `A payment of ${formatFen(input.amount)} is more than the balance due of ${formatFen(balance)}`,
      { balance },
    );
  }
  const [duplicate] = await tx
    .select({ id: invoicePayments.id })
    .from(invoicePayments)
    .where(and(eq(invoicePayments.invoiceId, row.id), eq(invoicePayments.reference, reference)));
  if (duplicate)
    throw new AppError('CONFLICT', `A payment with bank reference ${reference} is already recorded on ${row.number}`);

  const id = newId('pay');
  await tx.insert(invoicePayments).values({
    id,
    invoiceId: row.id,
    amount: input.amount,
    reference,
    paidAt: paidAt.toISOString(),
    recordedBy: caller.id,
  });
  const actor = { id: caller.id, role: caller.role };
  await audit(tx, actor, 'invoice.payment_recorded', 'invoice', row.id, {
    paymentId: id,
    amount: input.amount,
    reference,
  });
  await announcePayment(ctx, tx, {
    id,
    amount: input.amount,
    paidAt: paidAt.toISOString(),
    invoice: {
      id: row.id,
      number: row.number,
      kind: row.kind,
      dealId: row.dealId,
      issuerOrganizationId: row.issuerOrgId,
    },
  });
  const updated = await receive(ctx, tx, row, { paid: input.amount, at: paidAt.toISOString() }, actor);
  return invoiceView(tx, updated);
}
