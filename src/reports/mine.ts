import { and, eq } from 'drizzle-orm';
import { halfYearReports } from '../db/schema/reports.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { periodCode } from './period.js';
import type { Period } from './types.js';
import { reportView, type ReportRow } from './view.js';

// The organization's side of its half-year report: any member reads it, adds the narrative while it is a draft,
// and submits it. Once submitted it is the organization's statement to the bureau and no longer changes.

/** GET /api/reports/half-year/mine: the caller's organization's report for the period. */
export function myReport(ctx: AppContext, caller: AuthUser, period: Period) {
  return reportView(ctx.db, caller.organizationId, period);
}

async function lockDraft(tx: Tx, caller: AuthUser, period: Period): Promise<ReportRow> {
  const [row] = await tx
    .select()
    .from(halfYearReports)
    .where(
      and(
        eq(halfYearReports.organizationId, caller.organizationId),
        eq(halfYearReports.year, period.year),
        eq(halfYearReports.half, period.half),
      ),
    )
    .for('update');
  if (!row) throw notFound('Half-year report');
  if (row.status !== 'draft')
    throw new AppError(
      'CONFLICT',
      `The ${periodCode(period)} report was submitted on ${row.submittedAt} and can no longer change`,
    );
  return row;
}

/** PATCH /api/reports/half-year/mine: the narrative, while the report is a draft. */
export async function updateNarrative(ctx: AppContext, caller: AuthUser, period: Period, narrative: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, caller, period);
    await tx
      .update(halfYearReports)
      .set({ narrative, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(halfYearReports.id, row.id));
    await audit(tx, caller, 'report.halfYear.narrative', 'half_year_report', row.id, { length: narrative.length });
    return reportView(tx, caller.organizationId, period);
  });
}

/** POST /api/reports/half-year/mine/submit: the figures as drafted and the narrative, sent to the bureau. */
export async function submitReport(ctx: AppContext, caller: AuthUser, period: Period) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, caller, period);
    if (!row.narrative.trim())
      throw validationFailed(
        [{ path: 'narrative', message: "is required before submitting: describe the half year's work" }],
        'Add the narrative before submitting',
      );
    const now = ctx.clock.now().toISOString();
    await tx
      .update(halfYearReports)
      .set({ status: 'submitted', submittedAt: now, submittedBy: caller.id, updatedAt: now })
      .where(eq(halfYearReports.id, row.id));
    await audit(tx, caller, 'report.halfYear.submitted', 'half_year_report', row.id, {
      year: period.year,
      half: period.half,
    });
    return reportView(tx, caller.organizationId, period);
  });
}
