import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { OBJECTION_DECISIONS, PRICING_BASIS_KINDS, type ActorRole } from './deal.js';
import {
  APPRAISER_MAX,
  COMMISSION_MAX_BP,
  DECISION_BODY_MAX,
  DOCUMENT_REF_MAX,
  OBJECTION_ID_MAX,
  REASON_MAX,
  REGISTRATION_NO_MAX,
  REGISTRATION_REF_MAX,
  REGISTRY_MAX,
  ROYALTY_PERIOD,
  ROYALTY_PERIOD_MAX,
  SCHEDULE_INDEX_MAX,
} from './deal-event-limits.js';
import { ID_PATTERN } from './ids.js';
import type { DealForm } from './listing.js';
import { NOT_BLANK, schemaErrors, type FieldError } from './schema-errors.js';
import { Fen, IsoDate, Text, validateTerms, type DealTerms } from './terms.js';

// The payload of every deal event, each field bounded once (deal-event-limits.ts): the machines check events against
// these schemas, the events route's body is derived from them (`eventBodyFields`), and so is the event type the
// machines receive (`DealEvent`). Who may send an event, and what its payload must refer to in the deal, are the
// machines' business.

const Index = Type.Integer({ minimum: 0, maximum: SCHEDULE_INDEX_MAX });
const Reason = Text(REASON_MAX);
const RegistrationNo = Text(REGISTRATION_NO_MAX);
const RoyaltyPeriod = Type.String({ pattern: ROYALTY_PERIOD, maxLength: ROYALTY_PERIOD_MAX });
const BrokerId = Type.String({ pattern: ID_PATTERN, maxLength: 40 });
const CommissionRateBp = Type.Integer({ minimum: 0, maximum: COMMISSION_MAX_BP });
/** The terms' own shape depends on the deal's form: checked by `validateTerms` once the form is known. */
const TermsObject = Type.Object({}, { additionalProperties: true, maxProperties: 20 });

const ObjectionId = Type.String({ pattern: ID_PATTERN, maxLength: OBJECTION_ID_MAX });
const PricingBasis = Type.Object(
  { kind: Type.Enum(PRICING_BASIS_KINDS), reference: Text(DOCUMENT_REF_MAX) },
  { additionalProperties: false },
);

const Payload = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });
const NoPayload = Payload({});
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', maxLength: 64 });

export const EVENT_PAYLOADS = {
  ACCEPT_INQUIRY: NoPayload,
  DECLINE: Payload({ reason: Type.Optional(Reason) }),
  // The sha256 (hex) of the NDA text the signer was shown (GET /api/deals/:id/nda). Optional: API.md fixes SIGN_NDA
  // without a payload, so integrations that send none keep working and sign the text as rendered now; the web
  // client always sends it, and a hash that is not the current text's is refused (409 NDA_CHANGED).
  SIGN_NDA: Payload({ ndaSha256: Type.Optional(Sha256) }),
  PROPOSE_TERMS: Payload({ terms: TermsObject }),
  ACCEPT_TERMS: NoPayload,
  REJECT_TERMS: NoPayload,
  OFFER_EXPIRED: Payload({ proposalSeq: Type.Integer({ minimum: 1 }) }),
  WITHDRAW: Payload({ reason: Type.Optional(Reason) }),
  EXPIRE: NoPayload,
  RECORD_OBJECTION: Payload({ reason: Reason }),
  NOTICE_ENDED: NoPayload,
  // Machine version 2 (DOMAIN.md "Pricing routes"): the board files an objection as the system; the seller or the
  // admin answers it; the seller records its internal pricing decision (集体决策) before contracting.
  OBJECTION_FILED: Payload({ objectionId: ObjectionId, reason: Reason }),
  ANSWER_OBJECTION: Payload({ objectionId: ObjectionId, decision: Type.Enum(OBJECTION_DECISIONS), reason: Reason }),
  RECORD_PRICING_DECISION: Payload({
    body: Text(DECISION_BODY_MAX),
    decidedOn: IsoDate,
    documentRef: Text(DOCUMENT_REF_MAX),
    relatedParty: Type.Boolean(),
    basis: Type.Optional(PricingBasis),
  }),
  // The sha256 (hex) of the contract text the signer was shown (GET /api/deals/:id/contract, x-contract-sha256);
  // a hash that is not the current text's is refused (409 CONTRACT_CHANGED). Optional like SIGN_NDA's, so callers
  // that send none keep working: they sign the text as rendered now, and the server writes that text's hash into
  // the event, so every accepted signature's history names the hash it signed.
  SIGN_CONTRACT: Payload({ contractSha256: Type.Optional(Sha256) }),
  TERMINATE: Payload({ reason: Reason }),
  ASSIGN_BROKER: Payload({ brokerId: BrokerId, commissionRateBp: CommissionRateBp }),
  // 技术合同认定登记 (DOMAIN.md "After agreement"): the registry, its number, the date (not in the future, not before
  // signing: machines/preconditions.ts) and the certified technology income (认定技术交易额) in fen. The admin, as
  // registry, confirms a recorded registration.
  REGISTER_CONTRACT: Payload({
    registrationNo: RegistrationNo,
    registry: Text(REGISTRY_MAX),
    registeredOn: IsoDate,
    certifiedIncome: Fen(),
  }),
  CONFIRM_CONTRACT_REGISTRATION: NoPayload,
  REPORT_ROYALTIES: Payload({ period: RoyaltyPeriod, netSales: Fen() }),
  INVOICE_MILESTONE: Payload({ index: Index }),
  RECORD_FILING: Payload({ filingNo: RegistrationNo, filedAt: IsoDate }),
  COMPLETE: NoPayload,
  REMIND_ROYALTIES: NoPayload,
  PAYMENT_RECEIVED: Payload({ index: Index }),
  RECORD_ASSIGNMENT: Payload({ registrationNo: RegistrationNo, registeredAt: IsoDate }),
  SUBMIT_APPRAISAL: Payload({ appraiser: Text(APPRAISER_MAX), reportNo: RegistrationNo, appraisedValue: Fen() }),
  REGISTER_EQUITY: Payload({ registrationRef: Text(REGISTRATION_REF_MAX) }),
  DELIVER_MILESTONE: Payload({ index: Index }),
  ACCEPT_MILESTONE: Payload({ index: Index }),
  REQUEST_CHANGES: Payload({ index: Index, reason: Reason }),
  // Machine version 3 (DOMAIN.md "Formalities by IP type", "Performance"): a trade secret, know-how or software
  // passes by delivery of the technical documents, accepted by the buyer; the licence's own timers.
  DELIVER_DOCUMENTS: Payload({ documents: Text(DOCUMENT_REF_MAX) }),
  ACCEPT_DELIVERY: NoPayload,
  REJECT_DELIVERY: Payload({ reason: Reason }),
  TERM_ENDED: NoPayload,
  REMIND_FILING: NoPayload,
  FILING_OVERDUE: NoPayload,
  LICENCE_YEAR_ENDED: Payload({ year: Type.Integer({ minimum: 1, maximum: 100 }) }),
} as const satisfies Record<string, TObject>;

export type DealEventType = keyof typeof EVENT_PAYLOADS;
export const DEAL_EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as DealEventType[];

export interface DealActor {
  userId: string;
  role: ActorRole;
}
interface Envelope<T extends DealEventType> {
  type: T;
  actor: DealActor;
  at: string;
}
/** An event's own fields; the terms of a proposal are typed by form. */
export type EventPayload<T extends DealEventType> = T extends 'PROPOSE_TERMS'
  ? { terms: DealTerms }
  : Static<(typeof EVENT_PAYLOADS)[T]>;
/** The events the deal machines receive, one member per entry of EVENT_PAYLOADS. */
export type DealEvent = { [T in DealEventType]: Envelope<T> & EventPayload<T> }[DealEventType];

/**
 * The fields the events route accepts besides `type` and `expectedVersion`: every field of any payload, optional,
 * with the bounds written above. A field two events share must be bounded alike, or this throws at start-up.
 */
export function eventBodyFields(): Record<string, TSchema> {
  const fields: Record<string, TSchema> = {};
  for (const [type, payload] of Object.entries(EVENT_PAYLOADS) as [string, TObject][]) {
    for (const [name, schema] of Object.entries(payload.properties)) {
      const known = fields[name];
      if (known && JSON.stringify(known) !== JSON.stringify(schema))
        throw new Error(`the deal event field ${name} is bounded differently in ${type}`);
      fields[name] = Type.Optional(schema);
    }
  }
  return fields;
}

const PATTERNS = {
  [NOT_BLANK]: 'must not be blank',
  [ROYALTY_PERIOD]: 'must be a year, half-year, quarter or month, e.g. 2026, 2026H1, 2026Q3, 2026-07',
};

/**
 * Field errors of an event's payload (everything but `type`, `actor` and `at`), for an HTTP 400; a proposal's terms
 * are checked against the deal's form. What the payload refers to in the deal is checked by the machines
 * (machines/preconditions.ts), and who may send the event too.
 */
export function validateEventPayload(form: DealForm, event: { type: string; [key: string]: unknown }): FieldError[] {
  const { type, actor: _actor, at: _at, ...payload } = event;
  const schema = Object.hasOwn(EVENT_PAYLOADS, type) ? EVENT_PAYLOADS[type as DealEventType] : undefined;
  if (!schema) return [{ path: 'type', message: 'is not a deal event' }];
  const errors = schemaErrors(schema, payload, PATTERNS);
  if (errors.length > 0 || type !== 'PROPOSE_TERMS') return errors;
  return validateTerms(form, payload.terms).map((e) => ({
    path: e.path ? `terms.${e.path}` : 'terms',
    message: e.message,
  }));
}
