// The closed sets of an invoice (付款通知书). The table's column, the API's enums, the PDF and the web app read
// them from here, labels included: the paper and the screen call a status by the same words.
import type { Label } from './listing.js';

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, Label> = {
  issued: { zh: '待付款', en: 'Awaiting payment' },
  partially_paid: { zh: '部分付款', en: 'Partially paid' },
  paid: { zh: '已付清', en: 'Paid' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  void: { zh: '已作废', en: 'Void' },
};

/**
 * A payment advice (付款通知): the payer says it has paid; the issuer confirms it against its bank statement
 * (which records the payment) or disputes it with a reason. Either decision is final.
 */
export const ADVICE_STATUSES = ['pending', 'confirmed', 'disputed'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

export const ADVICE_STATUS_LABELS: Record<AdviceStatus, Label> = {
  pending: { zh: '待收款方确认', en: 'Awaiting the payee' },
  confirmed: { zh: '已确认到账', en: 'Confirmed' },
  disputed: { zh: '有异议', en: 'Disputed' },
};

/** Receipts attached to an advice: a bank slip scanned or saved as PDF or an image. */
export const RECEIPT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
