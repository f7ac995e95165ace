import { contentWidth, ensureSpace, type PdfDoc } from './document.js';
import { FONT_BOLD, FONT_REGULAR } from './fonts.js';

// Small layout pieces shared by the platform's documents. Labels are bilingual strings ("开户银行 Bank").

export const INK = '#1a1a1a';
export const MUTED = '#5f6b7a';
export const RULE = '#c8ced6';
export const ALERT = '#b3261e';

export function sectionHeading(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 40);
  const x = doc.page.margins.left;
  doc.moveDown(0.4);
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK).text(text, x, doc.y);
  const y = doc.y + 2;
  doc
    .moveTo(x, y)
    .lineTo(x + contentWidth(doc), y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  doc.x = x;
  doc.y = y + 5;
}

export type Field = readonly [label: string, value: string];

// Label over value, in a column starting at (x, y); returns the y below the last field.
export function stackedFields(
  doc: PdfDoc,
  x: number,
  y: number,
  width: number,
  fields: readonly Field[],
  valueFont = FONT_REGULAR,
): number {
  let cursor = y;
  for (const [label, value] of fields) {
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text(label, x, cursor, { width });
    doc
      .font(valueFont)
      .fontSize(9.5)
      .fillColor(INK)
      .text(value, x, doc.y + 1, { width });
    cursor = doc.y + 4;
  }
  return cursor;
}

// Fields side by side in columns across the page at the cursor (widths in proportion to `weights`); leaves the
// cursor below the tallest column.
export function fieldColumns(
  doc: PdfDoc,
  fields: readonly Field[],
  weights: readonly number[] = fields.map(() => 1),
): void {
  const x0 = doc.page.margins.left;
  const gap = 12;
  const unit = (contentWidth(doc) - gap * (fields.length - 1)) / weights.reduce((a, b) => a + b, 0);
  doc.font(FONT_REGULAR).fontSize(9.5);
  const tallest = Math.max(...fields.map(([, value], i) => doc.heightOfString(value, { width: weights[i] * unit })));
  ensureSpace(doc, tallest + 16);
  const top = doc.y;
  let x = x0;
  const bottoms = fields.map((field, i) => {
    const bottom = stackedFields(doc, x, top, weights[i] * unit, [field]);
    x += weights[i] * unit + gap;
    return bottom;
  });
  doc.x = x0;
  doc.y = Math.max(...bottoms);
}
