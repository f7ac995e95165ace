import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { chinaMonth, int, within } from './sql.js';

export interface MonthFigures {
  month: string;
  dealsSigned: number;
  /** Contract value of the deals signed in the month: the value is agreed when both parties sign. */
  contractValue: number;
  /** Invoices issued in the month (void ones excluded), fen. */
  invoiced: number;
  /** Payments received in the month, by their payment date, fen. */
  paid: number;
}

/**
 * Money over time, one bucket per China calendar month of [start, end): three GROUP BY queries in one round
 * trip; months without activity are listed with zeros so a chart's axis has no holes.
 */
export async function monthlySeries(
  db: DbOrTx,
  range: { start: string; end: string; months: string[] },
): Promise<MonthFigures[]> {
  const { start, end } = range;
  const rows = await queryRows<{ kind: string; month: string; n: unknown; amount: unknown }>(
    db,
    sql`
    select 'signed' as kind, ${chinaMonth(sql`d.signed_at`)} as month, count(*) as n, coalesce(sum(d.contract_value), 0) as amount
      from deals d where ${within(sql`d.signed_at`, start, end)} group by 2
    union all
    select 'invoiced', ${chinaMonth(sql`i.issued_at`)}, count(*), sum(i.total)
      from invoices i where i.status <> 'void' and ${within(sql`i.issued_at`, start, end)} group by 2
    union all
    select 'paid', ${chinaMonth(sql`p.paid_at`)}, count(*), sum(p.amount)
      from invoice_payments p where ${within(sql`p.paid_at`, start, end)} group by 2`,
  );
  const byMonth = new Map(
    range.months.map((month) => [month, { month, dealsSigned: 0, contractValue: 0, invoiced: 0, paid: 0 }]),
  );
  for (const r of rows) {
    const m = byMonth.get(r.month);
    if (!m) continue;
    if (r.kind === 'signed') {
      m.dealsSigned = int(r.n);
      m.contractValue = int(r.amount);
    } else if (r.kind === 'invoiced') m.invoiced = int(r.amount);
    else m.paid = int(r.amount);
  }
  return [...byMonth.values()];
}
