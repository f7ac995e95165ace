import { bilingual } from '../../invoices/pdf/labels.js';
import { DEAL_FORM_LABELS } from '../../shared/listing-labels.js';
import { FIELD_LABELS } from '../../shared/listing.js';
import { formatFen } from '../../shared/money.js';
import { INK, fieldColumns, sectionHeading } from '../../platform/pdf/blocks.js';
import { formatChinaDate, toInstant } from '../../platform/pdf/dates.js';
import { contentWidth, type PdfDoc } from '../../platform/pdf/document.js';
import { FONT_BOLD } from '../../platform/pdf/fonts.js';
import { drawTable } from '../../platform/pdf/table.js';
import type { CorpsReport } from '../aggregate.js';
import { ORGANIZATION_TYPE_LABELS, REPORT_STATUS_LABELS, stateLabel } from '../labels.js';
import { periodCode, periodLabel } from '../period.js';
import { PALETTE, drawHorizontalBarChart, drawVerticalBarChart } from './charts.js';

const count = (n: number) => String(n);
// Charts label money in 万元 (10,000 yuan = 1,000,000 fen), to two decimals, rounded half up in integer fen.
export function tenThousandYuan(fen: number): string {
  const hundredths = Math.floor((fen + 5_000) / 10_000);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}万`;
}
const lastDay = (r: CorpsReport) => formatChinaDate(new Date(toInstant(r.periodEnd).getTime() - 1));

export function drawTitle(doc: PdfDoc, r: CorpsReport): void {
  const x = doc.page.margins.left;
  doc
    .font(FONT_BOLD)
    .fontSize(18)
    .fillColor(INK)
    .text('兵团科技成果转移转化半年报', x, doc.y, { width: contentWidth(doc) });
  doc
    .font(FONT_BOLD)
    .fontSize(11)
    .text(`${periodLabel(r)} · Corps-wide half-year report ${periodCode(r)}`, x, doc.y + 2);
  doc.y += 8;
  fieldColumns(doc, [
    ['报告期间 Period', `${formatChinaDate(r.periodStart)} – ${lastDay(r)}`],
    ['报送单位 Organizations reporting', count(r.submissions.organizations)],
    ['已提交 Submitted', `${r.submissions.submitted} / ${r.submissions.organizations}`],
  ]);
}

export function drawOverview(doc: PdfDoc, r: CorpsReport): void {
  sectionHeading(doc, '一、总体情况 Overview（金额单位：人民币元 / Amounts in CNY）');
  const t = r.totals;
  const width = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: '指标 Indicator', width: width - 180 },
      { header: '本期 This half year', width: 180, align: 'right' },
    ],
    [
      ['成果登记 Listings registered', count(t.listingsRegistered)],
      ['成果发布 Listings published', count(t.listingsPublished)],
      ['新增洽谈 Deals opened', count(t.dealsOpened)],
      ['签订合同 Contracts signed', count(t.dealsSigned)],
      ['合同金额 Contract value agreed', formatFen(t.contractValue)],
      ['开具金额 Income invoiced', formatFen(t.invoiced)],
      ['到账金额 Income received', formatFen(t.paid)],
      [
        '技术合同认定登记 Contracts registered',
        `${t.contractsRegistered} 项 · ${formatFen(t.contractsRegisteredValue)}`,
      ],
      ['认定技术交易额 Certified technology income', formatFen(t.contractsCertifiedIncome)],
      ['创新券抵扣 Vouchers redeemed', `${t.vouchersRedeemed} 笔 · ${formatFen(t.vouchersRedeemedAmount)}`],
    ],
  );
}

export function drawFields(doc: PdfDoc, r: CorpsReport): void {
  sectionHeading(doc, '二、重点领域 By key field');
  const width = contentWidth(doc);
  const n = 62;
  drawTable(
    doc,
    [
      { header: '领域 Field', width: width - 4 * n - 100 },
      { header: '登记\nRegistered', width: n, align: 'right' },
      { header: '发布\nPublished', width: n, align: 'right' },
      { header: '洽谈\nOpened', width: n, align: 'right' },
      { header: '签约\nSigned', width: n, align: 'right' },
      { header: '合同金额\nContract value', width: 100, align: 'right' },
    ],
    r.byField.map((f) => [
      bilingual(FIELD_LABELS[f.field]),
      count(f.listingsRegistered),
      count(f.listingsPublished),
      count(f.dealsOpened),
      count(f.dealsSigned),
      formatFen(f.contractValue),
    ]),
  );
  drawHorizontalBarChart(doc, {
    title: '图1 各领域成果数量 Listings per field',
    categories: r.byField.map((f) => FIELD_LABELS[f.field].zh),
    series: [
      { name: '登记 Registered', color: PALETTE[0], values: r.byField.map((f) => f.listingsRegistered) },
      { name: '发布 Published', color: PALETTE[1], values: r.byField.map((f) => f.listingsPublished) },
    ],
    format: count,
  });
}

export function drawForms(doc: PdfDoc, r: CorpsReport): void {
  sectionHeading(doc, '三、转化方式 By deal form');
  const width = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: '转化方式 Form', width: width - 3 * 90 },
      { header: '洽谈 Opened', width: 90, align: 'right' },
      { header: '签约 Signed', width: 90, align: 'right' },
      { header: '合同金额 Contract value', width: 90, align: 'right' },
    ],
    r.byForm.map((f) => [
      bilingual(DEAL_FORM_LABELS[f.form]),
      count(f.opened),
      count(f.signed),
      formatFen(f.contractValue),
    ]),
  );
  drawVerticalBarChart(doc, {
    title: '图2 各转化方式交易数量 Deals per form',
    categories: r.byForm.map((f) => DEAL_FORM_LABELS[f.form].zh),
    series: [
      { name: '洽谈 Opened', color: PALETTE[0], values: r.byForm.map((f) => f.opened) },
      { name: '签约 Signed', color: PALETTE[2], values: r.byForm.map((f) => f.signed) },
    ],
    format: count,
  });
  if (r.dealStates.length === 0) return;
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: '转化方式 Form', width: width / 2 - 40 },
      { header: '期末状态 State at the end of the period', width: width / 2 - 40 },
      { header: '数量 Deals', width: 80, align: 'right' },
    ],
    r.dealStates.map((s) => [bilingual(DEAL_FORM_LABELS[s.form]), bilingual(stateLabel(s.state)), count(s.count)]),
  );
}

export function drawIncome(doc: PdfDoc, r: CorpsReport): void {
  sectionHeading(doc, '四、月度收入 Income by month');
  const width = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: '月份 Month', width: width - 2 * 150 },
      { header: '开具金额 Invoiced', width: 150, align: 'right' },
      { header: '到账金额 Received', width: 150, align: 'right' },
    ],
    r.incomeByMonth.map((m) => [m.month, formatFen(m.invoiced), formatFen(m.paid)]),
  );
  drawVerticalBarChart(doc, {
    title: '图3 月度开具与到账金额（万元） Invoiced and received by month (10,000 CNY)',
    categories: r.incomeByMonth.map((m) => m.month),
    series: [
      { name: '开具 Invoiced', color: PALETTE[0], values: r.incomeByMonth.map((m) => m.invoiced) },
      { name: '到账 Received', color: PALETTE[2], values: r.incomeByMonth.map((m) => m.paid) },
    ],
    format: tenThousandYuan,
  });
}

export function drawSubmissions(doc: PdfDoc, r: CorpsReport): void {
  sectionHeading(doc, '五、报送情况 Submissions');
  const width = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: '#', width: 26 },
      { header: '单位 Organization', width: width - 26 - 100 - 115 - 85 },
      { header: '类型 Type', width: 100 },
      { header: '状态 Status', width: 115 },
      { header: '提交日期 Submitted', width: 85 },
    ],
    r.organizations.map((o, i) => [
      String(i + 1),
      o.name,
      bilingual(ORGANIZATION_TYPE_LABELS[o.type]),
      bilingual(REPORT_STATUS_LABELS[o.status]),
      o.submittedAt ? formatChinaDate(o.submittedAt) : '—',
    ]),
  );
}
