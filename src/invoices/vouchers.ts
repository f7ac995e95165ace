import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { invoiceLines, voucherRedemptions, vouchers } from '../db/schema/invoices.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx, Tx } from '../platform/db.js';
import { AppError, notFound, validationFailed, type FieldError } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { formatFen } from '../shared/money.js';
import { receive } from './balance.js';
import { nextVoucherCode } from './numbering.js';
import type { LineKind } from './tax.js';
import { balanceOf, invoiceView, loadVisibleInvoice, type InvoiceView } from './view.js';
import { notificationText } from '../notifications/texts.js';

type VoucherRow = typeof vouchers.$inferSelect;
export type ServiceKind = Exclude<LineKind, 'voucher'>;

export interface VoucherView {
  id: string;
  code: string;
  organization: { id: string; name: string };
  amount: number;
  redeemed: number;
  remaining: number;
  currency: 'CNY';
  serviceKinds: ServiceKind[];
  expiresAt: string;
  status: 'active' | 'spent' | 'expired';
  note: string | null;
  grantedAt: string;
}

function voucherView(row: VoucherRow, organizationName: string, now: Date): VoucherView {
  const remaining = row.amount - row.redeemed;
  const expired = now.getTime() >= new Date(row.expiresAt).getTime();
  return {
    id: row.id,
    code: row.code,
    organization: { id: row.organizationId, name: organizationName },
    amount: row.amount,
    redeemed: row.redeemed,
    remaining,
    currency: 'CNY',
    serviceKinds: row.serviceKinds as ServiceKind[],
    expiresAt: row.expiresAt,
    status: remaining === 0 ? 'spent' : expired ? 'expired' : 'active',
    note: row.note,
    grantedAt: row.createdAt,
  };
}

export interface GrantInput {
  organizationId: string;
  amount: number;
  expiresAt: string;
  serviceKinds: ServiceKind[];
  note?: string;
}

/** The bureau grants a voucher to an enterprise that buys technology (a buyer organization). */
export async function grantVoucher(ctx: AppContext, tx: Tx, admin: AuthUser, input: GrantInput): Promise<VoucherView> {
  const now = ctx.clock.now();
  const problems: FieldError[] = [];
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  const [buyer] = org
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, org.id), eq(users.role, 'buyer')))
        .limit(1)
    : [];
  if (!org) problems.push({ path: 'body.organizationId', message: 'no such organization' });
  else if (!buyer) problems.push({ path: 'body.organizationId', message: 'is not a buyer organization' });
  if (new Date(input.expiresAt).getTime() <= now.getTime())
    problems.push({ path: 'body.expiresAt', message: 'must be in the future' });
  if (problems.length) throw validationFailed(problems);

  const [row] = await tx
    .insert(vouchers)
    .values({
      id: newId('vch'),
      code: await nextVoucherCode(tx, now),
      organizationId: input.organizationId,
      amount: input.amount,
      serviceKinds: input.serviceKinds,
      expiresAt: new Date(input.expiresAt).toISOString(),
      note: input.note?.trim() || null,
      grantedBy: admin.id,
    })
    .returning();
  await audit(tx, { id: admin.id, role: admin.role }, 'voucher.granted', 'voucher', row.id, {
    code: row.code,
    organizationId: row.organizationId,
    amount: row.amount,
  });
  await notify(
    tx,
    { organizationId: row.organizationId },
    {
      ...notificationText('voucher.granted', { voucher: row.code, amount: row.amount }),
      link: '/vouchers',
      dedupeKey: `voucher.granted:${row.id}`,
      data: { voucherId: row.id },
    },
  );
  return voucherView(row, org!.name, now);
}

/** Admins see every voucher (or one organization's); everyone else their own organization's. Newest first. */
export async function listVouchers(
  ctx: AppContext,
  caller: AuthUser,
  q: { organizationId?: string; limit: number; cursor?: string },
) {
  const conds = [];
  if (caller.role !== 'admin') conds.push(eq(vouchers.organizationId, caller.organizationId));
  else if (q.organizationId) conds.push(eq(vouchers.organizationId, q.organizationId));
  if (q.cursor) conds.push(lt(vouchers.id, q.cursor));
  const rows = await ctx.db
    .select({ v: vouchers, name: organizations.name })
    .from(vouchers)
    .innerJoin(organizations, eq(organizations.id, vouchers.organizationId))
    .where(and(...conds))
    .orderBy(desc(vouchers.id))
    .limit(q.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ id: r.v.id, r })),
    q.limit,
  );
  const now = ctx.clock.now();
  return { items: page.items.map(({ r }) => voucherView(r.v, r.name, now)), nextCursor: page.nextCursor };
}

// What the voucher may pay on this invoice: its lines of the voucher's service kinds, tax included, less what
// vouchers already cover. A voucher line does not say which line it pays, so every earlier voucher counts
// against it; on the usual one-kind invoice this is exact, on a mixed one it errs toward paying less.
async function eligibleAmount(
  db: DbOrTx,
  invoiceId: string,
  serviceKinds: string[],
  alreadyCredited: number,
): Promise<{ lines: number; amount: number }> {
  const [r] = await db
    .select({
      lines: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${invoiceLines.amount} + ${invoiceLines.taxAmount}), 0)`,
    })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, invoiceId), inArray(invoiceLines.kind, serviceKinds as LineKind[])));
  return { lines: Number(r.lines), amount: Number(r.amount) - alreadyCredited };
}

/**
 * The recipient applies one of its vouchers to an invoice it owes (POST /api/invoices/:id/vouchers). Refused
 * when the voucher has expired, covers none of the invoice's kinds, has less left than asked, or when the
 * amount is more than the invoice owes. The invoice and then the voucher are locked, so concurrent uses of one
 * voucher are checked one after the other against what is left of it: it is never spent twice.
 */
export async function applyVoucher(
  ctx: AppContext,
  tx: Tx,
  caller: AuthUser,
  invoiceId: string,
  input: { voucherId: string; amount: number },
): Promise<InvoiceView> {
  const row = await loadVisibleInvoice(tx, invoiceId, caller, { forUpdate: true });
  if (caller.organizationId !== row.recipientOrgId)
    throw new AppError('FORBIDDEN', 'Only the recipient of an invoice may apply a voucher to it');
  if (row.status === 'void' || row.status === 'paid') {
    throw new AppError('INVALID_TRANSITION', `Invoice ${row.number} is ${row.status}: nothing is owed on it`);
  }
  const [voucher] = await tx.select().from(vouchers).where(eq(vouchers.id, input.voucherId)).for('update');
  if (!voucher || voucher.organizationId !== caller.organizationId) throw notFound('Voucher');

  const now = ctx.clock.now();
  if (now.getTime() >= new Date(voucher.expiresAt).getTime())
    throw new AppError('CONFLICT', `Voucher ${voucher.code} expired at ${voucher.expiresAt}`);
  const eligible = await eligibleAmount(tx, row.id, voucher.serviceKinds, row.credited);
  if (eligible.lines === 0) {
    throw new AppError(
      'CONFLICT',
      `Voucher ${voucher.code} pays only for ${voucher.serviceKinds.join(', ')}; invoice ${row.number} has no such line`,
    );
  }
  const remaining = voucher.amount - voucher.redeemed;
  if (input.amount > remaining)
    throw new AppError(
      'CONFLICT',
      `Voucher ${voucher.code} has ${formatFen(remaining)} left, less than ${formatFen(input.amount)}`,
      { remaining },
    );
  const balance = balanceOf(row);
  if (input.amount > balance)
    throw new AppError('CONFLICT', `${formatFen(input.amount)} is more than the balance due of ${formatFen(balance)}`, {
      balance,
    });
  if (input.amount > eligible.amount) {
    throw new AppError(
      'CONFLICT',
      `Voucher ${voucher.code} may pay at most ${formatFen(Math.max(0, eligible.amount))} of invoice ${row.number}`,
      { eligible: Math.max(0, eligible.amount) },
    );
  }

  const id = newId('vrd');
  const at = now.toISOString();
  await tx.insert(voucherRedemptions).values({
    id,
    voucherId: voucher.id,
    invoiceId: row.id,
    issuerOrgId: row.issuerOrgId,
    amount: input.amount,
    appliedBy: caller.id,
    appliedAt: at,
  });
  await tx
    .update(vouchers)
    .set({ redeemed: sql`${vouchers.redeemed} + ${input.amount}` })
    .where(eq(vouchers.id, voucher.id));
  const actor = { id: caller.id, role: caller.role };
  await audit(tx, actor, 'invoice.voucher_applied', 'invoice', row.id, {
    redemptionId: id,
    voucherId: voucher.id,
    code: voucher.code,
    amount: input.amount,
  });
  await notify(
    tx,
    { organizationId: row.issuerOrgId },
    {
      ...notificationText('invoice.voucher_applied', {
        number: row.number,
        voucher: voucher.code,
        amount: input.amount,
      }),
      link: `/invoices/${row.id}`,
      dedupeKey: `invoice.voucher_applied:${id}`,
      data: { invoiceId: row.id, redemptionId: id },
    },
  );
  const updated = await receive(ctx, tx, row, { credited: input.amount, at }, actor);
  return invoiceView(tx, updated);
}
