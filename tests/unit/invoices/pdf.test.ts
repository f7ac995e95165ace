import { describe, expect, it } from 'vitest';
import { amountInChineseCapitals } from '../../../src/invoices/amount-words.js';
import { renderInvoicePdf } from '../../../src/invoices/pdf.js';
import { formatFen } from '../../../src/shared/money.js';
import { LICENCE_LINES, manyLines, sampleInvoice } from './fixtures.js';
import { readPdf, squash } from './pdf-text.js';

// Renders take ~200 ms cold (the fonts are parsed once per process), then tens of ms.
describe('renderInvoicePdf', { timeout: 30_000 }, () => {
  it('writes an A4 PDF that reads back with the labels, parties, figures and amount in words', async () => {
    const inv = sampleInvoice();
    const bytes = await renderInvoicePdf(inv);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { pages } = await readPdf(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(595.28, 2);
    expect(pages[0].height).toBeCloseTo(841.89, 2);
    const text = pages[0].text;
    for (const label of [
      '付款通知书/发票INVOICE',
      '本单据为付款通知，非增值税发票',
      '编号No.',
      '开具日期Issuedate',
      '付款期限Duedate',
      '状态Status',
      '待付款Awaitingpayment',
      '户名Accountname石河子大学',
      '开户银行Bank中国工商银行石河子分行',
      '收款方（开具方）Payee(issuer)',
      '付款方Payer(billto)',
      '统一社会信用代码',
      '项目Description',
      '税率Taxrate',
      '小计（不含税）Subtotal(excl.tax)',
      '合计Total',
      '应付余额Balancedue',
      '合计（大写）Totalinwords',
      '付款说明Paymentinstructions',
      '转化方式Form技术许可Licence',
      '第1/1页',
      'Page1of1',
    ])
      expect(text).toContain(label);
    expect(text).toContain(inv.number);
    expect(text).toContain(inv.recipient.name);
    expect(text).toContain(inv.issuer.name);
    expect(text).toContain(squash(inv.deal!.listingTitle));
    // The payee's account, grouped in fours as on a payment slip.
    expect(text).toContain('账号Accountnumber3006021109024500123');
    for (const line of inv.lines) expect(text).toContain(squash(line.description));
    expect(text).toContain('¥123,456.78'); // the licence fee line
    expect(text).toContain('-¥5,000.00'); // the voucher line
    expect(text).toContain('6%');
    expect(text).toContain(`小计（不含税）Subtotal(excl.tax)${formatFen(inv.subtotal)}`);
    expect(text).toContain(`合计Total${formatFen(inv.total)}`);
    expect(text).toContain(`应付余额Balancedue${formatFen(inv.balance)}`);
    expect(text).toContain(`人民币${amountInChineseCapitals(inv.total)}`);
    expect(text).toContain('免征增值税');
  });

  it('prints 免税 for the exempt lines of a registered contract, never 0%', async () => {
    const inv = sampleInvoice();
    expect(inv.lines.map((l) => l.taxTreatment)).toEqual(['exempt', 'standard', 'standard']);
    const { text } = (await readPdf(await renderInvoicePdf(inv))).pages[0];
    // The licence fee's rate and tax cells, then the brokerage line at 6%.
    expect(text).toContain('¥123,456.78免税Exempt免税Exempt');
    expect(text).toContain(`¥7,407.416%${formatFen(44_444)}`);
    expect(text).not.toContain('0%');
    expect(text).toContain('本合同已办理技术合同认定登记');
  });

  it('prints 6% on the technology line of an unregistered contract', async () => {
    const inv = sampleInvoice({}, LICENCE_LINES, false);
    expect(inv.lines[0]).toMatchObject({ taxTreatment: 'standard', taxRateBp: 600, taxAmount: 740_741 });
    const { text } = (await readPdf(await renderInvoicePdf(inv))).pages[0];
    expect(text).toContain(`¥123,456.786%${formatFen(740_741)}`);
    expect(text).not.toContain('免税Exempt');
    expect(text).toContain('本合同尚未办理技术合同认定登记');
  });

  it('prints dates in China Standard Time', async () => {
    const { pages } = await readPdf(
      await renderInvoicePdf(
        sampleInvoice({
          issuedAt: '2026-03-01T20:00:00.000Z',
          dueAt: new Date('2026-03-31T16:30:00.000Z'),
        }),
      ),
    );
    expect(pages[0].text).toContain('开具日期Issuedate2026-03-02');
    expect(pages[0].text).toContain('付款期限Duedate2026-04-01');
  });

  it('renders the same invoice to the same bytes, and a different one to different bytes', async () => {
    const first = await renderInvoicePdf(sampleInvoice());
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a clock-stamped date would now differ
    const second = await renderInvoicePdf(sampleInvoice());
    expect(second.equals(first)).toBe(true);
    const later = await renderInvoicePdf(sampleInvoice({ issuedAt: '2026-03-03T02:30:00.000Z' }));
    expect(later.equals(first)).toBe(false);
  });

  it('paginates a 40-line invoice, repeating the table header on every page of lines', async () => {
    const lines = manyLines(40);
    const inv = sampleInvoice({}, lines);
    const { pages } = await readPdf(await renderInvoicePdf(inv));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(595.28, 2);
      expect(page.text).toContain(`第${i + 1}/${pages.length}页`);
      expect(page.text).toContain(`Page${i + 1}of${pages.length}`);
    });
    const all = pages.map((p) => p.text).join('');
    for (const line of lines) expect(all).toContain(squash(line.description));
    const pagesWithLines = pages.filter((p) => /里程碑\d+：/.test(p.text));
    expect(pagesWithLines.length).toBeGreaterThan(1);
    for (const page of pagesWithLines) expect(page.text).toContain('项目Description');
    // Lines keep their order across pages and none is printed twice.
    const order = [...all.matchAll(/里程碑(\d+)：/g)].map((m) => Number(m[1]));
    expect(order).toEqual(lines.map((_, i) => i + 1));
    expect(pages.at(-1)!.text).toContain(`合计Total${formatFen(inv.total)}`);
  });

  it('wraps a long description instead of cutting it', async () => {
    const description =
      '基于北斗定位与多光谱遥感的棉田水肥一体化智能决策系统，包括传感器网络部署、模型训练、平台接入、操作培训和三年运维支持'.repeat(
        2,
      );
    const inv = sampleInvoice({}, [{ kind: 'development_fee', description, amount: 88_000_000 }]);
    const { pages } = await readPdf(await renderInvoicePdf(inv));
    expect(pages[0].text).toContain(description);
  });

  it('marks a void invoice with its reason and asks for no payment', async () => {
    const reason = '金额录入错误，已重新开具 INV-2026-000043';
    const { pages } = await readPdf(await renderInvoicePdf(sampleInvoice({ status: 'void', voidReason: reason })));
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('已作废Void');
    expect(text).toContain('本单据已作废，请勿据此付款');
    expect(text).toContain(squash(reason));
    expect(text).not.toContain('付款说明');
  });

  it('lists payments received and asks for nothing more once paid', async () => {
    const total = sampleInvoice().total;
    const inv = sampleInvoice({
      status: 'paid',
      paid: total,
      balance: 0,
      payments: [
        { amount: 10_000_000, reference: 'ICBC20260310-88231', paidAt: '2026-03-10T03:00:00Z' },
        { amount: total - 10_000_000, reference: 'ICBC20260320-90412', paidAt: '2026-03-20T03:00:00Z' },
      ],
    });
    const { pages } = await readPdf(await renderInvoicePdf(inv));
    const text = pages[0].text;
    expect(text).toContain('已付清Paid');
    expect(text).toContain('收款记录Paymentsreceived');
    expect(text).toContain('2026-03-10ICBC20260310-88231¥100,000.00');
    expect(text).toContain(`2026-03-20ICBC20260320-90412${formatFen(total - 10_000_000)}`);
    expect(text).toContain('应付余额Balancedue¥0.00');
    expect(text).not.toContain('付款说明');
  });

  it('renders without a deal or optional party details', async () => {
    const inv = sampleInvoice({
      deal: null,
      issuer: { name: '兵团技术转移中心' },
      recipient: { name: '某农业科技有限公司' },
      status: 'overdue',
      payeeAccount: null,
    });
    const { pages } = await readPdf(await renderInvoicePdf(inv));
    const text = pages[0].text;
    expect(text).toContain('已逾期Overdue');
    expect(text).not.toContain('交易信息Deal');
    // No account yet: said plainly, with no account fields to fill in by guesswork.
    expect(text).toContain(squash('收款方尚未登记收款账户'));
    expect(text).toContain(squash('The payee has not registered a bank account yet'));
    expect(text).not.toContain('请向收款方索取');
    expect(text).not.toContain('账号Accountnumber');
  });

  it('stays small: a one-page invoice with two embedded font subsets is under 100 KB', async () => {
    const bytes = await renderInvoicePdf(sampleInvoice());
    expect(bytes.length).toBeLessThan(100 * 1024);
  });
});
