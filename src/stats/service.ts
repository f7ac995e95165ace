import { sql } from 'drizzle-orm';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { LISTING_STATUSES } from '../db/schema/listings.js';
import { DEAL_FORMS, type DealForm } from '../shared/listing.js';
import { FIELDS, TRL_MAX, TRL_MIN } from '../shared/listing.js';
import type { AppContext } from '../platform/context.js';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { monthlySeries } from './series.js';
import { certifiedIncomeOf, confirmedAtOf, decimal, int, isRegistered } from './sql.js';
import { statsRange } from './range.js';

const TRLS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);

/** Counts keyed by value, listed for every value of a closed set (zeros included) in the set's order. */
function counted<const K extends string | number, const N extends string>(
  keys: readonly K[],
  name: N,
  counts: ReadonlyMap<unknown, number>,
) {
  return keys.map((key) => ({ [name]: key, count: counts.get(key) ?? 0 }) as { [P in N]: K } & { count: number });
}

// Every listing on the platform, whatever its status (byStatus tells them apart). One pass answers four
// breakdowns: GROUPING SETS groups by each dimension separately, and the empty set gives the total. Every grouped
// column is NOT NULL, so a null says which set a row belongs to.
async function listingBreakdowns(db: DbOrTx) {
  const rows = await queryRows<{
    field: string | null;
    status: string | null;
    trl: number | null;
    org_type: string | null;
    n: unknown;
  }>(
    db,
    sql`
    select l.field, l.status, l.trl, o.type as org_type, count(*) as n
      from listings l join organizations o on o.id = l.organization_id
     group by grouping sets ((l.field), (l.status), (l.trl), (o.type), ())`,
  );
  const field = new Map<string, number>(),
    status = new Map<string, number>(),
    trl = new Map<number, number>(),
    orgType = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    if (r.field !== null) field.set(r.field, int(r.n));
    else if (r.status !== null) status.set(r.status, int(r.n));
    else if (r.trl !== null) trl.set(Number(r.trl), int(r.n));
    else if (r.org_type !== null) orgType.set(r.org_type, int(r.n));
    else total = int(r.n);
  }
  return {
    total,
    byField: counted(FIELDS, 'field', field),
    byStatus: counted(LISTING_STATUSES, 'status', status),
    byTrl: counted(TRLS, 'trl', trl),
    byOrganizationType: counted(ORGANIZATION_TYPES, 'organizationType', orgType),
  };
}

// Deals by form and by top-level state ("contracting", not "contracting.awaitingBuyer"): where deals stand.
async function dealBreakdowns(db: DbOrTx) {
  const rows = await queryRows<{ form: DealForm | null; state: string | null; n: unknown }>(
    db,
    sql`
    select d.type as form, split_part(d.state, '.', 1) as state, count(*) as n
      from deals d group by grouping sets ((d.type, split_part(d.state, '.', 1)), (d.type), ())`,
  );
  const byForm = new Map<DealForm, number>();
  const byState: { form: DealForm; state: string; count: number }[] = [];
  let total = 0;
  for (const r of rows) {
    if (r.form === null) total = int(r.n);
    else if (r.state === null) byForm.set(r.form, int(r.n));
    else byState.push({ form: r.form, state: r.state, count: int(r.n) });
  }
  byState.sort((a, b) => DEAL_FORMS.indexOf(a.form) - DEAL_FORMS.indexOf(b.form) || a.state.localeCompare(b.state));
  return { total, byForm: counted(DEAL_FORMS, 'form', byForm), byState };
}

async function moneyTotals(db: DbOrTx) {
  const [r] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select
      (select count(*) from deals d where ${isRegistered}) as registered_count,
      (select coalesce(sum(d.contract_value), 0) from deals d where ${isRegistered}) as registered_value,
      (select coalesce(sum(${certifiedIncomeOf}), 0) from deals d where ${isRegistered}) as certified_income,
      (select count(*) from deals d where ${isRegistered} and ${confirmedAtOf} is not null) as confirmed_count,
      (select count(*) from vouchers) as granted_count,
      (select coalesce(sum(amount), 0) from vouchers) as granted_amount,
      (select count(*) from voucher_redemptions where released_at is null) as redeemed_count,
      (select coalesce(sum(amount), 0) from voucher_redemptions where released_at is null) as redeemed_amount`,
  );
  return {
    contracts: {
      registered: {
        count: int(r.registered_count),
        value: int(r.registered_value),
        certifiedIncome: int(r.certified_income),
        confirmed: int(r.confirmed_count),
      },
    },
    vouchers: {
      granted: { count: int(r.granted_count), amount: int(r.granted_amount) },
      // A redemption released by a voided invoice was given back to the voucher: it is not counted.
      redeemed: { count: int(r.redeemed_count), amount: int(r.redeemed_amount) },
    },
  };
}

// Days from the inquiry (the deal opening) to the second signature, over every signed deal.
async function timeToSignature(db: DbOrTx) {
  const rows = await queryRows<{ form: DealForm | null; n: unknown; median: unknown; mean: unknown }>(
    db,
    sql`
    with signed as (select d.type, extract(epoch from d.signed_at - d.created_at) / 86400 as days from deals d where d.signed_at is not null)
    select type as form, count(*) as n,
           round((percentile_cont(0.5) within group (order by days))::numeric, 1) as median,
           round(avg(days)::numeric, 1) as mean
      from signed group by grouping sets ((type), ())`,
  );
  const measure = (r?: (typeof rows)[number]) => ({
    deals: int(r?.n),
    medianDays: decimal(r?.median),
    meanDays: decimal(r?.mean),
  });
  return {
    overall: measure(rows.find((r) => r.form === null)),
    byForm: DEAL_FORMS.map((form) => ({ form, ...measure(rows.find((r) => r.form === form)) })),
  };
}

/** GET /api/stats (admin): the bureau's dashboard. Money in fen; the series follows ?from=&to= (China dates). */
export async function adminStats(ctx: AppContext, q: { from?: string; to?: string }) {
  const range = statsRange(ctx.clock.now(), q);
  const [listings, deals, money, signature, months] = await Promise.all([
    listingBreakdowns(ctx.db),
    dealBreakdowns(ctx.db),
    moneyTotals(ctx.db),
    timeToSignature(ctx.db),
    monthlySeries(ctx.db, range),
  ]);
  const sum = (k: 'dealsSigned' | 'contractValue' | 'invoiced' | 'paid') => months.reduce((s, m) => s + m[k], 0);
  return {
    currency: 'CNY' as const,
    generatedAt: ctx.clock.now().toISOString(),
    listings,
    deals: { ...deals, timeToSignature: signature },
    ...money,
    series: {
      from: range.from,
      to: range.to,
      months,
      totals: {
        dealsSigned: sum('dealsSigned'),
        contractValue: sum('contractValue'),
        invoiced: sum('invoiced'),
        paid: sum('paid'),
      },
    },
  };
}

/** GET /api/stats/public: market-wide figures anyone may see; nothing per organization. */
export async function publicStats(ctx: AppContext) {
  const published = await queryRows<{ field: string | null; trl: number | null; n: unknown }>(
    ctx.db,
    sql`
    select l.field, l.trl, count(*) as n from listings l where l.status = 'published'
     group by grouping sets ((l.field), (l.trl), ())`,
  );
  const [deals] = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`
    select count(*) filter (where d.signed_at is not null) as signed,
           coalesce(sum(d.contract_value) filter (where d.signed_at is not null), 0) as value,
           count(*) filter (where ${isRegistered}) as registered
      from deals d`,
  );
  const field = new Map<string, number>(),
    trl = new Map<number, number>();
  let total = 0;
  for (const r of published) {
    if (r.field !== null) field.set(r.field, int(r.n));
    else if (r.trl !== null) trl.set(Number(r.trl), int(r.n));
    else total = int(r.n);
  }
  return {
    currency: 'CNY' as const,
    listings: { published: total, byField: counted(FIELDS, 'field', field), byTrl: counted(TRLS, 'trl', trl) },
    deals: { signed: int(deals.signed), contractValue: int(deals.value) },
    contracts: { registered: int(deals.registered) },
  };
}
