// The deal room's shapes, as GET /api/deals/:id answers (src/deals/view.ts). Terms are kept as the API sends
// them: each form has its own (src/deals/terms.ts), and the room reads them per form.
import type { DealForm } from './types.js';

export type DealRole = 'buyer' | 'seller' | 'broker' | 'admin';
export type ProposerRole = 'buyer' | 'seller' | 'broker';
export type PartyRole = 'buyer' | 'seller';

export interface OrgRef { id: string; name: string; type: string }

export interface LicenseTerms {
  licenseType: 'exclusive' | 'sole' | 'non_exclusive';
  territory: string;
  fieldOfUse: string;
  termMonths: number;
  upfrontFee: number;
  royaltyRateBp: number;
  minimumAnnualRoyalty?: number;
  milestones?: Array<{ name: string; amount: number }>;
}
export interface TransferTerms { price: number; payments: Array<{ name: string; amount: number; dueDays: number }> }
export interface EquityTerms { valuation: number; equityPercentBp: number; companyName: string; registeredCapital: number; inventorRewardBp: number }
export interface CooperationTerms {
  scope: string;
  budget: number;
  ipOwnership: 'buyer' | 'seller' | 'joint';
  milestones: Array<{ name: string; amount: number; deliverable: string; dueDate: string }>;
}
export type DealTerms = LicenseTerms | TransferTerms | EquityTerms | CooperationTerms;

export type ProposalStatus = 'current' | 'accepted' | 'rejected' | 'expired' | 'superseded';
export interface Proposal {
  seq: number;
  terms: DealTerms;
  by: ProposerRole;
  authorId: string;
  at: string;
  expiresAt: string;
  status: ProposalStatus;
  acceptedBy: PartyRole[];
  closedAt: string | null;
}

export interface DealSummary {
  id: string;
  type: DealForm;
  /** The machine's state as a dotted string: "negotiating", "contracting.awaitingBuyer". */
  state: string;
  version: number;
  /** The caller's role in this deal. */
  role: DealRole;
  listing: { id: string; title: string; titleEn: string | null; field: string | null };
  buyer: { organization: OrgRef; user: { id: string; name: string } };
  seller: { organization: OrgRef };
  broker: { id: string; name: string; commissionRateBp: number | null } | null;
  currentTerms: DealTerms | null;
  contractValue: number | null;
  currency: 'CNY';
  /** The events this caller may send now, computed by the server from the machine. */
  nextEvents: string[];
  signedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Signature { userId: string; at: string }
interface DealActorRef { userId: string; role: string }

export interface RoyaltyReport { period: string; netSales: number; royalty: number; reportedBy: string; reportedAt: string }
export interface LicenseProgress {
  activatedAt: string;
  filingDueAt: string;
  filing: { filingNo: string; filedAt: string; recordedAt: string } | null;
  royaltyReports: RoyaltyReport[];
  milestones: Array<{ name: string; amount: number; invoicedAt: string | null }>;
}
export interface IpRecordal { registrationNo: string; registeredAt: string; recordedAt: string }
export interface TransferProgress {
  instalments: Array<{ name: string; amount: number; dueAt: string; status: 'invoiced' | 'paid'; paidAt: string | null }>;
  assignment: IpRecordal | null;
}
export interface EquityProgress {
  appraisals: Array<{ appraiser: string; reportNo: string; appraisedValue: number; valuation: number; outcome: 'confirmed' | 'overvalued'; submittedAt: string }>;
  ipAssignment: IpRecordal | null;
  equityRegistration: { registrationRef: string; recordedAt: string } | null;
}
export interface CooperationMilestone {
  name: string;
  amount: number;
  deliverable: string;
  dueDate: string;
  status: 'pending' | 'delivered' | 'accepted';
  deliveredAt: string | null;
  acceptedAt: string | null;
  changeRequests: Array<{ reason: string; by: string; at: string }>;
}
export interface CooperationProgress { milestones: CooperationMilestone[] }
export type DealProgress = LicenseProgress | TransferProgress | EquityProgress | CooperationProgress;

export interface Deal extends DealSummary {
  agreedTerms: DealTerms | null;
  proposals: Proposal[];
  nda: { required: boolean; buyer: Signature | null; seller: Signature | null };
  publicNotice: { startedAt: string; endsAt: string } | null;
  objections: Array<{ reason: string; by: DealActorRef; at: string }>;
  contract: { buyer: Signature | null; seller: Signature | null; signedAt: string | null };
  contractRegistration: { registrationNo: string; recordedBy: DealActorRef; recordedAt: string } | null;
  closure: { outcome: string; reason: string | null; by: DealActorRef; at: string } | null;
  progress: DealProgress | null;
}

export interface DealHistoryEntry {
  version: number;
  type: string;
  actor: { id: string | null; role: string };
  from: string;
  to: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface DealMessage { id: string; author: { id: string; name: string; role: string }; body: string; createdAt: string }

export interface TermsChange { path: string; from?: unknown; to?: unknown }
export interface ProposalDiff { from: number; to: number; changes: TermsChange[] }

/** POST /api/deals/:id/events: the event, the version the caller saw, and the event's own fields. */
export interface DealEventInput { type: string; [field: string]: unknown }
