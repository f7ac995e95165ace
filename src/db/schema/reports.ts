import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ReportFigures } from '../../reports/types.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';

export const HALF_YEAR_REPORT_STATUSES = ['draft', 'submitted'] as const;
export type HalfYearReportStatus = (typeof HALF_YEAR_REPORT_STATUSES)[number];

// One organization's half-year report (半年报). The platform drafts the figures; the organization adds its
// narrative and submits. A submitted report is the organization's statement to the bureau: regenerating the
// period refreshes drafts only, so what was submitted is never rewritten.
export const halfYearReports = pgTable(
  'half_year_reports',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    half: integer('half').notNull(),
    status: text('status', { enum: HALF_YEAR_REPORT_STATUSES }).notNull().default('draft'),
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    narrative: text('narrative').notNull().default(''),
    generatedAt: instant('generated_at').notNull(),
    submittedAt: instant('submitted_at'),
    submittedBy: text('submitted_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('half_year_reports_org_period_uq').on(t.organizationId, t.year, t.half),
    index('half_year_reports_period_idx').on(t.year, t.half, t.status),
    check('half_year_reports_half_ck', sql`${t.half} in (1, 2)`),
    check('half_year_reports_submitted_ck', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
);
