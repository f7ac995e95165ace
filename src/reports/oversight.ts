import { and, asc, eq } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { halfYearReports } from '../db/schema/reports.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { formatChinaDate } from '../platform/pdf/dates.js';
import { halfYearBounds } from '../shared/china-time.js';
import { periodCode, periodLabel } from './period.js';
import type { Period } from './types.js';
import { notificationText } from '../notifications/texts.js';

// The bureau's side: who has submitted, reminders to those who have not.

/** Every organization with a report for the period, drafts first, then by name. */
export async function submissionList(db: DbOrTx, period: Period) {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      status: halfYearReports.status,
      generatedAt: halfYearReports.generatedAt,
      submittedAt: halfYearReports.submittedAt,
    })
    .from(halfYearReports)
    .innerJoin(organizations, eq(organizations.id, halfYearReports.organizationId))
    .where(and(eq(halfYearReports.year, period.year), eq(halfYearReports.half, period.half)))
    .orderBy(asc(halfYearReports.status), asc(organizations.name), asc(organizations.id));
  const submitted = rows.filter((r) => r.status === 'submitted').length;
  return { counts: { organizations: rows.length, submitted, draft: rows.length - submitted }, items: rows };
}

/** GET /api/reports/half-year/status */
export async function submissionStatus(ctx: AppContext, period: Period) {
  const { counts, items } = await submissionList(ctx.db, period);
  return {
    ...period,
    ...halfYearBounds(period),
    counts,
    items: items.map(({ id, name, type, ...r }) => ({ organization: { id, name, type }, ...r })),
  };
}

/**
 * POST /api/reports/half-year/remind: a notification to every organization whose report is still a draft. The
 * key carries the China date, so reminding twice in a day notifies once and a reminder next week notifies again.
 */
export async function remindUnsubmitted(ctx: AppContext, admin: AuthUser, period: Period) {
  return ctx.db.transaction(async (tx) => {
    const drafts = await tx
      .select({ organizationId: halfYearReports.organizationId })
      .from(halfYearReports)
      .where(
        and(
          eq(halfYearReports.year, period.year),
          eq(halfYearReports.half, period.half),
          eq(halfYearReports.status, 'draft'),
        ),
      )
      .orderBy(asc(halfYearReports.organizationId));
    const code = periodCode(period);
    const day = formatChinaDate(ctx.clock.now());
    for (const { organizationId } of drafts) {
      await notify(
        tx,
        { organizationId },
        {
          ...notificationText('report.halfYear.reminder', { label: periodLabel(period), code }),
          link: `/reports/half-year?year=${period.year}&half=${period.half}`,
          dedupeKey: `report.halfYear.reminder:${organizationId}:${code}:${day}`,
          data: { year: period.year, half: period.half },
        },
      );
    }
    const organizationIds = drafts.map((d) => d.organizationId);
    await audit(tx, admin, 'report.halfYear.reminded', 'half_year_report_period', code, {
      organizations: organizationIds.length,
    });
    return { ...period, reminded: organizationIds.length, organizationIds };
  });
}
