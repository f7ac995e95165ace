import PDFDocument from 'pdfkit';
import { FONT_REGULAR, registerCjkFonts } from './fonts.js';

// Shared by every PDF the platform renders (invoices, half-year reports, voucher settlement statements): A4,
// the embedded Chinese font, reproducible bytes and page footers.

export type PdfDoc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 42;
// Room kept under the body for the footer that stampFooters writes once the page count is known.
export const FOOTER_HEIGHT = 24;

export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
  // The instant the document describes (an invoice's issue date), never the clock: see createPdfDocument.
  date: Date;
}

const PRODUCER = 'Tech Transfer Exchange (pdfkit)';

// Documents are rendered on request from stored rows, so the same row must give the same bytes. pdfkit stamps
// CreationDate with the clock and derives the trailer /ID from an MD5 of the info dictionary; with the dates
// taken from the record and a fixed Producer/Creator, the ID and every byte are reproducible. Font subset tags
// come from the font's resource id (F1, F2…), which depends only on the order fonts are first used.
export function createPdfDocument(meta: PdfMeta): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Producer: PRODUCER,
      Creator: PRODUCER,
      CreationDate: meta.date,
      ModDate: meta.date,
      Title: meta.title,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.author ? { Author: meta.author } : {}),
    },
  });
  registerCjkFonts(doc);
  doc.font(FONT_REGULAR);
  return doc;
}

// Ends the document and collects its bytes.
export function pdfToBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

// The lowest y the body may use on the current page.
export function bodyBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

// Starts a new page when `height` points do not fit below the cursor; true when it did.
export function ensureSpace(doc: PdfDoc, height: number): boolean {
  if (doc.y + height <= bodyBottom(doc)) return false;
  doc.addPage();
  return true;
}

// Writes a footer on every buffered page once the page count is known ("第 1 / 3 页 · Page 1 of 3").
// The bottom margin is lifted while writing, or pdfkit would treat text below it as overflow and add a page.
export function stampFooters(doc: PdfDoc, footer: (page: number, pages: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT_REGULAR)
      .fontSize(8)
      .fillColor('#666666')
      .text(footer(i - start + 1, count), MARGIN, doc.page.height - MARGIN - 4, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
