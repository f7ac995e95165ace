import { and, eq, isNull, sql } from 'drizzle-orm';
import { invoices, voucherRedemptions, vouchers } from '../db/schema/invoices.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import { audit, type Actor } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { cancelTimers } from '../platform/timers.js';
import { invoiceView, loadVisibleInvoice, type InvoiceRow, type InvoiceView } from './view.js';
import { notificationText } from '../notifications/texts.js';

/**
 * Voids an invoice (admin, with a reason). It keeps its number and content; corrections are new invoices. An
 * invoice with payments recorded is not voided: the money received must be accounted for against it. Vouchers
 * applied to it are released, so their credit can be spent again, and nothing of it is settled to the issuer.
 */
export async function voidInvoice(
  ctx: AppContext,
  tx: Tx,
  admin: AuthUser,
  invoiceId: string,
  reason: string,
): Promise<InvoiceView> {
  const row = await loadVisibleInvoice(tx, invoiceId, admin, { forUpdate: true });
  if (row.status === 'void' || row.status === 'paid') {
    throw new AppError('INVALID_TRANSITION', `Invoice ${row.number} is ${row.status} and cannot be voided`);
  }
  if (row.paid > 0) throw new AppError('CONFLICT', `Invoice ${row.number} has payments recorded and cannot be voided`);
  return invoiceView(tx, await voidRow(ctx, tx, row, reason, { id: admin.id, role: admin.role }));
}

/**
 * Voids an invoice the caller has locked and checked (nothing paid): releases its vouchers, cancels its timers,
 * audits and tells both parties. `actor` is the admin, or the system when a contract registration voids it
 * (reissue.ts); only an admin is written as `voidedBy`.
 */
export async function voidRow(ctx: AppContext, tx: Tx, row: InvoiceRow, reason: string, actor: Actor) {
  const now = ctx.clock.now().toISOString();

  // Lock order invoice → voucher, the same as applying a voucher, so the two never deadlock.
  const released = await tx
    .update(voucherRedemptions)
    .set({ releasedAt: now })
    .where(and(eq(voucherRedemptions.invoiceId, row.id), isNull(voucherRedemptions.releasedAt)))
    .returning();
  for (const r of released) {
    await tx
      .update(vouchers)
      .set({ redeemed: sql`${vouchers.redeemed} - ${r.amount}` })
      .where(eq(vouchers.id, r.voucherId));
  }
  const [voided] = await tx
    .update(invoices)
    .set({
      status: 'void',
      voidReason: reason.trim(),
      voidedAt: now,
      voidedBy: actor.role === 'admin' ? actor.id : null,
      credited: 0,
      updatedAt: now,
    })
    .where(eq(invoices.id, row.id))
    .returning();
  await cancelTimers(tx, 'invoice', row.id);
  await audit(tx, actor, 'invoice.voided', 'invoice', row.id, {
    number: row.number,
    reason: reason.trim(),
    releasedVouchers: released.map((r) => r.id),
  });
  for (const organizationId of [row.issuerOrgId, row.recipientOrgId]) {
    await notify(
      tx,
      { organizationId },
      {
        ...notificationText('invoice.voided', { number: row.number }),
        body: reason.trim(),
        link: `/invoices/${row.id}`,
        dedupeKey: `invoice.voided:${row.id}`,
        data: { invoiceId: row.id },
      },
    );
  }
  return voided;
}
