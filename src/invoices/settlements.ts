import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { invoices, voucherRedemptions, vouchers } from '../db/schema/invoices.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { Period, PeriodBounds } from '../reports/types.js';
import { halfYearBounds } from '../shared/china-time.js';

// The bureau pays issuers for the vouchers redeemed on their invoices every half year (半年结算): January–June and
// July–December, China time. A statement counts live redemptions applied in the period; one released by a
// voided invoice is not owed.

export interface SettlementIssuer {
  organizationId: string;
  name: string;
  taxId: string | null;
  bankName: string | null;
  bankAccount: string | null;
}

export interface SettlementSummary extends Period, PeriodBounds {
  currency: 'CNY';
  items: (SettlementIssuer & { redemptions: number; amount: number })[];
  total: number;
}

export interface SettlementItem {
  redemptionId: string;
  appliedAt: string;
  voucherId: string;
  voucherCode: string;
  holder: { organizationId: string; name: string };
  invoiceId: string;
  invoiceNumber: string;
  amount: number;
}

export interface SettlementStatement extends Period, PeriodBounds {
  currency: 'CNY';
  issuer: SettlementIssuer;
  items: SettlementItem[];
  count: number;
  total: number;
}

const inPeriod = (b: PeriodBounds) =>
  and(
    isNull(voucherRedemptions.releasedAt),
    gte(voucherRedemptions.appliedAt, b.periodStart),
    lt(voucherRedemptions.appliedAt, b.periodEnd),
  );

// The bureau pays into the account the issuer has on file now, so the statement shows the current details.
const issuerColumns = {
  organizationId: organizations.id,
  name: organizations.name,
  taxId: organizations.taxId,
  bankName: organizations.bankName,
  bankAccount: organizations.bankAccount,
};

/** Per issuer: how many redemptions and how much the bureau owes for the half year (GET /api/settlements). */
export async function settlementSummary(ctx: AppContext, period: Period): Promise<SettlementSummary> {
  const bounds = halfYearBounds(period);
  const rows = await ctx.db
    .select({
      ...issuerColumns,
      redemptions: sql<number>`count(*)::int`,
      amount: sql<string>`sum(${voucherRedemptions.amount})`,
    })
    .from(voucherRedemptions)
    .innerJoin(organizations, eq(organizations.id, voucherRedemptions.issuerOrgId))
    .where(inPeriod(bounds))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.name));
  const items = rows.map((r) => ({ ...r, redemptions: Number(r.redemptions), amount: Number(r.amount) }));
  return { ...period, ...bounds, currency: 'CNY', items, total: items.reduce((s, i) => s + i.amount, 0) };
}

/** One issuer's statement for the half year, redemption by redemption (GET /api/settlements/:issuerOrganizationId). */
export async function settlementStatement(
  ctx: AppContext,
  issuerOrgId: string,
  period: Period,
): Promise<SettlementStatement> {
  const [issuer] = await ctx.db.select(issuerColumns).from(organizations).where(eq(organizations.id, issuerOrgId));
  if (!issuer) throw notFound('Organization');
  const bounds = halfYearBounds(period);
  const rows = await ctx.db
    .select({
      redemptionId: voucherRedemptions.id,
      appliedAt: voucherRedemptions.appliedAt,
      amount: voucherRedemptions.amount,
      voucherId: vouchers.id,
      voucherCode: vouchers.code,
      holderId: organizations.id,
      holderName: organizations.name,
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
    })
    .from(voucherRedemptions)
    .innerJoin(vouchers, eq(vouchers.id, voucherRedemptions.voucherId))
    .innerJoin(organizations, eq(organizations.id, vouchers.organizationId))
    .innerJoin(invoices, eq(invoices.id, voucherRedemptions.invoiceId))
    .where(and(eq(voucherRedemptions.issuerOrgId, issuerOrgId), inPeriod(bounds)))
    .orderBy(asc(voucherRedemptions.appliedAt), asc(voucherRedemptions.id));
  const items = rows.map(({ holderId, holderName, ...r }) => ({
    ...r,
    holder: { organizationId: holderId, name: holderName },
  }));
  return {
    ...period,
    ...bounds,
    currency: 'CNY',
    issuer,
    items,
    count: items.length,
    total: items.reduce((s, i) => s + i.amount, 0),
  };
}
