import { INK, fieldColumns, sectionHeading, stackedFields } from '../platform/pdf/blocks.js';
import { formatChinaDate, toInstant } from '../platform/pdf/dates.js';
import { contentWidth, createPdfDocument, ensureSpace, pdfToBuffer, stampFooters } from '../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../platform/pdf/fonts.js';
import { drawTable } from '../platform/pdf/table.js';
import { formatFen } from '../shared/money.js';
import { amountInChineseCapitals } from './amount-words.js';
import type { SettlementStatement } from './settlements.js';

const halfLabel = (s: SettlementStatement) => `${s.year}年${s.half === 1 ? '上' : '下'}半年 H${s.half} ${s.year}`;
// The period's last day: its end bound is the first instant of the next half year.
const lastDay = (s: SettlementStatement) => formatChinaDate(new Date(toInstant(s.periodEnd).getTime() - 1));
const orDash = (v: string | null) => (v && v.trim() ? v : '—');

/**
 * One issuer's half-year voucher settlement statement as a PDF (A4, the platform's Chinese font). Dated by the
 * period, never the clock, so the same redemptions always give the same bytes.
 */
export function renderSettlementPdf(s: SettlementStatement): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `创新券结算单 Voucher settlement ${s.issuer.name} ${s.year}H${s.half}`,
    subject: `${s.issuer.name} ${halfLabel(s)}`,
    date: toInstant(s.periodEnd),
  });
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font(FONT_BOLD)
    .fontSize(18)
    .fillColor(INK)
    .text('创新券结算单 Innovation voucher settlement statement', x, doc.y, { width });
  doc.y += 8;
  fieldColumns(doc, [
    ['结算期间 Period', halfLabel(s)],
    ['起止日期 Dates', `${formatChinaDate(s.periodStart)} – ${lastDay(s)}`],
    ['抵扣笔数 Redemptions', String(s.count)],
  ]);

  sectionHeading(doc, '收款单位 Payee (issuer)');
  fieldColumns(doc, [
    ['单位名称 Name', s.issuer.name],
    ['统一社会信用代码 Unified social credit code', orDash(s.issuer.taxId)],
  ]);
  fieldColumns(doc, [
    ['开户银行 Bank', orDash(s.issuer.bankName)],
    ['账号 Account number', orDash(s.issuer.bankAccount)],
  ]);

  sectionHeading(doc, '抵扣明细 Vouchers redeemed（金额单位：人民币元 / Amounts in CNY）');
  const amountWidth = 96;
  const fixed = 24 + 70 + 100 + 110 + amountWidth;
  drawTable(
    doc,
    [
      { header: '#', width: 24 },
      { header: '抵扣日期\nDate', width: 70 },
      { header: '创新券\nVoucher', width: 100 },
      { header: '持券单位 Holder', width: width - fixed },
      { header: '付款通知书\nInvoice', width: 110 },
      { header: '金额 Amount', width: amountWidth, align: 'right' },
    ],
    s.items.map((item, i) => [
      String(i + 1),
      formatChinaDate(item.appliedAt),
      item.voucherCode,
      item.holder.name,
      item.invoiceNumber,
      formatFen(item.amount),
    ]),
  );

  ensureSpace(doc, 60);
  const top = doc.y + 8;
  const figuresX = x + width - 220;
  stackedFields(
    doc,
    x,
    top,
    figuresX - x - 24,
    [['合计（大写） Total in words', `人民币${amountInChineseCapitals(s.total)}`]],
    FONT_BOLD,
  );
  const wordsBottom = doc.y;
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK);
  doc.text('应结算合计 Total to settle', figuresX, top, { width: 120 });
  doc.text(formatFen(s.total), figuresX + 120, top, { width: 100, align: 'right' });
  doc.x = x;
  doc.y = Math.max(doc.y, wordsBottom) + 4;
  doc.font(FONT_REGULAR);

  stampFooters(
    doc,
    (page, pages) => `创新券结算单 ${s.year}H${s.half} · 第 ${page} / ${pages} 页 · Page ${page} of ${pages}`,
  );
  return pdfToBuffer(doc);
}
