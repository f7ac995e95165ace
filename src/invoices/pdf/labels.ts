import type { LineKind } from '../tax.js';
import type { DealForm, InvoiceStatus } from './view.js';

// Bilingual labels printed on invoices, in DOMAIN.md's terms.
export interface Label { zh: string; en: string }

export const bilingual = (label: Label): string => `${label.zh} ${label.en}`;

export const STATUS_LABELS: Record<InvoiceStatus, Label> = {
  issued: { zh: '已开具', en: 'Issued' },
  partially_paid: { zh: '部分付款', en: 'Partially paid' },
  paid: { zh: '已付清', en: 'Paid' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  void: { zh: '已作废', en: 'Void' },
};

export const DEAL_FORM_LABELS: Record<DealForm, Label> = {
  license: { zh: '技术许可', en: 'Licence' },
  transfer: { zh: '技术转让', en: 'Transfer' },
  equity: { zh: '作价投资', en: 'Equity investment' },
  cooperation: { zh: '研发合作', en: 'R&D cooperation' },
};

export const LINE_KIND_LABELS: Record<LineKind, Label> = {
  license_fee: { zh: '许可使用费', en: 'Licence fee' },
  transfer_fee: { zh: '转让费', en: 'Transfer fee' },
  development_fee: { zh: '技术开发费', en: 'Development fee' },
  brokerage: { zh: '技术经纪佣金', en: 'Brokerage commission' },
  royalty: { zh: '提成费', en: 'Royalty' },
  milestone: { zh: '里程碑款', en: 'Milestone payment' },
  voucher: { zh: '创新券抵扣', en: 'Innovation voucher' },
  other: { zh: '其他', en: 'Other' },
};
