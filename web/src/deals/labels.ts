import {
  ACTOR_ROLE_LABELS,
  IP_OWNERSHIP_LABELS as IP_OWNERSHIP_LABELS_BY_OWNER,
  LICENSE_TYPE_LABELS as LICENSE_TYPE_LABELS_BY_TYPE,
  PROPOSAL_STATUS_LABELS as PROPOSAL_STATUS_LABELS_BY_STATUS,
} from '../../../src/shared/deal.ts';
import type { Label } from '../i18n/labels.js';

// The deal machines' states and events (src/deals/machines/) in the words of DOMAIN.md. The room shows the
// state's label and what happens next; the buttons carry the events' labels.

type Tone = 'neutral' | 'progress' | 'good' | 'warn' | 'bad';
interface StateText {
  label: Label;
  next: Label;
  tone: Tone;
}

const ENDED = (zh: string, en: string, tone: Tone): StateText => ({
  label: { zh, en },
  next: { zh: '交易已结束，记录保留在下方历史中。', en: 'The deal has ended; its record stays in the history below.' },
  tone,
});

export const DEAL_STATES: Record<string, StateText> = {
  inquiry: {
    label: { zh: '洽谈请求', en: 'Inquiry' },
    next: {
      zh: '需求方已发出洽谈请求：成果方接受后进入条款磋商（需要时先签保密协议），也可以拒绝。',
      en: 'The buyer has sent an inquiry: the seller accepts it (then an NDA where one is needed, and negotiation) or declines.',
    },
    tone: 'progress',
  },
  'nda.awaitingBoth': {
    label: { zh: '签署保密协议', en: 'NDA' },
    next: {
      zh: '该成果需要保密协议：双方签署后进入条款磋商，需求方可查看保密信息。',
      en: 'This technology needs an NDA: once both parties sign, negotiation opens and the buyer sees the confidential details.',
    },
    tone: 'progress',
  },
  'nda.awaitingBuyer': {
    label: { zh: '待需求方签署保密协议', en: 'NDA: awaiting the buyer' },
    next: { zh: '成果方已签署保密协议，等待需求方签署。', en: 'The seller has signed the NDA; the buyer signs next.' },
    tone: 'progress',
  },
  'nda.awaitingSeller': {
    label: { zh: '待成果方签署保密协议', en: 'NDA: awaiting the seller' },
    next: { zh: '需求方已签署保密协议，等待成果方签署。', en: 'The buyer has signed the NDA; the seller signs next.' },
    tone: 'progress',
  },
  negotiating: {
    label: { zh: '条款磋商', en: 'Negotiating' },
    next: {
      zh: '任一方（或技术经理人）提出条款，另一方接受或拒绝最新的提议；也可以提出新的条款还价。双方接受后进入合同签署。',
      en: 'Either party (or the broker) proposes terms; the other accepts or rejects the latest proposal, or counters with new terms. Accepted terms lead to the contract.',
    },
    tone: 'progress',
  },
  publicNotice: {
    label: { zh: '价格公示', en: 'Public notice' },
    next: {
      zh: '成交价格正在公示平台公示（《促进科技成果转化法》第十八条）；任何登录用户可提出异议，成果方或科技局逐一答复。公示期满且异议均已答复后进入合同签署。',
      en: 'The agreed price is on the public notice board (Law on Promoting the Transformation of S&T Achievements, Art. 18); anyone signed in may object, and the seller or the bureau answers each objection. When the period is over and every objection is answered, the contract can be signed.',
    },
    tone: 'progress',
  },
  'contracting.awaitingBoth': {
    label: { zh: '签署合同', en: 'Contracting' },
    next: {
      zh: '条款已达成一致，等待双方签署合同（先后不限）。',
      en: 'The terms are agreed; both parties sign the contract, in either order.',
    },
    tone: 'progress',
  },
  'contracting.awaitingBuyer': {
    label: { zh: '待需求方签署合同', en: 'Contract: awaiting the buyer' },
    next: { zh: '成果方已签署合同，等待需求方签署。', en: 'The seller has signed the contract; the buyer signs next.' },
    tone: 'progress',
  },
  'contracting.awaitingSeller': {
    label: { zh: '待成果方签署合同', en: 'Contract: awaiting the seller' },
    next: { zh: '需求方已签署合同，等待成果方签署。', en: 'The buyer has signed the contract; the seller signs next.' },
    tone: 'progress',
  },
  appraisal: {
    label: { zh: '资产评估', en: 'Appraisal' },
    next: {
      zh: '以技术作价出资须经评估（《公司法》第四十八条）：成果方提交评估报告；估值高于评估值时退回条款磋商。',
      en: 'A contribution in kind is appraised first (Company Law Art. 48): the seller submits the appraisal; a valuation above the appraised value returns the deal to negotiation.',
    },
    tone: 'progress',
  },
  active: {
    label: { zh: '许可履行中', en: 'Licence in force' },
    next: {
      zh: '许可已生效，入门费发票已开具：需求方按期报告销售额计算提成；成果方应在三个月内办理许可合同备案。',
      en: 'The licence is in force and the upfront-fee invoice is issued: the buyer reports net sales for royalties; the seller files the licence contract with CNIPA within three months.',
    },
    tone: 'good',
  },
  payment: {
    label: { zh: '分期付款', en: 'Payment' },
    next: {
      zh: '合同已签署，按付款计划逐期开具发票；全部付清后登记权利转移。',
      en: 'The contract is signed; an invoice is issued per instalment. When all are paid, the assignment is registered.',
    },
    tone: 'good',
  },
  recordal: {
    label: { zh: '权利转移登记', en: 'Recordal' },
    next: {
      zh: '款项已付清：成果方登记专利权转让（自国家知识产权局登记之日起生效，《专利法》第十条）。',
      en: 'Paid in full: the seller records the assignment (it takes effect when CNIPA registers it, Patent Law Art. 10).',
    },
    tone: 'good',
  },
  delivery: {
    label: { zh: '技术资料交付', en: 'Delivery of documents' },
    next: {
      zh: '款项已付清：成果方交付技术资料，需求方验收后交易完成（技术秘密等无需登记，《民法典》第八百六十六条）。',
      en: 'Paid in full: the seller delivers the technical documents; the deal completes when the buyer accepts them (no registration for trade secrets, Civil Code Art. 866).',
    },
    tone: 'good',
  },
  ipAssignment: {
    label: { zh: '知识产权出资转移', en: 'IP transfer to the company' },
    next: {
      zh: '合同已签署：成果方将知识产权转移至公司（《公司法》第四十九条）。',
      en: 'The contract is signed: the seller transfers the IP to the company (Company Law Art. 49).',
    },
    tone: 'good',
  },
  equityRegistration: {
    label: { zh: '股权变更登记', en: 'Equity registration' },
    next: {
      zh: '知识产权已转移：任一方登记股权变更（工商变更）后交易完成。',
      en: 'The IP has been transferred: either party records the change of shareholders, which completes the deal.',
    },
    tone: 'good',
  },
  inProgress: {
    label: { zh: '研发进行中', en: 'Development in progress' },
    next: {
      zh: '成果方逐个交付里程碑；需求方验收（验收后开具该里程碑发票）或要求修改。全部验收后交易完成。',
      en: 'The seller delivers each milestone; the buyer accepts it (which invoices it) or requests changes. The deal completes when all are accepted.',
    },
    tone: 'good',
  },
  declined: ENDED('已拒绝', 'Declined', 'bad'),
  withdrawn: ENDED('已撤回', 'Withdrawn', 'bad'),
  expired: ENDED('已过期', 'Expired', 'bad'),
  terminated: ENDED('已终止', 'Terminated', 'bad'),
  completed: ENDED('已完成', 'Completed', 'good'),
};

/** A state's text; a substate this build does not know falls back to its parent, then to the raw value. */
export function stateText(state: string): StateText {
  const known = DEAL_STATES[state] ?? DEAL_STATES[`${state}.awaitingBoth`] ?? DEAL_STATES[state.split('.')[0]];
  return known ?? { label: { zh: state, en: state }, next: { zh: '', en: '' }, tone: 'neutral' };
}

export const DEAL_EVENT_LABELS: Record<string, Label> = {
  OPEN: { zh: '发起洽谈', en: 'Deal opened' },
  ACCEPT_INQUIRY: { zh: '接受洽谈', en: 'Accept inquiry' },
  DECLINE: { zh: '拒绝洽谈', en: 'Decline' },
  SIGN_NDA: { zh: '签署保密协议', en: 'Sign NDA' },
  PROPOSE_TERMS: { zh: '提出条款', en: 'Propose terms' },
  ACCEPT_TERMS: { zh: '接受条款', en: 'Accept terms' },
  REJECT_TERMS: { zh: '拒绝条款', en: 'Reject terms' },
  OFFER_EXPIRED: { zh: '报价过期', en: 'Offer expired' },
  WITHDRAW: { zh: '撤回交易', en: 'Withdraw' },
  EXPIRE: { zh: '长期无进展关闭', en: 'Closed for inactivity' },
  RECORD_OBJECTION: { zh: '登记公示异议', en: 'Record objection' },
  NOTICE_ENDED: { zh: '公示期满', en: 'Notice period ended' },
  OBJECTION_FILED: { zh: '收到公示异议', en: 'Objection filed' },
  ANSWER_OBJECTION: { zh: '答复公示异议', en: 'Answer objection' },
  RECORD_PRICING_DECISION: { zh: '登记定价决策', en: 'Record pricing decision' },
  SIGN_CONTRACT: { zh: '签署合同', en: 'Sign contract' },
  TERMINATE: { zh: '终止合同', en: 'Terminate' },
  ASSIGN_BROKER: { zh: '指派技术经理人', en: 'Assign broker' },
  REGISTER_CONTRACT: { zh: '技术合同认定登记', en: 'Register contract' },
  CONFIRM_CONTRACT_REGISTRATION: { zh: '确认技术合同登记', en: 'Confirm contract registration' },
  REPORT_ROYALTIES: { zh: '报告销售额', en: 'Report royalties' },
  INVOICE_MILESTONE: { zh: '开具里程碑发票', en: 'Invoice milestone' },
  RECORD_FILING: { zh: '登记许可合同备案', en: 'Record licence filing' },
  COMPLETE: { zh: '同意提前完成', en: 'Agree to complete early' },
  PAYMENT_RECEIVED: { zh: '分期款已付清', en: 'Instalment paid' },
  RECORD_ASSIGNMENT: { zh: '登记权利转移', en: 'Record assignment' },
  SUBMIT_APPRAISAL: { zh: '提交资产评估', en: 'Submit appraisal' },
  REGISTER_EQUITY: { zh: '登记股权变更', en: 'Register equity' },
  DELIVER_MILESTONE: { zh: '交付里程碑', en: 'Deliver milestone' },
  ACCEPT_MILESTONE: { zh: '验收里程碑', en: 'Accept milestone' },
  REQUEST_CHANGES: { zh: '要求修改', en: 'Request changes' },
  DELIVER_DOCUMENTS: { zh: '交付技术资料', en: 'Deliver documents' },
  ACCEPT_DELIVERY: { zh: '验收技术资料', en: 'Accept delivery' },
  REJECT_DELIVERY: { zh: '退回补充资料', en: 'Return for completion' },
  TERM_ENDED: { zh: '许可期限届满', en: 'Term ended' },
  REMIND_FILING: { zh: '备案到期提醒', en: 'Filing reminder' },
  FILING_OVERDUE: { zh: '备案逾期', en: 'Filing overdue' },
  LICENCE_YEAR_ENDED: { zh: '许可年度结算', en: 'Licence year settled' },
};

export const eventLabel = (type: string): Label => DEAL_EVENT_LABELS[type] ?? { zh: type, en: type };

// The closed sets' labels come from the shared core; widened, since the server may send a value this build lacks.
export const PARTY_LABELS: Readonly<Record<string, Label>> = ACTOR_ROLE_LABELS;
export const LICENSE_TYPE_LABELS: Readonly<Record<string, Label>> = LICENSE_TYPE_LABELS_BY_TYPE;
export const IP_OWNERSHIP_LABELS: Readonly<Record<string, Label>> = IP_OWNERSHIP_LABELS_BY_OWNER;
export const PROPOSAL_STATUS_LABELS: Readonly<Record<string, Label>> = PROPOSAL_STATUS_LABELS_BY_STATUS;
