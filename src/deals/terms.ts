import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { eventPreconditions } from './machines/preconditions.js';
import type { DealContext, DealForm } from './machines/types.js';

export interface FieldError { path: string; message: string }

// Upper bound for any amount in fen (¥1 trillion): far below 2^53 even when a schedule is summed.
export const MAX_FEN = 100_000_000_000_000;
const Fen = (minimum = 0) => Type.Integer({ minimum, maximum: MAX_FEN });
const Bp = (minimum = 0) => Type.Integer({ minimum, maximum: 10_000 });
// `\S`: a field of blanks is as empty as a missing one.
const Text = (maxLength: number) => Type.String({ maxLength, pattern: '\\S' });
const IsoDate = Type.String({ format: 'date', maxLength: 10 });

// Licence types per the SPC interpretation on technology contract disputes, Art. 25.
export const LICENSE_TYPES = ['exclusive', 'sole', 'non_exclusive'] as const;
export const IP_OWNERSHIPS = ['buyer', 'seller', 'joint'] as const;
// Law on Promoting the Transformation of S&T Achievements, Art. 45: when a unit invests a result as equity and
// has not agreed otherwise, at least 50% of that equity goes to the people who made the result.
export const MIN_INVENTOR_REWARD_BP = 5_000;

export const LicenseTermsSchema = Type.Object({
  licenseType: Type.Enum(LICENSE_TYPES),
  territory: Text(200),
  fieldOfUse: Text(500),
  termMonths: Type.Integer({ minimum: 1, maximum: 600 }),
  upfrontFee: Fen(),
  royaltyRateBp: Bp(),
  minimumAnnualRoyalty: Type.Optional(Fen()),
  milestones: Type.Optional(Type.Array(Type.Object({ name: Text(200), amount: Fen(1) }, { additionalProperties: false }), { maxItems: 50 })),
}, { additionalProperties: false });

export const TransferTermsSchema = Type.Object({
  price: Fen(1),
  payments: Type.Array(
    Type.Object({ name: Text(200), amount: Fen(1), dueDays: Type.Integer({ minimum: 0, maximum: 3650 }) }, { additionalProperties: false }),
    { minItems: 1, maxItems: 24 },
  ),
}, { additionalProperties: false });

export const EquityTermsSchema = Type.Object({
  valuation: Fen(1),
  equityPercentBp: Bp(1),
  companyName: Text(200),
  registeredCapital: Fen(1),
  inventorRewardBp: Bp(),
}, { additionalProperties: false });

export const CooperationTermsSchema = Type.Object({
  scope: Text(2000),
  budget: Fen(),
  ipOwnership: Type.Enum(IP_OWNERSHIPS),
  milestones: Type.Array(
    Type.Object({ name: Text(200), amount: Fen(), deliverable: Text(1000), dueDate: IsoDate }, { additionalProperties: false }),
    { minItems: 1, maxItems: 50 },
  ),
}, { additionalProperties: false });

export type LicenseTerms = Static<typeof LicenseTermsSchema>;
export type TransferTerms = Static<typeof TransferTermsSchema>;
export type EquityTerms = Static<typeof EquityTermsSchema>;
export type CooperationTerms = Static<typeof CooperationTermsSchema>;
export type DealTerms = LicenseTerms | TransferTerms | EquityTerms | CooperationTerms;

export const TERMS_SCHEMAS = {
  license: LicenseTermsSchema,
  transfer: TransferTermsSchema,
  equity: EquityTermsSchema,
  cooperation: CooperationTermsSchema,
} as const satisfies Record<DealForm, TSchema>;

export function validateTerms(form: DealForm, terms: unknown): FieldError[] {
  const errors = schemaErrors(TERMS_SCHEMAS[form], terms);
  return errors.length > 0 ? errors : crossFieldErrors(form, terms as DealTerms);
}

const sum = (items: ReadonlyArray<{ amount: number }>) => items.reduce((total, item) => total + item.amount, 0);

function crossFieldErrors(form: DealForm, terms: DealTerms): FieldError[] {
  switch (form) {
    case 'transfer': {
      const t = terms as TransferTerms;
      const total = sum(t.payments);
      return total === t.price ? [] : [{ path: 'payments', message: `the payments add up to ${total} fen, not the price of ${t.price} fen` }];
    }
    case 'cooperation': {
      const t = terms as CooperationTerms;
      const total = sum(t.milestones);
      return total === t.budget ? [] : [{ path: 'milestones', message: `the milestones add up to ${total} fen, not the budget of ${t.budget} fen` }];
    }
    case 'equity': {
      const t = terms as EquityTerms;
      return t.inventorRewardBp >= MIN_INVENTOR_REWARD_BP ? [] : [{
        path: 'inventorRewardBp',
        message: `must be at least ${MIN_INVENTOR_REWARD_BP} (50%): Law on Promoting the Transformation of S&T Achievements, Art. 45`,
      }];
    }
    case 'license':
      return [];
  }
}

/** The value a deal is worth at signing: the base of the broker's commission and of the reports' contract value. */
export function contractValue(form: DealForm, terms: DealTerms): number {
  switch (form) {
    case 'license': {
      const t = terms as LicenseTerms;
      return t.upfrontFee + sum(t.milestones ?? []);
    }
    case 'transfer': return (terms as TransferTerms).price;
    case 'equity': return (terms as EquityTerms).valuation;
    case 'cooperation': return (terms as CooperationTerms).budget;
  }
}

// ---- event payloads ----

const Index = Type.Integer({ minimum: 0, maximum: 49 });
const Reason = Text(1000);
const RegistrationNo = Text(64);
// A calendar year, half, quarter or month: 2026, 2026H1, 2026Q3, 2026-07.
export const ROYALTY_PERIOD = '^\\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$';
const Payload = (properties: Record<string, TSchema>) => Type.Object(properties, { additionalProperties: false });
const NoPayload = Payload({});
const ProposalPayload = Payload({ terms: Type.Unknown() });

const PAYLOAD_SCHEMAS: Record<string, TSchema> = {
  ACCEPT_INQUIRY: NoPayload,
  DECLINE: Payload({ reason: Type.Optional(Reason) }),
  SIGN_NDA: NoPayload,
  ACCEPT_TERMS: NoPayload,
  REJECT_TERMS: NoPayload,
  OFFER_EXPIRED: Payload({ proposalSeq: Type.Integer({ minimum: 1 }) }),
  WITHDRAW: Payload({ reason: Type.Optional(Reason) }),
  EXPIRE: NoPayload,
  RECORD_OBJECTION: Payload({ reason: Reason }),
  NOTICE_ENDED: NoPayload,
  SIGN_CONTRACT: NoPayload,
  TERMINATE: Payload({ reason: Reason }),
  ASSIGN_BROKER: Payload({ brokerId: Text(64), commissionRateBp: Bp() }),
  REGISTER_CONTRACT: Payload({ registrationNo: RegistrationNo }),
  REPORT_ROYALTIES: Payload({ period: Type.String({ pattern: ROYALTY_PERIOD, maxLength: 7 }), netSales: Fen() }),
  INVOICE_MILESTONE: Payload({ index: Index }),
  RECORD_FILING: Payload({ filingNo: RegistrationNo, filedAt: IsoDate }),
  COMPLETE: NoPayload,
  REMIND_ROYALTIES: NoPayload,
  PAYMENT_RECEIVED: Payload({ index: Index }),
  RECORD_ASSIGNMENT: Payload({ registrationNo: RegistrationNo, registeredAt: IsoDate }),
  SUBMIT_APPRAISAL: Payload({ appraiser: Text(200), reportNo: RegistrationNo, appraisedValue: Fen() }),
  REGISTER_EQUITY: Payload({ registrationRef: Text(100) }),
  DELIVER_MILESTONE: Payload({ index: Index }),
  ACCEPT_MILESTONE: Payload({ index: Index }),
  REQUEST_CHANGES: Payload({ index: Index, reason: Reason }),
};

/**
 * Field errors of an event's payload (everything but `type`, `actor` and `at`), for an HTTP 400. With the deal's
 * context it also checks what the payload refers to (a milestone that exists and was not yet invoiced, a royalty
 * period not reported before, …). Who may send the event is the machine's business, not this function's.
 */
export function validateEventPayload(form: DealForm, event: { type: string; [key: string]: unknown }, context?: DealContext): FieldError[] {
  const { type, actor: _actor, at: _at, ...payload } = event;
  if (type === 'PROPOSE_TERMS') {
    const shape = schemaErrors(ProposalPayload, payload);
    if (shape.length > 0) return shape;
    return validateTerms(form, payload.terms).map((e) => ({ path: e.path ? `terms.${e.path}` : 'terms', message: e.message }));
  }
  const schema = Object.hasOwn(PAYLOAD_SCHEMAS, type) ? PAYLOAD_SCHEMAS[type] : undefined;
  if (!schema) return [{ path: 'type', message: 'is not a deal event' }];
  const errors = schemaErrors(schema, payload);
  if (errors.length > 0 || !context) return errors;
  return eventPreconditions(event as never, context);
}

const PATTERN_MESSAGES: Record<string, string> = {
  '\\S': 'must not be blank',
  [ROYALTY_PERIOD]: 'must be a year, half-year, quarter or month, e.g. 2026, 2026H1, 2026Q3, 2026-07',
};

interface SchemaError { keyword: string; instancePath: string; params: Record<string, unknown>; message: string }

// Most payloads are valid: a compiled check (once per schema) answers those; the errors are listed only for the rest.
const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function schemaErrors(schema: TSchema, value: unknown): FieldError[] {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = Compile(schema)));
  if (check.Check(value)) return [];
  const raw = Value.Errors(schema, value) as unknown as SchemaError[];
  const out: FieldError[] = [];
  for (const e of raw) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const at = (key: string) => (base ? `${base}.${key}` : key);
    if (e.keyword === 'required') {
      for (const key of e.params.requiredProperties as string[]) out.push({ path: at(key), message: 'is required' });
    } else if (e.keyword === 'additionalProperties') {
      for (const key of e.params.additionalProperties as string[]) out.push({ path: at(key), message: 'is not an allowed property' });
    } else if (e.keyword === 'boolean') {
      // Reported once more, by the parent's additionalProperties error above.
    } else if (e.keyword === 'enum') {
      out.push({ path: base, message: `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}` });
    } else if (e.keyword === 'pattern') {
      out.push({ path: base, message: PATTERN_MESSAGES[e.params.pattern as string] ?? e.message });
    } else if (e.keyword === 'format' && e.params.format === 'date') {
      out.push({ path: base, message: 'must be a calendar date (YYYY-MM-DD)' });
    } else {
      out.push({ path: base, message: e.message });
    }
  }
  return firstPerPath(out);
}

// One message per field is enough to fix it (`0.5` is both "not an integer" and "below 1").
function firstPerPath(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && seen.add(e.path));
}
