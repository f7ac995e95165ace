// An organization's half-year report (半年报) as GET /api/reports/half-year/mine answers it (ReportSchema in
// src/reports/schemas.ts). The platform drafts the figures; the organization writes the narrative and submits.
import type { DealType, OrganizationType } from './types.js';

/** A half year on the China calendar: 1 is January–June, 2 is July–December. */
export type ReportPeriod = { year: number; half: 1 | 2 };

export const HALF_YEAR_REPORT_STATUSES = ['draft', 'submitted'] as const;
export type HalfYearReportStatus = (typeof HALF_YEAR_REPORT_STATUSES)[number];

/** NarrativeBody's bound on the server. */
export const NARRATIVE_MAX = 20_000;

export interface FormFigures { form: DealType; opened: number; signed: number; contractValue: number }
/** Deals open during the period, by the top-level state they were in at its end. */
export interface StateCount { form: DealType; state: string; count: number }

/** What the platform recorded for the organization in the half year. Money in fen. */
export interface ReportFigures {
  currency: 'CNY';
  listings: { registered: number; published: number };
  deals: { byForm: FormFigures[]; byState: StateCount[] };
  contractValue: number;
  income: { invoiced: number; paid: number };
  contractsRegistered: { count: number; value: number };
  vouchersRedeemed: { count: number; amount: number };
}

export interface HalfYearReport {
  id: string;
  organization: { id: string; name: string; type: OrganizationType };
  year: number;
  half: number;
  periodStart: string;
  periodEnd: string;
  status: HalfYearReportStatus;
  figures: ReportFigures;
  narrative: string;
  generatedAt: string;
  submittedAt: string | null;
  submittedBy: { id: string; name: string } | null;
  updatedAt: string;
}
