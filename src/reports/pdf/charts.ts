import { INK, MUTED, RULE } from '../../platform/pdf/blocks.js';
import { contentWidth, ensureSpace, type PdfDoc } from '../../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';

// Bar charts drawn with pdfkit's vector primitives (rectangles, lines, text), so they stay sharp at any zoom,
// print in the document's own font and need no image library. Geometry is in points; values only set lengths.

export interface ChartSeries {
  name: string;
  color: string;
  values: number[];
}
export interface BarChart {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** How a value is printed at the end of its bar and on the axis. */
  format: (value: number) => string;
}

export const PALETTE = ['#2f6fab', '#e08a2e', '#5b9a4a', '#8a5fa8'] as const;

const TITLE_SIZE = 9.5;
const LABEL_SIZE = 7.5;
const VALUE_SIZE = 6.5;

// A round axis maximum (1, 2 or 5 × 10^k per step, four steps) at or above the largest value, so gridlines fall
// on numbers a reader can use; counts never get fractional steps.
function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!,
  );
  return { top: step * Math.ceil(max / step), step };
}

function heading(doc: PdfDoc, chart: BarChart, x: number, width: number): number {
  const y = doc.y + 4;
  doc.font(FONT_BOLD).fontSize(TITLE_SIZE).fillColor(INK).text(chart.title, x, y, { width, lineBreak: false });
  if (chart.series.length > 1) {
    // The legend, right-aligned on the title line.
    doc.font(FONT_REGULAR).fontSize(LABEL_SIZE);
    let lx = x + width;
    for (const s of [...chart.series].reverse()) {
      lx -= doc.widthOfString(s.name) + 16;
      doc.rect(lx, y + 2, 8, 8).fill(s.color);
      doc.fillColor(MUTED).text(s.name, lx + 11, y + 1, { lineBreak: false });
    }
  }
  return y + TITLE_SIZE + 10;
}

/** Categories down the left, one bar per series to the right: for long labels such as the key fields. */
export function drawHorizontalBarChart(doc: PdfDoc, chart: BarChart): void {
  const bar = 9,
    gap = 7,
    labelWidth = 150,
    valueRoom = 70;
  const group = chart.series.length * bar + gap;
  ensureSpace(doc, TITLE_SIZE + 14 + chart.categories.length * group + 24);
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = heading(doc, chart, x0, width);
  const plotX = x0 + labelWidth;
  const plotWidth = width - labelWidth - valueRoom;
  const { top: max, step } = axis(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const bottom = top + chart.categories.length * group;

  for (let v = 0; v <= max; v += step) {
    const gx = plotX + (v / max) * plotWidth;
    doc
      .moveTo(gx, top - 2)
      .lineTo(gx, bottom)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc
      .font(FONT_REGULAR)
      .fontSize(VALUE_SIZE)
      .fillColor(MUTED)
      .text(chart.format(v), gx - 30, bottom + 3, { width: 60, align: 'center', lineBreak: false });
  }
  chart.categories.forEach((category, i) => {
    const gy = top + i * group;
    doc
      .font(FONT_REGULAR)
      .fontSize(LABEL_SIZE)
      .fillColor(INK)
      .text(category, x0, gy + (group - gap) / 2 - LABEL_SIZE / 2 - 1, {
        width: labelWidth - 8,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
      });
    chart.series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const by = gy + j * bar;
      const length = (value / max) * plotWidth;
      if (length > 0) doc.rect(plotX, by, length, bar - 1).fill(s.color);
      doc
        .font(FONT_REGULAR)
        .fontSize(VALUE_SIZE)
        .fillColor(INK)
        .text(chart.format(value), plotX + length + 3, by - 0.5, { lineBreak: false });
    });
  });
  doc
    .moveTo(plotX, top - 2)
    .lineTo(plotX, bottom)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke();
  doc.x = x0;
  doc.y = bottom + 16;
}

/** Categories along the bottom, bars side by side within each: for a few categories or months. */
export function drawVerticalBarChart(doc: PdfDoc, chart: BarChart): void {
  const plotHeight = 130,
    axisWidth = 56,
    labelRoom = 24;
  ensureSpace(doc, TITLE_SIZE + 14 + plotHeight + labelRoom + 12);
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = heading(doc, chart, x0, width) + 8;
  const plotX = x0 + axisWidth;
  const plotWidth = width - axisWidth;
  const bottom = top + plotHeight;
  const { top: max, step } = axis(Math.max(0, ...chart.series.flatMap((s) => s.values)));

  for (let v = 0; v <= max; v += step) {
    const gy = bottom - (v / max) * plotHeight;
    doc
      .moveTo(plotX, gy)
      .lineTo(plotX + plotWidth, gy)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc
      .font(FONT_REGULAR)
      .fontSize(VALUE_SIZE)
      .fillColor(MUTED)
      .text(chart.format(v), x0, gy - 4, { width: axisWidth - 6, align: 'right', lineBreak: false });
  }
  const slot = plotWidth / chart.categories.length;
  const bar = Math.min(22, (slot * 0.7) / chart.series.length);
  chart.categories.forEach((category, i) => {
    const sx = plotX + i * slot;
    const bx0 = sx + (slot - bar * chart.series.length) / 2;
    chart.series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const height = (value / max) * plotHeight;
      const bx = bx0 + j * bar;
      // An empty bar has no label: the axis already reads zero, and a row of zeros would crowd the month labels.
      if (height <= 0) return;
      doc.rect(bx, bottom - height, bar - 1, height).fill(s.color);
      doc
        .font(FONT_REGULAR)
        .fontSize(VALUE_SIZE)
        .fillColor(INK)
        .text(chart.format(value), bx - 14, bottom - height - 9, {
          width: bar + 28,
          align: 'center',
          lineBreak: false,
        });
    });
    doc
      .font(FONT_REGULAR)
      .fontSize(LABEL_SIZE)
      .fillColor(INK)
      .text(category, sx, bottom + 4, { width: slot, align: 'center', height: labelRoom, ellipsis: true });
  });
  doc
    .moveTo(plotX, bottom)
    .lineTo(plotX + plotWidth, bottom)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke();
  doc.x = x0;
  doc.y = bottom + labelRoom + 8;
}
