import { contentWidth, createPdfDocument, pdfToBuffer, stampFooters } from '../../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';

const ARTICLE = /^第[一二三四五六七八九十]+条 /;

/**
 * The contract text laid out as an A4 PDF, line for line: the title, the articles' headings in bold, every other
 * line a paragraph. The PDF shows the text and adds nothing to it (the footer aside), since the signature names
 * the text's sha256, not the PDF's bytes; the bytes are reproducible all the same (createPdfDocument takes its
 * dates from `agreedAt`, never the clock), so the same text always downloads as the same file.
 */
export function renderContractPdf(text: string, agreedAt: string, sha256: string): Promise<Buffer> {
  const [title, ...lines] = text.split('\n');
  const doc = createPdfDocument({ title, subject: `SHA-256 ${sha256}`, date: new Date(agreedAt) });
  const width = contentWidth(doc);
  doc.font(FONT_BOLD).fontSize(18).text(title, { width, align: 'center' }).moveDown(0.8);
  for (const line of lines) {
    if (line === '') doc.moveDown(0.4);
    else if (ARTICLE.test(line)) doc.font(FONT_BOLD).fontSize(11).text(line, { width }).moveDown(0.2);
    else doc.font(FONT_REGULAR).fontSize(10).text(line, { width, lineGap: 2 });
  }
  stampFooters(doc, (page, pages) => `第 ${page} / ${pages} 页 · SHA-256 ${sha256.slice(0, 16)}…`);
  return pdfToBuffer(doc);
}
