import type { InvoiceStatus } from '../../shared/invoice.js';
import type { Label } from '../../shared/listing.js';
import type { LineKind } from '../tax.js';

// Bilingual labels printed on invoices, in DOMAIN.md's terms. A status reads as the paper shows it (已开具), the
// screen's wording (web/src/invoices/labels.ts: 待付款) is for the payer's to-do list.
export type { Label };

export const bilingual = (label: Label): string => `${label.zh} ${label.en}`;

export const STATUS_LABELS: Record<InvoiceStatus, Label> = {
  issued: { zh: '已开具', en: 'Issued' },
  partially_paid: { zh: '部分付款', en: 'Partially paid' },
  paid: { zh: '已付清', en: 'Paid' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  void: { zh: '已作废', en: 'Void' },
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
