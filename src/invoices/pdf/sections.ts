import { formatFen, formatRateBp } from '../../shared/money.js';
import {
  ALERT,
  INK,
  MUTED,
  RULE,
  fieldColumns,
  sectionHeading,
  stackedFields,
  type Field,
} from '../../platform/pdf/blocks.js';
import { formatChinaDate } from '../../platform/pdf/dates.js';
import { NO_PAYEE_ACCOUNT, groupAccountNumber } from '../../shared/billing.js';
import { contentWidth, ensureSpace, type PdfDoc } from '../../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';
import { drawTable } from '../../platform/pdf/table.js';
import { amountInChineseCapitals } from '../amount-words.js';
import { VAT_EXEMPT_KINDS } from '../tax.js';
import { DEAL_FORM_LABELS } from '../../shared/listing-labels.js';
import { LINE_KIND_LABELS, STATUS_LABELS, bilingual } from './labels.js';
import type { InvoicePdfView } from './view.js';

// The blocks of an invoice, top to bottom. Each starts at doc.y and leaves doc.y below itself.

const NOT_A_FAPIAO = '本单据为付款通知，非增值税发票 / This is a payment request, not a VAT invoice (fapiao).';

export function drawHeading(doc: PdfDoc, inv: InvoicePdfView): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT_BOLD).fontSize(18).fillColor(INK).text('付款通知书 / 发票 INVOICE', x, doc.y, { width });
  doc
    .font(FONT_REGULAR)
    .fontSize(8)
    .fillColor(MUTED)
    .text(NOT_A_FAPIAO, x, doc.y + 2, { width });

  doc.y += 10;
  fieldColumns(doc, [
    ['编号 No.', inv.number],
    ['开具日期 Issue date', formatChinaDate(inv.issuedAt)],
    ['付款期限 Due date', formatChinaDate(inv.dueAt)],
    ['状态 Status', bilingual(STATUS_LABELS[inv.status])],
  ]);
}

export function drawVoidNotice(doc: PdfDoc, inv: InvoicePdfView): void {
  if (inv.status !== 'void') return;
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const text = `本单据已作废，请勿据此付款。/ This invoice is void: do not pay it.\n作废原因 Reason: ${inv.voidReason ?? '—'}`;
  doc.font(FONT_BOLD).fontSize(10);
  const height = doc.heightOfString(text, { width: width - 16 }) + 12;
  ensureSpace(doc, height + 8);
  const y = doc.y + 4;
  doc.rect(x, y, width, height).lineWidth(1).strokeColor(ALERT).stroke();
  doc.fillColor(ALERT).text(text, x + 8, y + 6, { width: width - 16 });
  doc.x = x;
  doc.y = y + height + 4;
}

const orDash = (value: string | null | undefined): string => (value && value.trim() ? value : '—');

export function drawParties(doc: PdfDoc, inv: InvoicePdfView): void {
  sectionHeading(doc, '交易双方 Parties');
  const x = doc.page.margins.left;
  const column = (contentWidth(doc) - 16) / 2;
  const top = doc.y;
  const party = (role: string, p: { name: string; taxId?: string | null; address?: string | null }): Field[] => [
    [role, p.name],
    ['统一社会信用代码 Unified social credit code', orDash(p.taxId)],
    ['地址 Address', orDash(p.address)],
  ];
  const left = stackedFields(doc, x, top, column, party('收款方（开具方） Payee (issuer)', inv.issuer));
  const right = stackedFields(doc, x + column + 16, top, column, party('付款方 Payer (bill to)', inv.recipient));
  doc.x = x;
  doc.y = Math.max(left, right);
}

export function drawDeal(doc: PdfDoc, inv: InvoicePdfView): void {
  if (!inv.deal) return;
  sectionHeading(doc, '交易信息 Deal');
  fieldColumns(
    doc,
    [
      ['成果名称 Listing', inv.deal.listingTitle],
      ['转化方式 Form', bilingual(DEAL_FORM_LABELS[inv.deal.form])],
      ['交易编号 Deal ID', inv.deal.id],
    ],
    [1.8, 1, 1.5],
  );
}

export function drawLines(doc: PdfDoc, inv: InvoicePdfView): void {
  sectionHeading(doc, '收费明细 Charges（金额单位：人民币元 / Amounts in CNY）');
  const amountWidth = 104;
  const rateWidth = 60;
  const taxWidth = 90;
  const indexWidth = 26;
  const descriptionWidth = contentWidth(doc) - indexWidth - amountWidth - rateWidth - taxWidth;
  drawTable(
    doc,
    [
      { header: '#', width: indexWidth },
      { header: '项目 Description', width: descriptionWidth },
      { header: '金额（不含税）\nAmount (excl. tax)', width: amountWidth, align: 'right' },
      { header: '税率\nTax rate', width: rateWidth, align: 'right' },
      { header: '税额\nTax', width: taxWidth, align: 'right' },
    ],
    inv.lines.map((line, i) => [
      String(i + 1),
      `${line.description}\n${bilingual(LINE_KIND_LABELS[line.kind])}`,
      formatFen(line.amount),
      ...taxCells(line),
    ]),
  );
}

const EXEMPT_CELL = '免税\nExempt';
const NOT_A_SALE_CELL = '—';

// The rate and tax cells of a line. An exempt line prints 免税 in both, never 0%: 0% is a zero rate (零税率), a
// different relief the law grants to exports, and an accountant reading 0% would book it as one. A voucher line is
// not a sale and has no rate at all (tax.ts taxTreatment).
function taxCells(line: InvoicePdfView['lines'][number]): [string, string] {
  if (line.taxTreatment === 'exempt') return [EXEMPT_CELL, EXEMPT_CELL];
  if (line.kind === 'voucher') return [NOT_A_SALE_CELL, NOT_A_SALE_CELL];
  return [formatRateBp(line.taxRateBp), formatFen(line.taxAmount)];
}

export function drawTotals(doc: PdfDoc, inv: InvoicePdfView): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const rows: [string, string, boolean][] = [
    ['小计（不含税） Subtotal (excl. tax)', formatFen(inv.subtotal), false],
    ['税额 Tax', formatFen(inv.tax), false],
    ['合计 Total', formatFen(inv.total), true],
    ['已付 Paid', formatFen(inv.paid), false],
    ['应付余额 Balance due', formatFen(inv.balance), true],
  ];
  ensureSpace(doc, rows.length * 18 + 16);
  const top = doc.y + 8;
  const totalsX = x + width - 300;
  // The amount in words sits beside the figures, as on a bank slip; it is the figure a reader checks the total by.
  stackedFields(
    doc,
    x,
    top,
    totalsX - x - 24,
    [['合计（大写） Total in words', `人民币${amountInChineseCapitals(inv.total)}`]],
    FONT_BOLD,
  );
  const wordsBottom = doc.y;
  let y = top;
  for (const [label, value, strong] of rows) {
    doc
      .font(strong ? FONT_BOLD : FONT_REGULAR)
      .fontSize(strong ? 10.5 : 9.5)
      .fillColor(INK);
    doc.text(label, totalsX, y, { width: 190 });
    doc.text(value, totalsX + 190, y, { width: 110, align: 'right' });
    y = doc.y + 3;
  }
  doc.x = x;
  doc.y = Math.max(y, wordsBottom) + 4;
  doc
    .moveTo(x, doc.y)
    .lineTo(x + width, doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

export function drawPayments(doc: PdfDoc, inv: InvoicePdfView): void {
  if (!inv.payments?.length) return;
  sectionHeading(doc, '收款记录 Payments received');
  const width = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: '收款日期 Date', width: 110 },
      { header: '银行流水号 Bank reference', width: width - 110 - 130 },
      { header: '金额 Amount', width: 130, align: 'right' },
    ],
    inv.payments.map((p) => [formatChinaDate(p.paidAt), p.reference, formatFen(p.amount)]),
  );
}

// Instructions only while something is owed: a void or fully paid invoice asks for nothing. The block is kept
// on one page, so the account number is never separated from what it is for.
export function drawInstructions(doc: PdfDoc, inv: InvoicePdfView): void {
  if (inv.status === 'void' || inv.balance <= 0) return;
  const due = formatChinaDate(inv.dueAt);
  const balance = formatFen(inv.balance);
  const text =
    `请于 ${due} 前将应付余额 ${balance} 汇至下列账户，并在汇款附言中注明编号 ${inv.number}。\n` +
    `Please transfer the balance due of ${balance} by ${due} to the account below, quoting ${inv.number} as the reference.`;
  const width = contentWidth(doc);
  doc.font(FONT_REGULAR).fontSize(9.5);
  // Heading, gap and the row of bank fields come to ~66 pt besides the text.
  ensureSpace(doc, doc.heightOfString(text, { width }) + 66);
  sectionHeading(doc, '付款说明 Payment instructions');
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width });
  doc.y += 6;
  const account = inv.payeeAccount;
  if (!account) {
    doc
      .font(FONT_BOLD)
      .fontSize(9.5)
      .fillColor(ALERT)
      .text(`${NO_PAYEE_ACCOUNT.zh}\n${NO_PAYEE_ACCOUNT.en}`, doc.page.margins.left, doc.y, { width });
    return;
  }
  fieldColumns(doc, [
    ['户名 Account name', account.bankAccountName],
    ['开户银行 Bank', account.bankName],
    ['账号 Account number', groupAccountNumber(account.bankAccount)],
  ]);
}

// Exempt lines print 免税; the note under the totals says why, so the payer's accountant does not read it as an
// error. Technology lines at the standard rate get the note that says why they are taxed and what registration does.
export function drawExemptionNote(doc: PdfDoc, inv: InvoicePdfView): void {
  const exempt = inv.lines.some((l) => l.taxTreatment === 'exempt');
  const unregistered = inv.lines.some((l) => l.taxTreatment === 'standard' && VAT_EXEMPT_KINDS.includes(l.kind));
  if (!exempt && !unregistered) return;
  const text = exempt
    ? '本合同已办理技术合同认定登记，技术转让、技术开发及与之相关的技术咨询、技术服务收入免征增值税（财税〔2016〕36号 附件3）。' +
      ' / The contract is registered as a technology contract: its technology transfer and development income is' +
      ' exempt from VAT (Caishui [2016] No. 36, Annex 3).'
    : '本合同尚未办理技术合同认定登记，技术收入按标准税率计税；登记后，未付款的单据将作废并按免税重新开具。' +
      ' / The contract is not yet registered as a technology contract, so its technology income is taxed at the' +
      ' standard rate; once it is registered, unpaid invoices are voided and reissued as VAT-exempt.';
  const width = contentWidth(doc);
  doc.font(FONT_REGULAR).fontSize(7.5);
  ensureSpace(doc, doc.heightOfString(text, { width }) + 8);
  doc.fillColor(MUTED).text(text, doc.page.margins.left, doc.y + 4, { width });
}
