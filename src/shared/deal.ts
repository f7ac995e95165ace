import { USER_ROLE_LABELS } from './accounts.js';
import type { Label } from './listing.js';

// The closed sets of a deal besides its form (shared/listing.ts): who acts in it, how it ends, the states of a
// proposal, and the closed choices in its terms. The machines, the API's schemas and the web app read them here.

/** The caller's role in THIS deal; `system` is the timer worker and the invoicing module. */
export const ACTOR_ROLES = ['buyer', 'seller', 'broker', 'admin', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
/** The roles a deal answer names the caller by (the system never reads a deal). */
export const DEAL_ROLES = ['buyer', 'seller', 'broker', 'admin'] as const;
export type DealRole = (typeof DEAL_ROLES)[number];
export const PARTY_ROLES = ['buyer', 'seller'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PROPOSER_ROLES = ['buyer', 'seller', 'broker'] as const;
export type ProposerRole = (typeof PROPOSER_ROLES)[number];

export const DEAL_OUTCOMES = ['declined', 'withdrawn', 'expired', 'terminated', 'completed'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

export const PROPOSAL_STATUSES = ['current', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The national floor of a public notice (公示) of an agreed price: 15 days (国发〔2016〕16号; Law Art. 18). */
export const PUBLIC_NOTICE_MIN_DAYS = 15;

// The public notice board (DOMAIN.md "Pricing routes"): the seller or the admin answers each objection.
export const OBJECTION_DECISIONS = ['dismissed', 'upheld'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];
export const NOTICE_STATUSES = ['open', 'ended'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** How a notice ended: the period passed, an objection was upheld, or the deal closed (declined, withdrawn, expired). */
export const NOTICE_OUTCOMES = ['passed', 'upheld', 'closed'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];
/** Bounds on filing objections (DOMAIN.md "Pricing routes": anyone signed in may object, with reasons). */
export const OBJECTION_LIMITS = { perUserPerDay: 10, perUserPerNotice: 3 } as const;
// How a base or agreed price is supported: an appraisal report or a public price enquiry (国发〔2016〕16号).
export const PRICING_BASIS_KINDS = ['appraisal', 'price_enquiry'] as const;
export type PricingBasisKind = (typeof PRICING_BASIS_KINDS)[number];

// Licence types per the SPC interpretation on technology contract disputes, Art. 25.
export const LICENSE_TYPES = ['exclusive', 'sole', 'non_exclusive'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];
export const IP_OWNERSHIPS = ['buyer', 'seller', 'joint'] as const;
export type IpOwnership = (typeof IP_OWNERSHIPS)[number];

// Upper bound for any amount in fen (¥1 trillion): far below 2^53 even when a schedule is summed.
export const MAX_FEN = 100_000_000_000_000;
// Law on Promoting the Transformation of S&T Achievements, Art. 45: when a unit invests a result as equity and
// has not agreed otherwise, at least 50% of that equity goes to the people who made the result.
export const MIN_INVENTOR_REWARD_BP = 5_000;

export const ACTOR_ROLE_LABELS: Readonly<Record<ActorRole, Label>> = {
  ...USER_ROLE_LABELS,
  system: { zh: '系统', en: 'System' },
};

export const LICENSE_TYPE_LABELS: Readonly<Record<LicenseType, Label>> = {
  exclusive: { zh: '独占许可', en: 'Exclusive' },
  sole: { zh: '排他许可', en: 'Sole' },
  non_exclusive: { zh: '普通许可', en: 'Non-exclusive' },
};

export const IP_OWNERSHIP_LABELS: Readonly<Record<IpOwnership, Label>> = {
  buyer: { zh: '归需求方', en: 'The buyer' },
  seller: { zh: '归成果方', en: 'The seller' },
  joint: { zh: '双方共有', en: 'Joint' },
};

export const PROPOSAL_STATUS_LABELS: Readonly<Record<ProposalStatus, Label>> = {
  current: { zh: '待答复', en: 'Open' },
  accepted: { zh: '已接受', en: 'Accepted' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  expired: { zh: '已过期', en: 'Expired' },
  superseded: { zh: '已被新提议取代', en: 'Superseded' },
};

export const OBJECTION_DECISION_LABELS: Readonly<Record<ObjectionDecision, Label>> = {
  dismissed: { zh: '异议不成立，公示继续', en: 'Dismissed: the notice runs on' },
  upheld: { zh: '异议成立，重新协商', en: 'Upheld: back to negotiation' },
};

export const PRICING_BASIS_LABELS: Readonly<Record<PricingBasisKind, Label>> = {
  appraisal: { zh: '资产评估报告', en: 'Appraisal report' },
  price_enquiry: { zh: '公开询价', en: 'Public price enquiry' },
};
