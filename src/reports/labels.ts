import type { HalfYearReportStatus } from '../db/schema/reports.js';
import type { Label } from '../shared/listing.js';

// Bilingual words the bureau's documents print, in DOMAIN.md's terms (the web app has its own copy for screens).

/** The deal machines' top-level states; a state this build does not know prints as it is stored. */
const DEAL_STATE_LABELS: Readonly<Record<string, Label>> = {
  inquiry: { zh: '洽谈请求', en: 'Inquiry' },
  nda: { zh: '保密协议', en: 'NDA' },
  negotiating: { zh: '条款磋商', en: 'Negotiating' },
  publicNotice: { zh: '价格公示', en: 'Public notice' },
  appraisal: { zh: '资产评估', en: 'Appraisal' },
  contracting: { zh: '签署合同', en: 'Contracting' },
  active: { zh: '许可履行中', en: 'Licence in force' },
  payment: { zh: '分期付款', en: 'Payment' },
  recordal: { zh: '权利转移登记', en: 'Recordal' },
  ipAssignment: { zh: '知识产权出资转移', en: 'IP transfer' },
  equityRegistration: { zh: '股权变更登记', en: 'Equity registration' },
  inProgress: { zh: '研发进行中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  declined: { zh: '已拒绝', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  expired: { zh: '已过期', en: 'Expired' },
  terminated: { zh: '已终止', en: 'Terminated' },
};
export const stateLabel = (state: string): Label => DEAL_STATE_LABELS[state] ?? { zh: state, en: state };

export { ORGANIZATION_TYPE_LABELS } from '../shared/accounts.js';

export const REPORT_STATUS_LABELS: Readonly<Record<HalfYearReportStatus, Label>> = {
  draft: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '已提交', en: 'Submitted' },
};
