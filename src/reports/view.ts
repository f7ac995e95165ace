import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organizations, users } from '../db/schema/accounts.js';
import { halfYearReports } from '../db/schema/reports.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { halfYearBounds } from '../shared/china-time.js';
import type { Period } from './types.js';

export type ReportRow = typeof halfYearReports.$inferSelect;

const submitter = alias(users, 'submitter');

/** One organization's report for a period as its members (and the bureau) see it. */
export async function reportView(db: DbOrTx, organizationId: string, period: Period) {
  const [row] = await db
    .select({
      report: halfYearReports,
      org: { id: organizations.id, name: organizations.name, type: organizations.type },
      by: { id: submitter.id, name: submitter.name },
    })
    .from(halfYearReports)
    .innerJoin(organizations, eq(organizations.id, halfYearReports.organizationId))
    .leftJoin(submitter, eq(submitter.id, halfYearReports.submittedBy))
    .where(
      and(
        eq(halfYearReports.organizationId, organizationId),
        eq(halfYearReports.year, period.year),
        eq(halfYearReports.half, period.half),
      ),
    );
  if (!row) throw notFound('Half-year report');
  const r = row.report;
  return {
    id: r.id,
    organization: row.org,
    year: r.year,
    half: r.half,
    ...halfYearBounds(period),
    status: r.status,
    figures: r.figures,
    narrative: r.narrative,
    generatedAt: r.generatedAt,
    submittedAt: r.submittedAt,
    submittedBy: row.by?.id ? { id: row.by.id, name: row.by.name } : null,
    updatedAt: r.updatedAt,
  };
}
