// The closed sets of an invoice (付款通知书). The table's column, the API's enums, the PDF and the web app read
// them from here.

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
