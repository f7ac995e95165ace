import { fieldColumns, INK, MUTED, sectionHeading } from '../platform/pdf/blocks.js';
import { formatChinaDate, toInstant } from '../platform/pdf/dates.js';
import { contentWidth, createPdfDocument, pdfToBuffer, stampFooters, type PdfDoc } from '../platform/pdf/document.js';
import { FONT_BOLD, FONT_REGULAR } from '../platform/pdf/fonts.js';
import { drawTable } from '../platform/pdf/table.js';
import { ORGANIZATION_TYPE_LABELS } from '../shared/accounts.js';
import { OBJECTION_DECISION_LABELS, PRICING_BASIS_LABELS, PROPOSAL_STATUS_LABELS } from '../shared/deal.js';
import { DEAL_FORM_LABELS } from '../shared/listing-labels.js';
import { formatFen } from '../shared/money.js';
import type { OfferingRecord } from '../offerings/confirmation.js';
import type { Dossier, PricingRoute } from './dossier.js';

const both = (l: { zh: string; en: string } | undefined, raw: string) => (l ? `${l.zh} ${l.en}` : raw);
const yuan = (fen: number | null) => (fen === null ? '—' : `¥${formatFen(fen)}`);

const ROUTES: Record<PricingRoute, string> = {
  agreed_with_notice: '协议定价，经公示 Agreed price, published in a public notice (Law Art. 18)',
  agreed_pending_notice: '协议定价，公示未完成 Agreed price, public notice not completed',
  negotiated: '协商定价（成果方非事业单位，无需公示） Negotiated (the seller is not a public institution)',
  listed_trading: '挂牌交易 Listed trading on a technology market (Law Art. 18)',
};
const OUTCOMES: Record<string, string> = {
  passed: '公示期满 Period over',
  upheld: '异议成立 Objection upheld',
  closed: '交易终止 Deal ended',
};

function decisionSection(doc: PdfDoc, d: Dossier) {
  sectionHeading(doc, '内部决策 Internal decision (集体决策)');
  if (!d.decision) {
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(MUTED).text('未登记 Not recorded');
    return;
  }
  fieldColumns(doc, [
    ['决策机构 Body', d.decision.body],
    ['决策日期 Date', d.decision.decidedOn],
    ['文件 Document', d.decision.documentRef],
  ]);
  fieldColumns(doc, [
    ['关联交易 Related party', d.decision.relatedParty ? '是 Yes' : '否 No'],
    ['登记时间 Recorded', formatChinaDate(d.decision.recordedAt)],
  ]);
  sectionHeading(doc, '评估或询价 Appraisal or price enquiry');
  if (d.decision.basis)
    fieldColumns(doc, [
      ['方式 Kind', both(PRICING_BASIS_LABELS[d.decision.basis.kind], d.decision.basis.kind)],
      ['文件编号 Reference', d.decision.basis.reference],
    ]);
  else doc.font(FONT_REGULAR).fontSize(9.5).fillColor(MUTED).text('未登记 Not recorded');
}

function noticesSection(doc: PdfDoc, d: Dossier) {
  sectionHeading(doc, '公示 Public notices');
  if (d.notices.length === 0) {
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(MUTED).text('无 None');
    return;
  }
  const width = contentWidth(doc);
  for (const [i, n] of d.notices.entries()) {
    fieldColumns(doc, [
      [`公示 ${i + 1} Notice`, `${formatChinaDate(n.startsAt)} – ${formatChinaDate(n.endsAt)}`],
      ['公示价格 Price', yuan(n.price)],
      ['结果 Outcome', n.status === 'open' ? '公示中 Open' : (OUTCOMES[n.outcome ?? ''] ?? '—')],
      ['关联交易 Related party', n.relatedParty ? '是 Yes' : '否 No'],
    ]);
    if (n.objections.length === 0) {
      doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text('无异议 No objections');
      continue;
    }
    drawTable(
      doc,
      [
        { header: '日期 Filed', width: 62 },
        { header: '异议理由 Reasons', width: (width - 184) / 2 },
        { header: '答复 Answer', width: 60 },
        { header: '答复理由 Reasons', width: (width - 184) / 2 },
        { header: '日期 Answered', width: 62 },
      ],
      n.objections.map((o) => [
        formatChinaDate(o.at),
        o.reason,
        o.answer ? both(OBJECTION_DECISION_LABELS[o.answer.decision], o.answer.decision) : '待答复 Open',
        o.answer?.reason ?? '',
        o.answer ? formatChinaDate(o.answer.at) : '',
      ]),
    );
  }
}

const OFFERING_OUTCOMES: Record<string, string> = {
  sold: '成交 Sold',
  lapsed: '未成交 Lapsed',
  cancelled: '撤牌 Cancelled',
};

function offeringSection(doc: PdfDoc, o: OfferingRecord) {
  sectionHeading(doc, '挂牌交易 Listed trading');
  fieldColumns(doc, [
    ['挂牌编号 Offering', o.id],
    ['挂牌底价 Base price', yuan(o.basePrice)],
    ['底价依据 Basis', `${both(PRICING_BASIS_LABELS[o.basis.kind], o.basis.kind)} ${o.basis.reference}`],
  ]);
  fieldColumns(doc, [
    ['挂牌期 Listing period', `${formatChinaDate(o.startsAt)} – ${formatChinaDate(o.endsAt)}`],
    [
      '结果 Result',
      `${OFFERING_OUTCOMES[o.result.outcome ?? ''] ?? '—'} ${o.result.price === null ? '' : yuan(o.result.price)}`,
    ],
  ]);
  const width = contentWidth(doc);
  sectionHeading(doc, '意向受让方 Intended buyers');
  drawTable(
    doc,
    [
      { header: '编号 No.', width: 50 },
      { header: '意向受让方 Buyer', width: width - 210 },
      { header: '登记 Registered', width: 80 },
      { header: '保证金 Deposit', width: 80 },
    ],
    o.registrations.map((r) => [
      String(r.bidderNo),
      r.buyer,
      formatChinaDate(r.registeredAt),
      r.depositReceivedAt ? formatChinaDate(r.depositReceivedAt) : '未到账 None',
    ]),
  );
  sectionHeading(doc, '竞价记录 Bids');
  if (o.bids.length === 0) {
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(MUTED).text('无 None');
    return;
  }
  drawTable(
    doc,
    [
      { header: '#', width: 30 },
      { header: '竞买人 Bidder', width: width - 300 },
      { header: '报价 Amount', width: 130, align: 'right' },
      { header: '时间 At', width: 140 },
    ],
    o.bids.map((b) => [
      String(b.seq),
      `${b.bidderNo} ${b.buyer}`,
      yuan(b.amount),
      b.at.slice(0, 16).replace('T', ' ') + ' UTC',
    ]),
  );
}

/** The pricing dossier as a PDF. Dated by the deal's last change, so the same record always gives the same bytes. */
export function renderDossierPdf(d: Dossier): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `定价过程记录 Pricing dossier ${d.listing.title}`,
    subject: d.deal.id,
    date: toInstant(d.deal.updatedAt),
  });
  const x = doc.page.margins.left;
  doc
    .font(FONT_BOLD)
    .fontSize(18)
    .fillColor(INK)
    .text('定价过程记录 Pricing dossier', x, doc.y, {
      width: contentWidth(doc),
    });
  doc.y += 6;
  fieldColumns(
    doc,
    [
      ['科技成果 Result', d.listing.title],
      ['登记号 Registration no.', d.listing.registrationNo ?? '—'],
      ['转化方式 Form', both(DEAL_FORM_LABELS[d.deal.form as keyof typeof DEAL_FORM_LABELS], d.deal.form)],
    ],
    [2, 1, 1],
  );
  const orgType = (t: string) => both(ORGANIZATION_TYPE_LABELS[t as keyof typeof ORGANIZATION_TYPE_LABELS], t);
  fieldColumns(doc, [
    ['成果方 Seller', `${d.seller.name}（${orgType(d.seller.type)}）`],
    ['受让方 Buyer', `${d.buyer.name}（${orgType(d.buyer.type)}）`],
    ['交易编号 Deal', d.deal.id],
  ]);
  sectionHeading(doc, '定价方式 Pricing route');
  fieldColumns(doc, [
    ['方式 Route', ROUTES[d.route]],
    ['成交价格 Agreed price', yuan(d.agreedPrice)],
  ]);
  decisionSection(doc, d);
  if (d.appraisals.length > 0) {
    sectionHeading(doc, '资产评估 Appraisals (Company Law Art. 48)');
    drawTable(
      doc,
      [
        { header: '评估机构 Appraiser', width: 160 },
        { header: '报告号 Report', width: 110 },
        { header: '评估值 Value', width: 110, align: 'right' },
        { header: '日期 Date', width: contentWidth(doc) - 380 },
      ],
      d.appraisals.map((a) => [a.appraiser, a.reportNo, yuan(a.appraisedValue), formatChinaDate(a.at)]),
    );
  }
  sectionHeading(doc, '议价过程 Proposals');
  drawTable(
    doc,
    [
      { header: '#', width: 24 },
      { header: '提出方 By', width: 80 },
      { header: '日期 Date', width: 80 },
      { header: '状态 Status', width: contentWidth(doc) - 304 },
      { header: '合同金额 Value', width: 120, align: 'right' },
    ],
    d.proposals.map((p) => [
      String(p.seq),
      p.by,
      formatChinaDate(p.at),
      both(PROPOSAL_STATUS_LABELS[p.status as keyof typeof PROPOSAL_STATUS_LABELS], p.status),
      yuan(p.value),
    ]),
  );
  noticesSection(doc, d);
  if (d.offering) offeringSection(doc, d.offering);
  stampFooters(doc, (page, pages) => `定价过程记录 ${d.deal.id} · 第 ${page} / ${pages} 页 · Page ${page} of ${pages}`);
  return pdfToBuffer(doc);
}
