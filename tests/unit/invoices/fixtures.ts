import type { InvoicePdfView } from '../../../src/invoices/pdf.js';
import { priceLines, type LineInput } from '../../../src/invoices/tax.js';

export const LICENCE_LINES: LineInput[] = [
  { kind: 'license_fee', description: '膜下滴灌水肥一体化技术 独占许可 入门费', amount: 12_345_678 },
  { kind: 'brokerage', description: '技术经纪服务 Brokerage for the licence', amount: 740_741 },
  { kind: 'voucher', description: '创新券 CX-2026-0042 抵扣', amount: -500_000 },
];

// A priced invoice as the invoice service would hand it to the renderer: totals from priceLines, so the
// figures the tests look for are the ones the money rules produce. By default the deal's contract is registered
// (its technology lines are exempt); `registered: false` prices them at the standard rate.
export function sampleInvoice(
  overrides: Partial<InvoicePdfView> = {},
  lines: LineInput[] = LICENCE_LINES,
  registered = true,
): InvoicePdfView {
  const priced = priceLines(lines, registered);
  const paid = overrides.paid ?? 0;
  return {
    number: 'INV-2026-000042',
    status: 'issued',
    issuedAt: '2026-03-02T02:30:00.000Z',
    dueAt: '2026-04-01T15:59:59.000Z',
    currency: 'CNY',
    issuer: {
      name: '石河子大学',
      taxId: '12650000458400111X',
      address: '新疆石河子市北四路221号',
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006 0211 0902 4500 123',
    },
    recipient: {
      name: '新疆天业节水灌溉股份有限公司',
      taxId: '91659001710889832T',
      address: '新疆石河子市经济技术开发区',
    },
    payeeAccount: {
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006021109024500123',
      bankAccountName: '石河子大学',
    },
    deal: { id: 'dl_0mb2x1c9qa8b7c6d5e4f3g2h1', form: 'license', listingTitle: '膜下滴灌水肥一体化精准调控技术' },
    lines: priced.lines,
    subtotal: priced.subtotal,
    tax: priced.tax,
    total: priced.total,
    paid,
    balance: priced.total - paid,
    voidReason: null,
    payments: [],
    ...overrides,
  };
}

export function manyLines(count: number): LineInput[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 5 === 4 ? 'brokerage' : 'milestone',
    description: `里程碑 ${i + 1}：第 ${i + 1} 批田间试验数据交付与验收（含检测报告、数据集和技术说明书） Milestone ${i + 1} delivery`,
    amount: 100_000 + i * 1_234,
  }));
}
