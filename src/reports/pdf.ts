import { toInstant } from '../platform/pdf/dates.js';
import { createPdfDocument, pdfToBuffer, stampFooters } from '../platform/pdf/document.js';
import type { CorpsReport } from './aggregate.js';
import { periodCode } from './period.js';
import { drawFields, drawForms, drawIncome, drawOverview, drawSubmissions, drawTitle } from './pdf/sections.js';

/**
 * The Corps-wide half-year report as an A4 PDF with tables and vector charts. Dated by the period's end, never
 * the clock, so the same data always gives the same bytes.
 */
export function renderCorpsReportPdf(r: CorpsReport): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `兵团科技成果转移转化半年报 Half-year report ${periodCode(r)}`,
    subject: `${periodCode(r)} Corps-wide figures and submissions`,
    date: toInstant(r.periodEnd),
  });
  drawTitle(doc, r);
  drawOverview(doc, r);
  drawFields(doc, r);
  drawForms(doc, r);
  drawIncome(doc, r);
  drawSubmissions(doc, r);
  stampFooters(doc, (page, pages) => `半年报 ${periodCode(r)} · 第 ${page} / ${pages} 页 · Page ${page} of ${pages}`);
  return pdfToBuffer(doc);
}
