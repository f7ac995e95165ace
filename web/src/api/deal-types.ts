// The deal room's shapes, as GET /api/deals/:id answers: the types of the route's own response schema
// (src/shared/deal-view.ts), so they cannot drift from what the server sends. Terms are kept per form.
import type { Static } from 'typebox';
import type {
  CooperationProgressView,
  DealSummaryView,
  DealView,
  EquityProgressView,
  LicenseProgressView,
  ProposalSchema,
  TransferProgressView,
} from '../../../src/shared/deal-view.ts';

export type {
  CooperationTerms,
  DealTerms,
  EquityTerms,
  LicenseTerms,
  TransferTerms,
} from '../../../src/shared/terms.ts';
export type { DealRole, PartyRole, ProposalStatus, ProposerRole } from '../../../src/shared/deal.ts';

export type DealSummary = DealSummaryView;
export type Deal = DealView;
export type Proposal = Static<typeof ProposalSchema>;
export type LicenseProgress = LicenseProgressView;
export type TransferProgress = TransferProgressView;
export type EquityProgress = EquityProgressView;
export type CooperationProgress = CooperationProgressView;
export type CooperationMilestone = CooperationProgress['milestones'][number];
export type RoyaltyReport = LicenseProgress['royaltyReports'][number];
export type DealProgress = LicenseProgress | TransferProgress | EquityProgress | CooperationProgress;

export interface DealHistoryEntry {
  version: number;
  type: string;
  actor: { id: string | null; role: string };
  from: string;
  to: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface DealMessage {
  id: string;
  author: { id: string; name: string; role: string };
  body: string;
  createdAt: string;
}

export interface TermsChange {
  path: string;
  from?: unknown;
  to?: unknown;
}
export interface ProposalDiff {
  from: number;
  to: number;
  changes: TermsChange[];
}

/** POST /api/deals/:id/events: the event, the version the caller saw, and the event's own fields. */
export interface DealEventInput {
  type: string;
  [field: string]: unknown;
}
