import { eq } from 'drizzle-orm';
import { invoices } from '../db/schema/invoices.js';
import { notify } from '../notifications/service.js';
import { audit, SYSTEM_ACTOR } from '../platform/audit.js';
import type { TimerHandler } from '../platform/timers.js';
import { notificationText } from '../notifications/texts.js';

/**
 * The 'overdue' timer scheduled at issue: an invoice still owed when its due date passes becomes overdue.
 * A paid or void invoice (or one already overdue) has moved on, and the timer is obsolete.
 */
export const invoiceTimer: TimerHandler = async (ctx, tx, timer) => {
  if (timer.name !== 'overdue') return 'obsolete';
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, timer.subjectId)).for('update');
  if (!row || (row.status !== 'issued' && row.status !== 'partially_paid')) return 'obsolete';
  const now = ctx.clock.now();
  if (now.getTime() < new Date(row.dueAt).getTime()) return 'obsolete';
  await tx.update(invoices).set({ status: 'overdue', updatedAt: now.toISOString() }).where(eq(invoices.id, row.id));
  await audit(tx, SYSTEM_ACTOR, 'invoice.overdue', 'invoice', row.id, {
    number: row.number,
    dueAt: row.dueAt,
    balance: row.total - row.paid - row.credited,
  });
  for (const organizationId of [row.recipientOrgId, row.issuerOrgId]) {
    await notify(
      tx,
      { organizationId },
      {
        ...notificationText('invoice.overdue', { number: row.number }),
        link: `/invoices/${row.id}`,
        dedupeKey: `invoice.overdue:${row.id}`,
        data: { invoiceId: row.id, dealId: row.dealId },
      },
    );
  }
  return 'fired';
};
