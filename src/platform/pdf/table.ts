import { bodyBottom, type PdfDoc } from './document.js';
import { FONT_BOLD, FONT_REGULAR } from './fonts.js';

// A table whose cells wrap and whose rows never split across pages: a row that does not fit starts a new page
// and the header is drawn again there, so every page of a long invoice or report can be read on its own.

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
  fontSize?: number;
  padding?: number;
}

const HEADER_FILL = '#eef1f5';
const RULE = '#c8ced6';
const TEXT = '#1a1a1a';

export function drawTable(doc: PdfDoc, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const fontSize = options.fontSize ?? 9;
  const padding = options.padding ?? 4;
  const x0 = doc.page.margins.left;
  const totalWidth = columns.reduce((w, c) => w + c.width, 0);

  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(fontSize);
    const heights = columns.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * padding }));
    return Math.max(...heights) + 2 * padding;
  };

  const drawRow = (cells: string[], font: string, height: number, fill?: string): void => {
    const y = doc.y;
    if (fill) doc.rect(x0, y, totalWidth, height).fill(fill);
    doc.font(font).fontSize(fontSize).fillColor(TEXT);
    let x = x0;
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x + padding, y + padding, { width: c.width - 2 * padding, align: c.align ?? 'left' });
      x += c.width;
    });
    doc
      .moveTo(x0, y + height)
      .lineTo(x0 + totalWidth, y + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = x0;
    doc.y = y + height;
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, FONT_BOLD);
  const drawHeader = () => drawRow(headers, FONT_BOLD, headerHeight, HEADER_FILL);

  // The header must not be left alone at the foot of a page.
  const firstHeight = rows.length > 0 ? rowHeight(rows[0], FONT_REGULAR) : 0;
  if (doc.y + headerHeight + firstHeight > bodyBottom(doc)) doc.addPage();
  drawHeader();
  for (const row of rows) {
    const height = rowHeight(row, FONT_REGULAR);
    if (doc.y + height > bodyBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, FONT_REGULAR, height);
  }
  doc.font(FONT_REGULAR);
}
