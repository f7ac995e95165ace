import { eq } from 'drizzle-orm';
import { invoices } from '../db/schema/invoices.js';
import { notify } from '../notifications/service.js';
import { audit, type Actor } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { cancelTimers } from '../platform/timers.js';
import { announcePaid } from './events.js';
import type { InvoiceStatus } from '../shared/invoice.js';
import type { InvoiceRow } from './view.js';
import { notificationText } from '../notifications/texts.js';

// issued → partially_paid → paid; overdue stays overdue until nothing is owed. A voucher alone lowers what is
// owed without anything being paid, so it leaves an issued invoice issued (unless it covers all of it).
function statusAfter(current: InvoiceStatus, balance: number, paid: number): InvoiceStatus {
  if (balance === 0) return 'paid';
  if (current === 'overdue') return 'overdue';
  return paid > 0 ? 'partially_paid' : 'issued';
}

/**
 * Adds money received (a payment or a voucher credit) to a row the caller has locked and checked, and moves
 * the status on. When nothing is owed any more it is paid: its overdue timer is cancelled, both parties are
 * told, and the paid listeners (the deal engine) run in this same transaction.
 */
export async function receive(
  ctx: AppContext,
  tx: Tx,
  row: InvoiceRow,
  change: { paid?: number; credited?: number; at: string },
  actor: Actor,
): Promise<InvoiceRow> {
  const paid = row.paid + (change.paid ?? 0);
  const credited = row.credited + (change.credited ?? 0);
  const status = statusAfter(row.status, row.total - paid - credited, paid);
  const [updated] = await tx
    .update(invoices)
    .set({ paid, credited, status, updatedAt: ctx.clock.now().toISOString() })
    .where(eq(invoices.id, row.id))
    .returning();
  if (status !== 'paid') return updated;

  await cancelTimers(tx, 'invoice', row.id);
  await audit(tx, actor, 'invoice.paid', 'invoice', row.id, { number: row.number, total: row.total, paid, credited });
  for (const organizationId of [row.issuerOrgId, row.recipientOrgId]) {
    await notify(
      tx,
      { organizationId },
      {
        ...notificationText('invoice.paid', { number: row.number }),
        link: `/invoices/${row.id}`,
        dedupeKey: `invoice.paid:${row.id}`,
        data: { invoiceId: row.id, dealId: row.dealId },
      },
    );
  }
  await announcePaid(ctx, tx, {
    id: row.id,
    number: row.number,
    kind: row.kind,
    dealId: row.dealId,
    ref: row.ref,
    issuerOrganizationId: row.issuerOrgId,
    recipientOrganizationId: row.recipientOrgId,
    total: row.total,
    paidAt: change.at,
  });
  return updated;
}
