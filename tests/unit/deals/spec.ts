import type { ActorRole, DealForm } from '../../../src/deals/machines/index.js';
import { TERMS } from './fixtures.js';

// Who may send each event, and in which states, as DOMAIN.md and API.md put it. The tests hold the machines
// to this table; the machines themselves never read it.
const PRE = ['inquiry', 'nda', 'negotiating', 'publicNotice', 'appraisal', 'contracting'];
const POST = ['active', 'payment', 'recordal', 'delivery', 'ipAssignment', 'equityRegistration', 'inProgress'];

interface Rule {
  senders: ActorRole[];
  states: string[];
  forms?: DealForm[];
}
export const RULES: Record<string, Rule> = {
  ACCEPT_INQUIRY: { senders: ['seller'], states: ['inquiry'] },
  DECLINE: { senders: ['seller'], states: PRE },
  WITHDRAW: { senders: ['buyer'], states: PRE },
  EXPIRE: { senders: ['system'], states: PRE },
  ASSIGN_BROKER: { senders: ['admin'], states: [...PRE, ...POST] },
  SIGN_NDA: { senders: ['buyer', 'seller'], states: ['nda'] },
  PROPOSE_TERMS: { senders: ['buyer', 'seller', 'broker'], states: ['negotiating'] },
  ACCEPT_TERMS: { senders: ['buyer', 'seller'], states: ['negotiating'] },
  REJECT_TERMS: { senders: ['buyer', 'seller'], states: ['negotiating'] },
  OFFER_EXPIRED: { senders: ['system'], states: ['negotiating'] },
  RECORD_PRICING_DECISION: { senders: ['seller'], states: ['negotiating', 'publicNotice'] },
  OBJECTION_FILED: { senders: ['system'], states: ['publicNotice'] },
  ANSWER_OBJECTION: { senders: ['seller', 'admin'], states: ['publicNotice'] },
  NOTICE_ENDED: { senders: ['system'], states: ['publicNotice'] },
  SIGN_CONTRACT: { senders: ['buyer', 'seller'], states: ['contracting'] },
  TERMINATE: { senders: ['buyer', 'seller', 'admin'], states: POST },
  REGISTER_CONTRACT: { senders: ['buyer', 'seller', 'broker'], states: POST },
  // The admin as registry, once a registration is recorded (before that no one is offered it).
  CONFIRM_CONTRACT_REGISTRATION: { senders: ['admin'], states: POST },
  REPORT_ROYALTIES: { senders: ['buyer'], states: ['active'], forms: ['license'] },
  INVOICE_MILESTONE: { senders: ['seller'], states: ['active'], forms: ['license'] },
  RECORD_FILING: { senders: ['seller'], states: ['active'], forms: ['license'] },
  // Version 3: before its term a licence completes only by both parties; its timers are the system's.
  COMPLETE: { senders: ['buyer', 'seller'], states: ['active'], forms: ['license'] },
  TERM_ENDED: { senders: ['system'], states: ['active'], forms: ['license'] },
  REMIND_FILING: { senders: ['system'], states: ['active'], forms: ['license'] },
  FILING_OVERDUE: { senders: ['system'], states: ['active'], forms: ['license'] },
  LICENCE_YEAR_ENDED: { senders: ['system'], states: ['active'], forms: ['license'] },
  PAYMENT_RECEIVED: { senders: ['system'], states: ['payment'], forms: ['transfer'] },
  RECORD_ASSIGNMENT: {
    senders: ['seller'],
    states: ['recordal', 'delivery', 'ipAssignment'],
    forms: ['transfer', 'equity'],
  },
  DELIVER_DOCUMENTS: { senders: ['seller'], states: ['delivery', 'ipAssignment'], forms: ['transfer', 'equity'] },
  ACCEPT_DELIVERY: { senders: ['buyer'], states: ['delivery', 'ipAssignment'], forms: ['transfer', 'equity'] },
  REJECT_DELIVERY: { senders: ['buyer'], states: ['delivery', 'ipAssignment'], forms: ['transfer', 'equity'] },
  SUBMIT_APPRAISAL: { senders: ['seller'], states: ['appraisal'], forms: ['equity'] },
  REGISTER_EQUITY: { senders: ['buyer', 'seller'], states: ['equityRegistration'], forms: ['equity'] },
  DELIVER_MILESTONE: { senders: ['seller'], states: ['inProgress'], forms: ['cooperation'] },
  ACCEPT_MILESTONE: { senders: ['buyer'], states: ['inProgress'], forms: ['cooperation'] },
  REQUEST_CHANGES: { senders: ['buyer'], states: ['inProgress'], forms: ['cooperation'] },
};
export const EVENT_TYPES = Object.keys(RULES);

/** Whether `type` has a transition in `state` of a `form` deal at all. */
export function stateAccepts(form: DealForm, state: string, type: string): boolean {
  const rule = RULES[type];
  return (rule.forms ?? [form]).includes(form) && rule.states.includes(state.split('.')[0]);
}

export const OBJECTION_ID = 'obj_000000000000000000001';
/** A REGISTER_CONTRACT payload but for its date (registeredOn: not before signing, not in the future). */
export const CONTRACT_REGISTRATION = {
  registrationNo: '6501012026000123',
  registry: '兵团技术市场',
  certifiedIncome: 50_000_000,
};
export const PRICING_DECISION = {
  body: '校长办公会 President’s office meeting',
  documentRef: '校办纪要〔2026〕12号',
  relatedParty: false,
  basis: { kind: 'appraisal', reference: '新天评报字〔2026〕第018号' },
};

type Payload = Record<string, unknown> | ((at: string) => Record<string, unknown>);
export type Step = [type: string, role: ActorRole, payload: Payload, expectedState: string];

/**
 * The longest ordinary path of each form: broker assigned, NDA, broker's proposal accepted by both, public
 * notice, then the form's own performance to `completed`.
 */
export function happyPath(form: DealForm): Step[] {
  const opening: Step[] = [
    ['ASSIGN_BROKER', 'admin', { brokerId: 'us_000000000000000broker', commissionRateBp: 300 }, 'inquiry'],
    ['ACCEPT_INQUIRY', 'seller', {}, 'nda'],
    ['SIGN_NDA', 'buyer', {}, 'nda'],
    ['SIGN_NDA', 'seller', {}, 'negotiating'],
    ['PROPOSE_TERMS', 'broker', { terms: TERMS[form] }, 'negotiating'],
    ['ACCEPT_TERMS', 'buyer', {}, 'negotiating'],
    ['RECORD_PRICING_DECISION', 'seller', (at) => ({ ...PRICING_DECISION, decidedOn: at.slice(0, 10) }), 'negotiating'],
    ['ACCEPT_TERMS', 'seller', {}, 'publicNotice'],
    ['OBJECTION_FILED', 'system', { objectionId: OBJECTION_ID, reason: '价格偏低 Price too low' }, 'publicNotice'],
    [
      'ANSWER_OBJECTION',
      'seller',
      { objectionId: OBJECTION_ID, decision: 'dismissed', reason: '有评估报告支持 Backed by the appraisal' },
      'publicNotice',
    ],
    ['NOTICE_ENDED', 'system', {}, form === 'equity' ? 'appraisal' : 'contracting.awaitingBoth'],
  ];
  const appraisal: Step[] =
    form === 'equity'
      ? [
          [
            'SUBMIT_APPRAISAL',
            'seller',
            { appraiser: 'Tianzheng', reportNo: 'TZ-1', appraisedValue: 60_000_000 },
            'contracting.awaitingBoth',
          ],
        ]
      : [];
  const signed = { license: 'active', transfer: 'payment', equity: 'ipAssignment', cooperation: 'inProgress' }[form];
  const signing: Step[] = [
    ['SIGN_CONTRACT', 'seller', {}, 'contracting.awaitingBuyer'],
    ['SIGN_CONTRACT', 'buyer', {}, signed],
    ['REGISTER_CONTRACT', 'broker', (at) => ({ ...CONTRACT_REGISTRATION, registeredOn: at.slice(0, 10) }), signed],
    ['CONFIRM_CONTRACT_REGISTRATION', 'admin', {}, signed],
  ];
  const performance: Record<DealForm, Step[]> = {
    license: [
      ['INVOICE_MILESTONE', 'seller', { index: 0 }, 'active'],
      ['RECORD_FILING', 'seller', (at) => ({ filingNo: '2026650000123', filedAt: at.slice(0, 10) }), 'active'],
      ['REPORT_ROYALTIES', 'buyer', { period: '2026H1', netSales: 1_000_000 }, 'active'],
      ['COMPLETE', 'seller', {}, 'active'],
      ['COMPLETE', 'buyer', {}, 'completed'],
    ],
    transfer: [
      ['PAYMENT_RECEIVED', 'system', { index: 1 }, 'payment'],
      ['PAYMENT_RECEIVED', 'system', { index: 0 }, 'recordal'],
      [
        'RECORD_ASSIGNMENT',
        'seller',
        (at) => ({ registrationNo: 'ZL201910123456.7', registeredAt: at.slice(0, 10) }),
        'completed',
      ],
    ],
    equity: [
      [
        'RECORD_ASSIGNMENT',
        'seller',
        (at) => ({ registrationNo: 'ZL201910123456.7', registeredAt: at.slice(0, 10) }),
        'equityRegistration',
      ],
      ['REGISTER_EQUITY', 'buyer', { registrationRef: '91659001MA7XXXX' }, 'completed'],
    ],
    cooperation: [
      ['DELIVER_MILESTONE', 'seller', { index: 0 }, 'inProgress'],
      ['ACCEPT_MILESTONE', 'buyer', { index: 0 }, 'inProgress'],
      ['DELIVER_MILESTONE', 'seller', { index: 1 }, 'inProgress'],
      ['ACCEPT_MILESTONE', 'buyer', { index: 1 }, 'completed'],
    ],
  };
  return [...opening, ...appraisal, ...signing, ...performance[form]];
}
