import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { invoices } from '../db/schema/invoices.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { pageOf } from '../platform/http.js';
import type { InvoiceStatus } from '../shared/invoice.js';
import { invoiceViews } from './view.js';

export interface InvoiceListQuery {
  dealId?: string;
  status?: InvoiceStatus;
  /** Relative to the caller's organization: invoices it issued, or received. */
  direction?: 'issued' | 'received';
  issuedFrom?: string;
  issuedTo?: string;
  limit: number;
  cursor?: string;
}

/**
 * The invoices a caller may see, newest first: admins every invoice, everyone else those their organization
 * issued or received. A deal's other invoices (a broker's commission to the seller, say) stay out of the
 * buyer's list. The period is [issuedFrom, issuedTo).
 */
export async function listInvoices(ctx: AppContext, caller: AuthUser, q: InvoiceListQuery) {
  const org = caller.organizationId;
  const conds: (SQL | undefined)[] = [];
  if (caller.role !== 'admin') conds.push(or(eq(invoices.issuerOrgId, org), eq(invoices.recipientOrgId, org)));
  if (q.direction === 'issued') conds.push(eq(invoices.issuerOrgId, org));
  if (q.direction === 'received') conds.push(eq(invoices.recipientOrgId, org));
  if (q.dealId) conds.push(eq(invoices.dealId, q.dealId));
  if (q.status) conds.push(eq(invoices.status, q.status));
  if (q.issuedFrom) conds.push(gte(invoices.issuedAt, new Date(q.issuedFrom).toISOString()));
  if (q.issuedTo) conds.push(lt(invoices.issuedAt, new Date(q.issuedTo).toISOString()));
  if (q.cursor) conds.push(lt(invoices.id, q.cursor));
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(and(...conds))
    .orderBy(desc(invoices.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  return { items: await invoiceViews(ctx.db, page.items), nextCursor: page.nextCursor };
}
