import type { DealNoticeKey } from '../../shared/deal-notices.js';
import type { ActorRole, DealOutcome, PartyRole, ProposalStatus, ProposerRole } from '../../shared/deal.js';
import type { DealActor, DealEvent } from '../../shared/deal-events.js';
import type { DealForm, IpType } from '../../shared/listing.js';
import type { CooperationTerms, DealTerms, EquityTerms, LicenseTerms, TransferTerms } from '../../shared/terms.js';

// The closed sets, the events and the terms are the shared core's (src/shared); the machines' own shapes follow.
export type { ActorRole, DealActor, DealEvent, DealForm, DealOutcome, PartyRole, ProposalStatus, ProposerRole };

// ---- effects: declared by the machine, performed by the engine in the same transaction ----

export type InvoiceKind = 'upfront_fee' | 'royalty' | 'milestone' | 'instalment' | 'development_fee' | 'commission';
export type InvoiceLineKind = 'license_fee' | 'transfer_fee' | 'development_fee' | 'brokerage';
export interface InvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  amount: number;
}
export interface IssueInvoiceEffect {
  type: 'issueInvoice';
  kind: InvoiceKind;
  issuer: 'seller' | 'broker';
  recipient: 'buyer' | 'seller';
  lines: InvoiceLine[];
  /** Unique within the deal, so that issuing is idempotent. */
  ref: string;
  dueAt: string;
}
export type TimerEvent =
  | { type: 'OFFER_EXPIRED'; proposalSeq: number }
  | { type: 'NOTICE_ENDED' }
  | { type: 'REMIND_ROYALTIES' }
  // Version 3 licences (license-performance.ts).
  | { type: 'TERM_ENDED' }
  | { type: 'REMIND_FILING' }
  | { type: 'FILING_OVERDUE' }
  | { type: 'LICENCE_YEAR_ENDED'; year: number };
export interface StartTimerEffect {
  type: 'startTimer';
  name:
    'offerExpiry' | 'noticeEnd' | 'royaltyReminder' | 'termEnd' | 'filingReminder' | 'filingOverdue' | 'licenceYear';
  dueAt: string;
  event: TimerEvent;
}
export type NotifyTarget = 'buyer' | 'seller' | 'broker';
export interface NotifyEffect {
  type: 'notify';
  to: NotifyTarget[];
  message: DealNoticeKey;
}
export type Effect = IssueInvoiceEffect | StartTimerEffect | NotifyEffect;

// ---- context ----

export interface DealInput {
  form: DealForm;
  ndaRequired: boolean;
  /** The seller is a university or institute: an agreed price goes through public notice (Law Art. 18). */
  publicInstitutionSeller: boolean;
  publicNoticeDays: number;
  offerTtlDays: number;
  currency: 'CNY';
  /** Days the buyer has to pay an invoice issued by the machine (instalments carry their own dueDays). */
  invoiceDueDays?: number;
  /** Version 3: the listing's kind of IP, which decides the formalities after signing (shared/ip-formalities.ts). */
  ipType?: IpType;
  /** Version 4, licence and transfer: the deal of a sold offering, its price formed by the market. */
  marketPriced?: MarketPricing;
}

/**
 * A deal opened by a sold offering (DOMAIN.md "Pricing routes": listed trading and online bidding): its terms are
 * the offering's with the winning amount as the price, agreed from the start, so it begins in `contracting`.
 */
export interface MarketPricing {
  offeringId: string;
  price: number;
  terms: DealTerms;
}

export interface Signature {
  userId: string;
  at: string;
}
export interface Signatures {
  buyer: Signature | null;
  seller: Signature | null;
}

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

/** Machine version 1: an objection recorded by the seller or the admin, which reopened negotiation at once. */
export interface Objection {
  reason: string;
  by: DealActor;
  at: string;
}
export type ObjectionDecision = 'dismissed' | 'upheld';
/**
 * Machine version 2: an objection filed on the public notice board by anyone signed in (not named here: the board
 * keeps who filed it), answered by the seller or the admin. `noticeStartedAt` names the notice it was filed on.
 */
export interface NoticeObjection {
  id: string;
  reason: string;
  at: string;
  noticeStartedAt: string;
  answer: { decision: ObjectionDecision; reason: string; by: DealActor; at: string } | null;
}
export type PricingBasisKind = 'appraisal' | 'price_enquiry';
/** The seller's internal decision on the price (集体决策), kept for the pricing dossier. */
export interface PricingDecision {
  body: string;
  decidedOn: string;
  documentRef: string;
  relatedParty: boolean;
  basis: { kind: PricingBasisKind; reference: string } | null;
  recordedBy: string;
  recordedAt: string;
}
export interface BrokerAssignment {
  userId: string;
  commissionRateBp: number;
  assignedBy: string;
  assignedAt: string;
}
export interface ContractRegistration {
  registrationNo: string;
  recordedBy: DealActor;
  recordedAt: string;
}
export interface Closure {
  outcome: DealOutcome;
  reason: string | null;
  by: DealActor;
  at: string;
}
export interface IpRecordal {
  registrationNo: string;
  registeredAt: string;
  recordedAt: string;
}

export interface RoyaltyReport {
  period: string;
  netSales: number;
  royalty: number;
  reportedBy: string;
  reportedAt: string;
}
export interface LicenseProgress {
  activatedAt: string;
  /**
   * CNIPA filing of the licence contract is due within 3 months of its effective date (Implementing Rules Art. 15).
   * Version 3: null where the licensed IP is not a patent (no filing exists).
   */
  filingDueAt: string | null;
  filing: { filingNo: string; filedAt: string; recordedAt: string } | null;
  /** Version 3: the filing deadline passed without a recorded filing. */
  filingLate?: boolean;
  /** Version 3: the end of the licence term (activation + termMonths); a timer completes the licence then. */
  endsAt?: string;
  /** Version 3: the parties who agreed to complete the licence before its term (both are needed). */
  completionAgreedBy?: PartyRole[];
  /** Version 3: one entry per licence year that has ended, with the minimum-royalty shortfall invoiced for it. */
  licenceYears?: LicenceYear[];
  royaltyReports: RoyaltyReport[];
  milestones: Array<{ name: string; amount: number; invoicedAt: string | null }>;
}
export interface Instalment {
  name: string;
  amount: number;
  dueAt: string;
  status: 'invoiced' | 'paid';
  paidAt: string | null;
}
export interface TransferProgress {
  instalments: Instalment[];
  assignment: IpRecordal | null;
}
/** The seller's delivery of the technical documents and the buyer's answer (Civil Code Arts. 862, 866). */
export interface DocumentDelivery {
  documents: string;
  status: 'delivered' | 'rejected' | 'accepted';
  deliveredAt: string;
  acceptedAt: string | null;
  rejections: ChangeRequest[];
}
export interface LicenceYear {
  year: number;
  endsAt: string;
  royalties: number;
  shortfall: number;
}
export interface Appraisal {
  appraiser: string;
  reportNo: string;
  appraisedValue: number;
  valuation: number;
  outcome: 'confirmed' | 'overvalued';
  submittedAt: string;
}
export interface EquityProgress {
  appraisals: Appraisal[];
  ipAssignment: IpRecordal | null;
  equityRegistration: { registrationRef: string; recordedAt: string } | null;
}
export interface ChangeRequest {
  reason: string;
  by: string;
  at: string;
}
export interface CooperationMilestone {
  name: string;
  amount: number;
  deliverable: string;
  dueDate: string;
  status: 'pending' | 'delivered' | 'accepted';
  deliveredAt: string | null;
  acceptedAt: string | null;
  changeRequests: ChangeRequest[];
}
export interface CooperationProgress {
  milestones: CooperationMilestone[];
}

export interface DealContext {
  form: DealForm;
  ndaRequired: boolean;
  publicInstitutionSeller: boolean;
  publicNoticeDays: number;
  offerTtlDays: number;
  invoiceDueDays: number;
  currency: 'CNY';
  /** Version 3: the listing's kind of IP (DealInput.ipType); null on older versions. */
  ipType?: IpType | null;
  nda: Signatures;
  proposals: Proposal[];
  agreedTerms: DealTerms | null;
  publicNotice: { startedAt: string; endsAt: string } | null;
  objections: Objection[];
  /** Version 2: objections filed on the public notice board, with their answers. */
  noticeObjections?: NoticeObjection[];
  /** Version 2: the seller's internal pricing decision, recorded before contracting. */
  pricingDecision?: PricingDecision | null;
  contract: Signatures & { signedAt: string | null };
  broker: BrokerAssignment | null;
  contractRegistration: ContractRegistration | null;
  closure: Closure | null;
  license: LicenseProgress | null;
  transfer: TransferProgress | null;
  equity: EquityProgress | null;
  cooperation: CooperationProgress | null;
  /**
   * Version 3, transfer and equity: the technical documents handed over where the IP passes by delivery rather
   * than by registration (shared/ip-formalities.ts).
   */
  delivery?: DocumentDelivery | null;
  /** Version 4: the offering whose sale opened this deal at a market-formed price; null otherwise. */
  marketPriced?: { offeringId: string; price: number } | null;
  /** The effects of the last accepted event only; the engine performs them after each send. */
  effects: Effect[];
}

export type { CooperationTerms, DealTerms, EquityTerms, LicenseTerms, TransferTerms };
