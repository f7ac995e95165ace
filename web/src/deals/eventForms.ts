import type { Deal, LicenseProgress, CooperationProgress } from '../api/deal-types.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import type { Label } from '../i18n/labels.js';
import {
  OBJECTION_DECISION_LABELS,
  OBJECTION_DECISIONS,
  PRICING_BASIS_KINDS,
  PRICING_BASIS_LABELS,
} from '../../../src/shared/deal.ts';
import { chinaDate } from '../../../src/shared/china-time.ts';
import type { Problem } from '../lib/problems.js';
import {
  APPRAISER_MAX,
  COMMISSION_MAX_BP,
  DECISION_BODY_MAX,
  DOCUMENT_REF_MAX,
  REASON_MAX,
  REGISTRATION_NO_MAX,
  REGISTRY_MAX,
  REGISTRATION_REF_MAX,
  ROYALTY_PERIOD,
} from '../../../src/shared/deal-event-limits.ts';
import { MAX_FEN, parsePercentBp } from './termsForm.js';

// The fields each deal event carries (src/shared/deal-events.ts, EVENT_PAYLOADS), with the same checks and the
// same bounds (src/shared/deal-event-limits.ts). Events without fields are sent straight from their button.

export type EventFieldKind =
  'text' | 'reason' | 'yuan' | 'percent' | 'date' | 'period' | 'milestone' | 'broker' | 'objection' | 'choice';
export interface EventField {
  name: string;
  kind: EventFieldKind;
  label: MessageKey;
  hint?: MessageKey;
  max?: number;
  required: boolean;
  /** A choice's closed set: the value sent and its label. */
  options?: Array<{ value: string; label: Label | MessageKey }>;
}

const reason = (required: boolean): EventField => ({
  name: 'reason',
  kind: 'reason',
  label: required ? 'event.reason' : 'event.reasonOptional',
  max: REASON_MAX,
  required,
});
const milestone: EventField = { name: 'index', kind: 'milestone', label: 'event.milestone', required: true };
const text = (name: string, label: MessageKey, max: number, hint?: MessageKey): EventField => ({
  name,
  kind: 'text',
  label,
  max,
  required: true,
  hint,
});

export const EVENT_FORMS: Record<string, EventField[]> = {
  DECLINE: [reason(false)],
  WITHDRAW: [reason(false)],
  TERMINATE: [reason(true)],
  RECORD_OBJECTION: [reason(true)],
  // The public notice board (DOMAIN.md "Pricing routes"): the seller or the bureau answers each objection.
  ANSWER_OBJECTION: [
    { name: 'objectionId', kind: 'objection', label: 'event.objection', required: true },
    {
      name: 'decision',
      kind: 'choice',
      label: 'event.decision',
      required: true,
      options: OBJECTION_DECISIONS.map((d) => ({ value: d, label: OBJECTION_DECISION_LABELS[d] })),
    },
    reason(true),
  ],
  RECORD_PRICING_DECISION: [
    text('body', 'event.decisionBody', DECISION_BODY_MAX),
    { name: 'decidedOn', kind: 'date', label: 'event.decidedOn', required: true },
    text('documentRef', 'event.documentRef', DOCUMENT_REF_MAX),
    {
      name: 'relatedParty',
      kind: 'choice',
      label: 'event.relatedParty',
      hint: 'event.relatedPartyHint',
      required: true,
      options: [
        { value: 'false', label: 'event.no' },
        { value: 'true', label: 'event.yes' },
      ],
    },
    {
      name: 'basisKind',
      kind: 'choice',
      label: 'event.basisKind',
      required: false,
      options: PRICING_BASIS_KINDS.map((k) => ({ value: k, label: PRICING_BASIS_LABELS[k] })),
    },
    { ...text('basisReference', 'event.basisReference', DOCUMENT_REF_MAX), required: false },
  ],
  ASSIGN_BROKER: [
    { name: 'brokerId', kind: 'broker', label: 'event.broker', required: true },
    {
      name: 'commissionRateBp',
      kind: 'percent',
      label: 'event.commissionRate',
      hint: 'event.commissionRateHint',
      required: true,
    },
  ],
  REGISTER_CONTRACT: [
    text('registrationNo', 'event.contractRegistrationNo', REGISTRATION_NO_MAX),
    text('registry', 'event.contractRegistry', REGISTRY_MAX, 'event.contractRegistryHint'),
    { name: 'registeredOn', kind: 'date', label: 'event.contractRegisteredOn', required: true },
    { name: 'certifiedIncome', kind: 'yuan', label: 'event.certifiedIncome', required: true },
  ],
  REPORT_ROYALTIES: [
    { name: 'period', kind: 'period', label: 'event.period', hint: 'event.periodHint', required: true },
    { name: 'netSales', kind: 'yuan', label: 'event.netSales', required: true },
  ],
  INVOICE_MILESTONE: [milestone],
  RECORD_FILING: [
    text('filingNo', 'event.filingNo', REGISTRATION_NO_MAX),
    { name: 'filedAt', kind: 'date', label: 'event.filedAt', required: true },
  ],
  RECORD_ASSIGNMENT: [
    text('registrationNo', 'event.assignmentNo', REGISTRATION_NO_MAX),
    { name: 'registeredAt', kind: 'date', label: 'event.registeredAt', required: true },
  ],
  SUBMIT_APPRAISAL: [
    text('appraiser', 'event.appraiser', APPRAISER_MAX),
    text('reportNo', 'event.reportNo', REGISTRATION_NO_MAX),
    { name: 'appraisedValue', kind: 'yuan', label: 'event.appraisedValue', required: true },
  ],
  REGISTER_EQUITY: [text('registrationRef', 'event.registrationRef', REGISTRATION_REF_MAX)],
  DELIVER_MILESTONE: [milestone],
  ACCEPT_MILESTONE: [milestone],
  REQUEST_CHANGES: [milestone, reason(true)],
  DELIVER_DOCUMENTS: [text('documents', 'event.documents', DOCUMENT_REF_MAX)],
  REJECT_DELIVERY: [reason(true)],
};

/** Whether an event opens a form before it is sent (terms have their own forms). */
export const needsForm = (type: string) => type === 'PROPOSE_TERMS' || Object.hasOwn(EVENT_FORMS, type);

export interface MilestoneOption {
  index: number;
  label: string;
}

/** The milestones an event may name now: those not invoiced yet, pending delivery, or delivered and awaiting review. */
export function milestoneOptions(type: string, deal: Deal): MilestoneOption[] {
  const option = (m: { name: string; amount: number }, index: number) => ({
    index,
    label: `${m.name} · ${formatFen(m.amount)}`,
  });
  if (type === 'INVOICE_MILESTONE') {
    const licensed = (deal.progress as LicenseProgress | null)?.milestones ?? [];
    return licensed.map(option).filter((_, i) => licensed[i].invoicedAt === null);
  }
  const wanted = type === 'DELIVER_MILESTONE' ? 'pending' : 'delivered';
  const milestones = (deal.progress as CooperationProgress | null)?.milestones ?? [];
  return milestones.map(option).filter((_, i) => milestones[i].status === wanted);
}

/** The objections of the notice now running that still await an answer. */
export function openObjections(deal: Deal) {
  const startedAt = deal.publicNotice?.startedAt;
  return deal.noticeObjections.filter((o) => o.noticeStartedAt === startedAt && o.answer === null);
}

// The pricing decision's basis is one object on the wire: both parts, or neither.
function withBasis(payload: Record<string, unknown>, errors: Record<string, Problem>) {
  const { basisKind, basisReference, ...rest } = payload;
  if (basisKind === undefined && basisReference === undefined) return rest;
  if (basisKind === undefined) errors.basisKind = { key: 'form.required' };
  if (basisReference === undefined) errors.basisReference = { key: 'form.required' };
  return { ...rest, basis: { kind: basisKind, reference: basisReference } };
}

const PERIOD = new RegExp(ROYALTY_PERIOD);
const ID = /^[a-z]{2,5}_[0-9a-z]{21}$/;

/** The payload for an event from its typed fields, or the problems per field. `now` is injectable for tests. */
export function parseEventPayload(
  type: string,
  values: Record<string, string>,
  deal: Deal,
  now = new Date(),
): { payload: Record<string, unknown> | null; errors: Record<string, Problem> } {
  const errors: Record<string, Problem> = {};
  const payload: Record<string, unknown> = {};
  for (const field of EVENT_FORMS[type] ?? []) {
    const raw = (values[field.name] ?? '').trim();
    const fail = (problem: Problem) => {
      errors[field.name] = problem;
    };
    if (!raw) {
      if (field.required) fail({ key: 'form.required' });
      continue;
    }
    if (field.max && raw.length > field.max) {
      fail({ key: 'listingForm.tooLong', vars: { max: field.max } });
      continue;
    }
    switch (field.kind) {
      case 'text':
      case 'reason':
        payload[field.name] = raw;
        break;
      case 'broker':
        if (ID.test(raw)) payload[field.name] = raw;
        else fail({ key: 'event.idInvalid' });
        break;
      case 'period':
        if (PERIOD.test(raw)) payload[field.name] = raw;
        else fail({ key: 'event.periodInvalid' });
        break;
      case 'yuan': {
        const fen = parseYuan(raw);
        if (fen === null) fail({ key: 'listingForm.money' });
        else if (fen > MAX_FEN) fail({ key: 'listingForm.moneyMax' });
        else payload[field.name] = fen;
        break;
      }
      case 'percent': {
        // The route bounds a broker's commission at 30%.
        const bp = parsePercentBp(raw);
        if (bp === null || bp > COMMISSION_MAX_BP) fail({ key: 'event.commissionRange' });
        else payload[field.name] = bp;
        break;
      }
      case 'date': {
        const valid = /^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
        if (!valid) fail({ key: 'terms.date' });
        else if (raw > chinaDate(now.toISOString())) fail({ key: 'event.dateFuture' });
        else if (deal.contract.signedAt && raw < chinaDate(deal.contract.signedAt))
          fail({ key: 'event.dateBeforeSigning' });
        else payload[field.name] = raw;
        break;
      }
      case 'objection':
        if (openObjections(deal).some((o) => o.id === raw)) payload[field.name] = raw;
        else fail({ key: 'form.required' });
        break;
      case 'choice':
        if (!field.options?.some((o) => o.value === raw)) fail({ key: 'form.required' });
        else payload[field.name] = raw === 'true' ? true : raw === 'false' ? false : raw;
        break;
      case 'milestone': {
        const index = Number(raw);
        if (milestoneOptions(type, deal).some((o) => o.index === index)) payload[field.name] = index;
        else fail({ key: 'form.required' });
        break;
      }
    }
  }
  const shaped = type === 'RECORD_PRICING_DECISION' ? withBasis(payload, errors) : payload;
  return Object.keys(errors).length ? { payload: null, errors } : { payload: shaped, errors };
}
