import { fieldColumns, INK, MUTED, sectionHeading } from '../platform/pdf/blocks.js';
import { formatChinaDate, toInstant } from '../platform/pdf/dates.js';
import { contentWidth, createPdfDocument, pdfToBuffer, stampFooters } from '../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../platform/pdf/fonts.js';
import { drawTable } from '../platform/pdf/table.js';
import { LICENSE_TYPE_LABELS, PRICING_BASIS_LABELS } from '../shared/deal.js';
import { DEAL_FORM_LABELS } from '../shared/listing-labels.js';
import { formatFen } from '../shared/money.js';
import type { Confirmation } from './confirmation.js';

const yuan = (fen: number) => `¥${formatFen(fen)}`;
const zh = (labels: Record<string, { zh: string }>, key: string | null) => (key ? (labels[key]?.zh ?? key) : '—');
const chinaTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${formatChinaDate(iso)} ${d.toISOString().slice(11, 16)}`;
};

/** 成交确认书, in Chinese. Dated by the sale, so the same record always gives the same bytes. */
export function renderConfirmationPdf(c: Confirmation): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `成交确认书 ${c.listing.title}`,
    subject: c.offeringId,
    date: toInstant(c.soldAt),
  });
  const width = contentWidth(doc);
  doc
    .font(FONT_BOLD)
    .fontSize(18)
    .fillColor(INK)
    .text('成交确认书', doc.page.margins.left, doc.y, { width, align: 'center' });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text('挂牌交易 · 网络竞价', { width, align: 'center' });
  doc.y += 8;
  sectionHeading(doc, '挂牌项目');
  fieldColumns(
    doc,
    [
      ['科技成果', c.listing.title],
      ['登记号', c.listing.registrationNo ?? '—'],
      ['挂牌编号', c.offeringId],
    ],
    [2, 1, 1],
  );
  fieldColumns(doc, [
    ['转让方（成果方）', c.seller],
    ['交易方式', zh(DEAL_FORM_LABELS, c.form)],
    ['许可类型', zh(LICENSE_TYPE_LABELS, c.licenseType)],
  ]);
  fieldColumns(doc, [
    ['挂牌底价', yuan(c.basePrice)],
    ['底价依据', `${zh(PRICING_BASIS_LABELS, c.basis.kind)} ${c.basis.reference}`],
    ['挂牌期', `${formatChinaDate(c.startsAt)} 至 ${formatChinaDate(c.endsAt)}`],
  ]);
  sectionHeading(doc, '竞价记录');
  if (c.round)
    fieldColumns(doc, [
      ['竞价开始', chinaTime(c.round.startsAt)],
      ['竞价结束', chinaTime(c.round.endsAt)],
      ['延时次数', String(c.round.extensions)],
    ]);
  if (c.bids.length === 0)
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(MUTED).text('无竞价：唯一意向受让方以挂牌底价成交');
  else
    drawTable(
      doc,
      [
        { header: '序号', width: 40 },
        { header: '竞买人', width: 90 },
        { header: '报价', width: 140, align: 'right' },
        { header: '报价时间（北京时间）', width: width - 270 },
      ],
      c.bids.map((b) => [String(b.seq), `${b.bidderNo} 号竞买人`, yuan(b.amount), chinaTime(b.at)]),
    );
  sectionHeading(doc, '成交结果');
  fieldColumns(doc, [
    ['受让方', `${c.winner.name}（${c.winner.bidderNo} 号竞买人）`],
    ['成交价格', yuan(c.price)],
    ['成交日期', formatChinaDate(c.soldAt)],
  ]);
  doc.y += 6;
  doc
    .font(FONT_REGULAR)
    .fontSize(9.5)
    .fillColor(INK)
    .text(
      '本项目经挂牌交易形成价格（《中华人民共和国促进科技成果转化法》第十八条），无需另行公示。' +
        '双方应据此签订技术合同；其他竞买人的保证金予以退还。',
      { width },
    );
  stampFooters(doc, (page, pages) => `成交确认书 ${c.offeringId} · 第 ${page} / ${pages} 页`);
  return pdfToBuffer(doc);
}
