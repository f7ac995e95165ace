import { sql, type SQL } from 'drizzle-orm';
import { CHINA_UTC_OFFSET } from '../shared/china-time.js';
import { DEAL_FORMS, type DealForm } from '../shared/listing.js';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { certifiedIncomeOf, int, isRegistered, registeredAt, within } from '../stats/sql.js';
import type { PeriodBounds, ReportFigures } from './types.js';

/**
 * Whose figures: one row per organization (its half-year report), or one for the whole Corps (the bureau's
 * aggregate). The same SQL serves both; only the grouping key changes. An organization's deals are those it is
 * the seller or the buyer in (a lateral join gives each deal one row per party); the Corps counts each deal once.
 */
export type Scope = 'organizations' | 'corps';
export const CORPS = '*';

interface Keys {
  party: SQL;
  listing: SQL;
  issuer: SQL;
  holder: SQL;
  rewarder: SQL;
}
const KEYS: Record<Scope, Keys> = {
  organizations: {
    party: sql.raw('cross join lateral (values (d.seller_org_id), (d.buyer_org_id)) as p(org)'),
    listing: sql.raw('l.organization_id'),
    issuer: sql.raw('i.issuer_org_id'),
    holder: sql.raw('v.organization_id'),
    rewarder: sql.raw('rw.organization_id'),
  },
  corps: {
    party: sql.raw(`cross join (values ('${CORPS}')) as p(org)`),
    listing: sql.raw(`'${CORPS}'`),
    issuer: sql.raw(`'${CORPS}'`),
    holder: sql.raw(`'${CORPS}'`),
    rewarder: sql.raw(`'${CORPS}'`),
  },
};

export function emptyFigures(): ReportFigures {
  return {
    currency: 'CNY',
    listings: { registered: 0, published: 0 },
    deals: { byForm: DEAL_FORMS.map((form) => ({ form, opened: 0, signed: 0, contractValue: 0 })), byState: [] },
    contractValue: 0,
    income: { invoiced: 0, paid: 0 },
    contractsRegistered: { count: 0, value: 0, certifiedIncome: 0 },
    vouchersRedeemed: { count: 0, amount: 0 },
    inventorRewards: { owed: { count: 0, amount: 0 }, paid: { count: 0, amount: 0 } },
  };
}

/** Anything at all happened: such an organization gets a report whatever its type. */
export function hasActivity(f: ReportFigures): boolean {
  return (
    f.listings.registered +
      f.listings.published +
      f.income.invoiced +
      f.income.paid +
      f.contractsRegistered.count +
      f.vouchersRedeemed.count +
      (f.inventorRewards?.owed.count ?? 0) +
      f.deals.byState.length +
      f.deals.byForm.reduce((s, x) => s + x.opened + x.signed, 0) >
    0
  );
}

// A reward is paid on a China calendar date: it counts in the period that date's China midnight falls in.
const paidOnStart = sql`(rw.paid_on || 'T00:00:00' || ${CHINA_UTC_OFFSET})::timestamptz`;

// Counts and sums of one kind each, in one round trip. A contract counts as registered in the period of its
// registry's date (stats/sql.ts registeredAt), with its contract value and certified technology income. A listing
// is registered when its registration form is submitted to the platform and published when the bureau approves it
// (its registration number is assigned then). Income is what the organization invoiced (void invoices excluded) and the payments it received by
// their payment date; vouchers redeemed are those the organization spent as holder, less any released.
function totalsQuery(k: Keys, { periodStart: s, periodEnd: e }: PeriodBounds): SQL {
  return sql`
    select 'listingsRegistered' as kind, ${k.listing} as org, count(*) as n, 0 as amount
      from listings l where ${within(sql`l.submitted_at`, s, e)} group by 2
    union all
    select 'listingsPublished', ${k.listing}, count(*), 0
      from listings l where ${within(sql`l.published_at`, s, e)} group by 2
    union all
    select 'invoiced', ${k.issuer}, count(*), sum(i.total)
      from invoices i where i.status <> 'void' and ${within(sql`i.issued_at`, s, e)} group by 2
    union all
    select 'paid', ${k.issuer}, count(*), sum(pay.amount)
      from invoice_payments pay join invoices i on i.id = pay.invoice_id where ${within(sql`pay.paid_at`, s, e)} group by 2
    union all
    select 'contractsRegistered', p.org, count(*), coalesce(sum(d.contract_value), 0)
      from deals d ${k.party} where ${isRegistered} and ${within(registeredAt, s, e)} group by 2
    union all
    select 'contractsCertified', p.org, count(*), coalesce(sum(${certifiedIncomeOf}), 0)
      from deals d ${k.party} where ${isRegistered} and ${within(registeredAt, s, e)} group by 2
    union all
    select 'vouchersRedeemed', ${k.holder}, count(*), sum(r.amount)
      from voucher_redemptions r join vouchers v on v.id = r.voucher_id
     where r.released_at is null and ${within(sql`r.applied_at`, s, e)} group by 2
    union all
    select 'rewardsOwed', ${k.rewarder}, count(*), sum(rw.amount)
      from inventor_rewards rw where ${within(sql`rw.created_at`, s, e)} group by 2
    union all
    select 'rewardsPaid', ${k.rewarder}, count(*), sum(rw.amount)
      from inventor_rewards rw
     where rw.paid_on is not null and ${within(paidOnStart, s, e)} group by 2`;
}

// Per form: inquiries opened, and contracts signed with their value (a contract value is agreed when both
// parties have signed).
function formsQuery(k: Keys, { periodStart: s, periodEnd: e }: PeriodBounds): SQL {
  return sql`
    select p.org, d.type as form,
           count(*) filter (where ${within(sql`d.created_at`, s, e)}) as opened,
           count(*) filter (where ${within(sql`d.signed_at`, s, e)}) as signed,
           coalesce(sum(d.contract_value) filter (where ${within(sql`d.signed_at`, s, e)}), 0) as value
      from deals d ${k.party}
     where ${within(sql`d.created_at`, s, e)} or ${within(sql`d.signed_at`, s, e)}
     group by 1, 2`;
}

// Each deal open at some time in the period, in the state it was in when the period ended, read from the
// append-only history (the last event before the end), so regenerating a past period gives the same figures
// whatever happened since. Deals closed before the period began are left out.
function statesQuery(k: Keys, { periodStart: s, periodEnd: e }: PeriodBounds): SQL {
  return sql`
    with at_end as (
      select distinct on (h.deal_id) h.deal_id, h.to_state
        from deal_history h where h.at < ${e}::timestamptz
       order by h.deal_id, h.version desc
    )
    select p.org, d.type as form, split_part(at_end.to_state, '.', 1) as state, count(*) as n
      from deals d join at_end on at_end.deal_id = d.id ${k.party}
     where d.closed_at is null or d.closed_at >= ${s}::timestamptz
     group by 1, 2, 3`;
}

/** The half-year figures of every organization with activity (or of the Corps, under CORPS), by SQL aggregates. */
export async function periodFigures(
  db: DbOrTx,
  bounds: PeriodBounds,
  scope: Scope,
): Promise<Map<string, ReportFigures>> {
  const k = KEYS[scope];
  const [totals, forms, states] = await Promise.all([
    queryRows<{ kind: string; org: string; n: unknown; amount: unknown }>(db, totalsQuery(k, bounds)),
    queryRows<{ org: string; form: DealForm; opened: unknown; signed: unknown; value: unknown }>(
      db,
      formsQuery(k, bounds),
    ),
    queryRows<{ org: string; form: DealForm; state: string; n: unknown }>(db, statesQuery(k, bounds)),
  ]);
  const figures = new Map<string, ReportFigures>();
  const of = (org: string) => {
    let f = figures.get(org);
    if (!f) figures.set(org, (f = emptyFigures()));
    return f;
  };
  for (const r of totals) {
    const f = of(r.org);
    const n = int(r.n),
      amount = int(r.amount);
    switch (r.kind) {
      case 'listingsRegistered':
        f.listings.registered = n;
        break;
      case 'listingsPublished':
        f.listings.published = n;
        break;
      case 'invoiced':
        f.income.invoiced = amount;
        break;
      case 'paid':
        f.income.paid = amount;
        break;
      case 'contractsRegistered':
        f.contractsRegistered = { ...f.contractsRegistered, count: n, value: amount };
        break;
      case 'contractsCertified':
        f.contractsRegistered = { ...f.contractsRegistered, certifiedIncome: amount };
        break;
      case 'vouchersRedeemed':
        f.vouchersRedeemed = { count: n, amount };
        break;
      case 'rewardsOwed':
        f.inventorRewards!.owed = { count: n, amount };
        break;
      case 'rewardsPaid':
        f.inventorRewards!.paid = { count: n, amount };
        break;
    }
  }
  for (const r of forms) {
    const f = of(r.org);
    const row = f.deals.byForm.find((x) => x.form === r.form)!;
    Object.assign(row, { opened: int(r.opened), signed: int(r.signed), contractValue: int(r.value) });
    f.contractValue += row.contractValue;
  }
  for (const r of states) of(r.org).deals.byState.push({ form: r.form, state: r.state, count: int(r.n) });
  for (const f of figures.values())
    f.deals.byState.sort(
      (a, b) => DEAL_FORMS.indexOf(a.form) - DEAL_FORMS.indexOf(b.form) || a.state.localeCompare(b.state),
    );
  return figures;
}

/** The Corps-wide figures of a period (zeros when nothing happened). */
export async function corpsFigures(db: DbOrTx, bounds: PeriodBounds): Promise<ReportFigures> {
  return (await periodFigures(db, bounds, 'corps')).get(CORPS) ?? emptyFigures();
}
