import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { organizations, users } from '../db/schema/accounts.js';
import { halfYearReports } from '../db/schema/reports.js';
import { notify } from '../notifications/service.js';
import { audit, type Actor } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { emptyFigures, hasActivity, periodFigures } from './figures.js';
import { halfYearBounds } from '../shared/china-time.js';
import { periodCode, periodLabel } from './period.js';
import type { Period } from './types.js';
import { notificationText } from '../notifications/texts.js';

// The plan's half-year reports are owed by the organizations that produce and take up results.
const REPORTING_TYPES = ['university', 'institute', 'enterprise'] as const;
const CHUNK = 500;

export interface GenerationResult extends Period {
  created: number;
  refreshed: number;
  submitted: number;
}

/**
 * Who gets a report: every university, institute and enterprise (but not the bureau's own organization, which
 * reads the reports), plus any organization with activity in the period, whatever its type.
 */
async function reportingOrganizations(tx: DbOrTx, active: string[]): Promise<string[]> {
  const byType = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        inArray(organizations.type, [...REPORTING_TYPES]),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(users)
            .where(and(eq(users.organizationId, organizations.id), eq(users.role, 'admin'))),
        ),
      ),
    );
  return [...new Set([...byType.map((o) => o.id), ...active])].sort();
}

/**
 * Drafts (or refreshes) every organization's report for a half year from platform data, in the caller's
 * transaction. Idempotent: a draft's figures are recomputed; a submitted report is never touched. Each
 * organization is told once that its draft is ready (the notification's key is per period).
 */
export async function generateHalfYearDrafts(
  ctx: AppContext,
  tx: DbOrTx,
  period: Period,
  actor: Actor,
): Promise<GenerationResult> {
  const figures = await periodFigures(tx, halfYearBounds(period), 'organizations');
  const active = [...figures].filter(([, f]) => hasActivity(f)).map(([org]) => org);
  const orgIds = await reportingOrganizations(tx, active);
  const now = ctx.clock.now().toISOString();
  const written: { organizationId: string; created: boolean }[] = [];
  for (let i = 0; i < orgIds.length; i += CHUNK) {
    const rows = orgIds.slice(i, i + CHUNK).map((organizationId) => ({
      id: newId('hyr'),
      organizationId,
      year: period.year,
      half: period.half,
      status: 'draft' as const,
      figures: figures.get(organizationId) ?? emptyFigures(),
      generatedAt: now,
      createdAt: now,
      updatedAt: now,
    }));
    written.push(
      ...(await tx
        .insert(halfYearReports)
        .values(rows)
        .onConflictDoUpdate({
          target: [halfYearReports.organizationId, halfYearReports.year, halfYearReports.half],
          set: {
            figures: sql`excluded.figures`,
            generatedAt: sql`excluded.generated_at`,
            updatedAt: sql`excluded.updated_at`,
          },
          setWhere: sql`${halfYearReports.status} = 'draft'`,
          // xmax is 0 on a row this statement inserted, and set on one it updated.
        })
        .returning({ organizationId: halfYearReports.organizationId, created: sql<boolean>`(xmax = 0)` })),
    );
  }
  const code = periodCode(period);
  for (const { organizationId } of written) {
    await notify(
      tx,
      { organizationId },
      {
        ...notificationText('report.halfYear.draft', { label: periodLabel(period), code }),
        link: `/reports/half-year?year=${period.year}&half=${period.half}`,
        dedupeKey: `report.halfYear.draft:${code}`,
        data: { year: period.year, half: period.half },
      },
    );
  }
  const created = written.filter((w) => w.created).length;
  const result = { ...period, created, refreshed: written.length - created, submitted: orgIds.length - written.length };
  await audit(tx, actor, 'report.halfYear.generated', 'half_year_report_period', code, { ...result });
  return result;
}

/** POST /api/reports/half-year/generate (admin): the same generation on demand, for a half year that has ended. */
export async function generateOnDemand(ctx: AppContext, admin: Actor, period: Period): Promise<GenerationResult> {
  if (ctx.clock.now().toISOString() < halfYearBounds(period).periodEnd) {
    throw new AppError('CONFLICT', `${periodCode(period)} has not ended yet: a report covers a past half year`);
  }
  return ctx.db.transaction((tx) => generateHalfYearDrafts(ctx, tx, period, admin));
}
