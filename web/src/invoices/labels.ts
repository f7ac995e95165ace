import type { InvoiceStatus, LineKind } from '../api/types.js';
import type { Label } from '../i18n/labels.js';

// The status words are the PDF's too: one table in the shared core.
export { ADVICE_STATUS_LABELS, INVOICE_STATUS_LABELS } from '../../../src/shared/invoice.ts';

export const INVOICE_STATUS_TONES: Record<InvoiceStatus, 'progress' | 'good' | 'warn' | 'bad'> = {
  issued: 'progress',
  partially_paid: 'progress',
  paid: 'good',
  overdue: 'warn',
  void: 'bad',
};

export const LINE_KIND_LABELS: Record<LineKind, Label> = {
  license_fee: { zh: '技术许可费', en: 'Licence fee' },
  transfer_fee: { zh: '技术转让费', en: 'Transfer fee' },
  development_fee: { zh: '技术开发费', en: 'Development fee' },
  brokerage: { zh: '技术经纪服务费', en: 'Brokerage' },
  royalty: { zh: '提成费', en: 'Royalty' },
  milestone: { zh: '里程碑款', en: 'Milestone' },
  voucher: { zh: '创新券抵扣', en: 'Innovation voucher' },
  other: { zh: '其他', en: 'Other' },
};

export const INVOICE_KIND_LABELS: Record<string, Label> = {
  upfront_fee: { zh: '入门费', en: 'Upfront fee' },
  royalty: { zh: '提成', en: 'Royalty' },
  milestone: { zh: '里程碑款', en: 'Milestone' },
  instalment: { zh: '分期款', en: 'Instalment' },
  development_fee: { zh: '开发费', en: 'Development fee' },
  commission: { zh: '经纪佣金', en: 'Commission' },
  manual: { zh: '手工开具', en: 'Manual' },
};
