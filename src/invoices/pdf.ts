import { createPdfDocument, pdfToBuffer, stampFooters } from '../platform/pdf/document.js';
import { toInstant } from '../platform/pdf/dates.js';
import {
  drawDeal,
  drawExemptionNote,
  drawHeading,
  drawInstructions,
  drawLines,
  drawParties,
  drawPayments,
  drawTotals,
  drawVoidNotice,
} from './pdf/sections.js';
import type { InvoicePdfView } from './pdf/view.js';

export type { InvoicePdfView } from './pdf/view.js';

// The invoice as a PDF (GET /api/invoices/:id/pdf), rendered on request from the stored rows. The document's
// dates come from the invoice, never the clock, so the same invoice always gives the same bytes.
export function renderInvoicePdf(inv: InvoicePdfView): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `付款通知书 Invoice ${inv.number}`,
    subject: `${inv.issuer.name} → ${inv.recipient.name}`,
    author: inv.issuer.name,
    date: toInstant(inv.issuedAt),
  });
  drawHeading(doc, inv);
  drawVoidNotice(doc, inv);
  drawParties(doc, inv);
  drawDeal(doc, inv);
  drawLines(doc, inv);
  drawTotals(doc, inv);
  drawExemptionNote(doc, inv);
  drawPayments(doc, inv);
  drawInstructions(doc, inv);
  stampFooters(doc, (page, pages) => `${inv.number} · 第 ${page} / ${pages} 页 · Page ${page} of ${pages}`);
  return pdfToBuffer(doc);
}
