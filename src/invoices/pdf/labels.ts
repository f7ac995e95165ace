import type { Label } from '../../shared/listing.js';
import type { LineKind } from '../tax.js';

// Bilingual labels printed on invoices, in DOMAIN.md's terms. A status reads as the screen shows it: both take
// its words from src/shared/invoice.ts.
export type { Label };
export { INVOICE_STATUS_LABELS as STATUS_LABELS } from '../../shared/invoice.js';

export const bilingual = (label: Label): string => `${label.zh} ${label.en}`;

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
