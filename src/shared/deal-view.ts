import { Type, type Static, type TSchema } from 'typebox';
import {
  ACTOR_ROLES,
  DEAL_OUTCOMES,
  DEAL_ROLES,
  OBJECTION_DECISIONS,
  PARTY_ROLES,
  PRICING_BASIS_KINDS,
  PROPOSAL_STATUSES,
  PROPOSER_ROLES,
} from './deal.js';
import { AWAITED } from './deal-awaited.js';
import { DEAL_FORMS, FIELDS } from './listing.js';
import { TERMS_SCHEMAS } from './terms.js';

// What GET /api/deals/:id answers, every field with its shape: the route's response schema (and so the OpenAPI
// document) and the web app's deal types are this. The response serializer drops what a schema does not name, so
// tests/unit/shared/deal-view.test.ts walks every form's full path and checks no field of the context is lost.

const Str = Type.String();
const Instant = Type.String({ description: 'ISO 8601 instant' });
const Day = Type.String({ description: 'China calendar date, YYYY-MM-DD' });
const Fen = Type.Integer({ description: 'Money in fen (CNY minor unit)' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Obj = <P extends Record<string, TSchema>>(properties: P) => Type.Object(properties);

export const DealTermsSchema = Type.Union([
  TERMS_SCHEMAS.license,
  TERMS_SCHEMAS.transfer,
  TERMS_SCHEMAS.equity,
  TERMS_SCHEMAS.cooperation,
]);
export const DealActorSchema = Obj({ userId: Str, role: Type.Enum(ACTOR_ROLES) });
export const SignatureSchema = Obj({ userId: Str, at: Instant });

export const ProposalSchema = Obj({
  seq: Type.Integer(),
  terms: DealTermsSchema,
  by: Type.Enum(PROPOSER_ROLES),
  authorId: Str,
  at: Instant,
  expiresAt: Instant,
  status: Type.Enum(PROPOSAL_STATUSES),
  acceptedBy: Type.Array(Type.Enum(PARTY_ROLES)),
  closedAt: Nullable(Instant),
});
export const ObjectionSchema = Obj({ reason: Str, by: DealActorSchema, at: Instant });
/** An objection filed on the public notice board (machine version 2); the objector is not named. */
export const NoticeObjectionSchema = Obj({
  id: Str,
  reason: Str,
  at: Instant,
  noticeStartedAt: Instant,
  answer: Nullable(Obj({ decision: Type.Enum(OBJECTION_DECISIONS), reason: Str, by: DealActorSchema, at: Instant })),
});
export const PricingDecisionSchema = Obj({
  body: Str,
  decidedOn: Day,
  documentRef: Str,
  relatedParty: Type.Boolean(),
  basis: Nullable(Obj({ kind: Type.Enum(PRICING_BASIS_KINDS), reference: Str })),
  recordedBy: Str,
  recordedAt: Instant,
});
/** 技术合同认定登记. A registration recorded before registry, date and income were asked for has them null. */
export const ContractRegistrationSchema = Obj({
  registrationNo: Str,
  registry: Nullable(Str),
  registeredOn: Nullable(Day),
  certifiedIncome: Nullable(Fen),
  recordedBy: DealActorSchema,
  recordedAt: Instant,
  confirmedBy: Nullable(DealActorSchema),
  confirmedAt: Nullable(Instant),
});
export const ClosureSchema = Obj({
  outcome: Type.Enum(DEAL_OUTCOMES),
  reason: Nullable(Str),
  by: DealActorSchema,
  at: Instant,
});
const IpRecordal = Obj({ registrationNo: Str, registeredAt: Day, recordedAt: Instant });

export const LicenseProgressSchema = Obj({
  activatedAt: Instant,
  /** null where the licensed IP is not a patent: no CNIPA filing exists. */
  filingDueAt: Nullable(Instant),
  filing: Nullable(Obj({ filingNo: Str, filedAt: Day, recordedAt: Instant })),
  filingLate: Type.Optional(Type.Boolean()),
  endsAt: Type.Optional(Instant),
  completionAgreedBy: Type.Optional(Type.Array(Type.Enum(['buyer', 'seller']))),
  licenceYears: Type.Optional(
    Type.Array(Obj({ year: Type.Integer(), endsAt: Instant, royalties: Fen, shortfall: Fen })),
  ),
  royaltyReports: Type.Array(Obj({ period: Str, netSales: Fen, royalty: Fen, reportedBy: Str, reportedAt: Instant })),
  milestones: Type.Array(Obj({ name: Str, amount: Fen, invoicedAt: Nullable(Instant) })),
});
export const TransferProgressSchema = Obj({
  instalments: Type.Array(
    Obj({ name: Str, amount: Fen, dueAt: Instant, status: Type.Enum(['invoiced', 'paid']), paidAt: Nullable(Instant) }),
  ),
  assignment: Nullable(IpRecordal),
});
export const EquityProgressSchema = Obj({
  appraisals: Type.Array(
    Obj({
      appraiser: Str,
      reportNo: Str,
      appraisedValue: Fen,
      valuation: Fen,
      outcome: Type.Enum(['confirmed', 'overvalued']),
      submittedAt: Instant,
    }),
  ),
  ipAssignment: Nullable(IpRecordal),
  equityRegistration: Nullable(Obj({ registrationRef: Str, recordedAt: Instant })),
});
export const CooperationProgressSchema = Obj({
  milestones: Type.Array(
    Obj({
      name: Str,
      amount: Fen,
      deliverable: Str,
      dueDate: Day,
      status: Type.Enum(['pending', 'delivered', 'accepted']),
      deliveredAt: Nullable(Instant),
      acceptedAt: Nullable(Instant),
      changeRequests: Type.Array(Obj({ reason: Str, by: Str, at: Instant })),
    }),
  ),
});
// Each form's progress has its own required fields, so a value matches exactly one of them.
export const DealProgressSchema = Type.Union([
  LicenseProgressSchema,
  TransferProgressSchema,
  EquityProgressSchema,
  CooperationProgressSchema,
]);

const Org = Obj({ id: Str, name: Str, type: Str });
export const DealSummarySchema = Obj({
  id: Str,
  type: Type.Enum(DEAL_FORMS),
  state: Type.String({ description: 'The machine state, dotted: "negotiating", "contracting.awaitingBuyer"' }),
  version: Type.Integer(),
  role: Type.Enum(DEAL_ROLES),
  listing: Obj({ id: Str, title: Str, titleEn: Nullable(Str), field: Nullable(Type.Enum(FIELDS)) }),
  buyer: Obj({ organization: Org, user: Obj({ id: Str, name: Str }) }),
  seller: Obj({ organization: Org }),
  broker: Nullable(Obj({ id: Str, name: Str, commissionRateBp: Nullable(Type.Integer()) })),
  currentTerms: Nullable(DealTermsSchema),
  contractValue: Nullable(Fen),
  currency: Type.Literal('CNY'),
  nextEvents: Type.Array(Str, { description: 'The events this caller may send now' }),
  awaiting: Type.Array(Type.Enum(AWAITED), {
    description:
      'Who the deal waits for: the roles with a move to make now (standing events such as WITHDRAW or TERMINATE do not count), or noticePeriod / payment when no event of a party ends the wait',
  }),
  toDo: Type.Boolean({ description: "The deal waits for the caller's own role (待您办理)" }),
  signedAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export const DealDetailPartsSchema = Obj({
  agreedTerms: Nullable(DealTermsSchema),
  proposals: Type.Array(ProposalSchema),
  nda: Obj({ required: Type.Boolean(), buyer: Nullable(SignatureSchema), seller: Nullable(SignatureSchema) }),
  publicNotice: Nullable(Obj({ startedAt: Instant, endsAt: Instant })),
  objections: Type.Array(ObjectionSchema),
  noticeObjections: Type.Array(NoticeObjectionSchema),
  pricingDecision: Nullable(PricingDecisionSchema),
  contract: Obj({ buyer: Nullable(SignatureSchema), seller: Nullable(SignatureSchema), signedAt: Nullable(Instant) }),
  contractRegistration: Nullable(ContractRegistrationSchema),
  closure: Nullable(ClosureSchema),
  progress: Nullable(DealProgressSchema),
  delivery: Nullable(
    Obj({
      documents: Str,
      status: Type.Enum(['delivered', 'rejected', 'accepted']),
      deliveredAt: Instant,
      acceptedAt: Nullable(Instant),
      rejections: Type.Array(Obj({ reason: Str, by: Str, at: Instant })),
    }),
  ),
});
export const DealSchema = Type.Intersect([DealSummarySchema, DealDetailPartsSchema]);

export type DealSummaryView = Static<typeof DealSummarySchema>;
export type DealView = Static<typeof DealSchema>;
export type LicenseProgressView = Static<typeof LicenseProgressSchema>;
export type TransferProgressView = Static<typeof TransferProgressSchema>;
export type EquityProgressView = Static<typeof EquityProgressSchema>;
export type CooperationProgressView = Static<typeof CooperationProgressSchema>;
