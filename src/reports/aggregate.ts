import { sql } from 'drizzle-orm';
import { FIELDS, type Field } from '../shared/listing.js';
import type { AppContext } from '../platform/context.js';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { monthlySeries } from '../stats/series.js';
import { int, within } from '../stats/sql.js';
import { corpsFigures } from './figures.js';
import { submissionList } from './oversight.js';
import { halfYearBounds } from '../shared/china-time.js';
import { periodMonths } from './period.js';
import type { Period, PeriodBounds } from './types.js';

export interface FieldFigures {
  field: Field;
  listingsRegistered: number;
  listingsPublished: number;
  dealsOpened: number;
  dealsSigned: number;
  contractValue: number;
}

// Per key field: listings by their field, deals by the field of the listing as it was when the deal opened.
async function byField(db: DbOrTx, { periodStart: s, periodEnd: e }: PeriodBounds): Promise<FieldFigures[]> {
  const rows = await queryRows<{ kind: string; field: Field; n: unknown; amount: unknown }>(
    db,
    sql`
    select 'registered' as kind, l.field, count(*) as n, 0 as amount from listings l where ${within(sql`l.submitted_at`, s, e)} group by 2
    union all
    select 'published', l.field, count(*), 0 from listings l where ${within(sql`l.published_at`, s, e)} group by 2
    union all
    select 'opened', d.listing_copy->>'field', count(*), 0 from deals d where ${within(sql`d.created_at`, s, e)} group by 2
    union all
    select 'signed', d.listing_copy->>'field', count(*), coalesce(sum(d.contract_value), 0) from deals d where ${within(sql`d.signed_at`, s, e)} group by 2`,
  );
  const table = new Map(
    FIELDS.map((field) => [
      field,
      { field, listingsRegistered: 0, listingsPublished: 0, dealsOpened: 0, dealsSigned: 0, contractValue: 0 },
    ]),
  );
  for (const r of rows) {
    const f = table.get(r.field);
    if (!f) continue;
    if (r.kind === 'registered') f.listingsRegistered = int(r.n);
    else if (r.kind === 'published') f.listingsPublished = int(r.n);
    else if (r.kind === 'opened') f.dealsOpened = int(r.n);
    else {
      f.dealsSigned = int(r.n);
      f.contractValue = int(r.amount);
    }
  }
  return [...table.values()];
}

/**
 * GET /api/reports/half-year (admin): the Corps-wide half year, computed from platform data (not by adding up
 * the organizations' reports, which would count a deal once for each party), with every organization's
 * submission status.
 */
export async function corpsReport(ctx: AppContext, period: Period) {
  const bounds = halfYearBounds(period);
  const [totals, fields, months, submissions] = await Promise.all([
    corpsFigures(ctx.db, bounds),
    byField(ctx.db, bounds),
    monthlySeries(ctx.db, { start: bounds.periodStart, end: bounds.periodEnd, months: periodMonths(period) }),
    submissionList(ctx.db, period),
  ]);
  return {
    ...period,
    ...bounds,
    currency: 'CNY' as const,
    totals: {
      listingsRegistered: totals.listings.registered,
      listingsPublished: totals.listings.published,
      dealsOpened: totals.deals.byForm.reduce((s, f) => s + f.opened, 0),
      dealsSigned: totals.deals.byForm.reduce((s, f) => s + f.signed, 0),
      contractValue: totals.contractValue,
      invoiced: totals.income.invoiced,
      paid: totals.income.paid,
      contractsRegistered: totals.contractsRegistered.count,
      contractsRegisteredValue: totals.contractsRegistered.value,
      contractsCertifiedIncome: totals.contractsRegistered.certifiedIncome ?? 0,
      vouchersRedeemed: totals.vouchersRedeemed.count,
      vouchersRedeemedAmount: totals.vouchersRedeemed.amount,
    },
    byField: fields,
    byForm: totals.deals.byForm,
    dealStates: totals.deals.byState,
    incomeByMonth: months.map(({ month, invoiced, paid }) => ({ month, invoiced, paid })),
    submissions: submissions.counts,
    organizations: submissions.items.map(({ id, name, type, status, submittedAt }) => ({
      id,
      name,
      type,
      status,
      submittedAt,
    })),
  };
}

export type CorpsReport = Awaited<ReturnType<typeof corpsReport>>;
