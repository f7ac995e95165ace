import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../../src/shared/money.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';
import { buildDataset, type Dataset } from './dataset.js';

let t: TestApp;
let d: Dataset;
beforeAll(async () => {
  t = await buildTestApp();
  d = await buildDataset(t);
  t.clock.set('2026-07-02T02:00:00Z');
  const gen = await t.request({
    method: 'POST',
    url: '/api/reports/half-year/generate',
    token: d.admin.accessToken,
    payload: { year: 2026, half: 1 },
  });
  if (gen.statusCode !== 200) throw new Error(gen.body);
  await t.request({
    method: 'PATCH',
    url: '/api/reports/half-year/mine?year=2026&half=1',
    token: d.b2.accessToken,
    payload: { narrative: '合作研发一项，作价投资一项。' },
  });
  const sub = await t.request({
    method: 'POST',
    url: '/api/reports/half-year/mine/submit?year=2026&half=1',
    token: d.b2.accessToken,
  });
  if (sub.statusCode !== 200) throw new Error(sub.body);
});
afterAll(async () => {
  await t.close();
});

const report = async (query = '') => {
  const res = await t.request({
    method: 'GET',
    url: `/api/reports/half-year?year=2026&half=1${query}`,
    token: d.admin.accessToken,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('GET /api/reports/half-year (the Corps-wide aggregate)', () => {
  it('totals count each deal once, whatever the number of parties', async () => {
    const r = (await report()).json();
    expect(r).toMatchObject({
      year: 2026,
      half: 1,
      currency: 'CNY',
      periodStart: '2025-12-31T16:00:00.000Z',
      periodEnd: '2026-06-30T16:00:00.000Z',
    });
    expect(r.totals).toEqual({
      listingsRegistered: 4,
      listingsPublished: 3,
      dealsOpened: 6,
      dealsSigned: 4,
      contractValue: 38_000_000,
      invoiced: 31_800_000, // 6% VAT included: every invoice was issued before its contract was registered
      paid: 24_800_000,
      contractsRegistered: 4,
      contractsRegisteredValue: 38_000_000,
      contractsCertifiedIncome: 27_000_000,
      vouchersRedeemed: 2,
      vouchersRedeemedAmount: 900_000,
    });
  });

  it('per field (deals by the field of their listing) and per form', async () => {
    const r = (await report()).json();
    expect(r.byField).toHaveLength(8);
    const active = r.byField.filter((f: Record<string, number>) => f.listingsRegistered + f.dealsOpened > 0);
    expect(active).toEqual([
      {
        field: 'modern_agriculture',
        listingsRegistered: 2,
        listingsPublished: 2,
        dealsOpened: 3,
        dealsSigned: 2,
        contractValue: 23_000_000,
      },
      {
        field: 'new_energy',
        listingsRegistered: 1,
        listingsPublished: 1,
        dealsOpened: 3,
        dealsSigned: 2,
        contractValue: 15_000_000,
      },
      {
        field: 'smart_city',
        listingsRegistered: 1,
        listingsPublished: 0,
        dealsOpened: 0,
        dealsSigned: 0,
        contractValue: 0,
      },
    ]);
    expect(r.byForm).toEqual([
      { form: 'license', opened: 2, signed: 1, contractValue: 20_000_000 },
      { form: 'transfer', opened: 2, signed: 1, contractValue: 10_000_000 },
      { form: 'equity', opened: 1, signed: 1, contractValue: 5_000_000 },
      { form: 'cooperation', opened: 1, signed: 1, contractValue: 3_000_000 },
    ]);
    expect(r.dealStates.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(6);
  });

  it('income by China month of the half year, and who has submitted', async () => {
    const r = (await report()).json();
    expect(r.incomeByMonth).toEqual([
      { month: '2026-01', invoiced: 0, paid: 0 },
      { month: '2026-02', invoiced: 0, paid: 0 },
      { month: '2026-03', invoiced: 31_800_000, paid: 21_200_000 },
      { month: '2026-04', invoiced: 0, paid: 3_600_000 },
      { month: '2026-05', invoiced: 0, paid: 0 },
      { month: '2026-06', invoiced: 0, paid: 0 },
    ]);
    expect(r.submissions).toEqual({ organizations: 5, submitted: 1, draft: 4 });
    expect(r.organizations).toHaveLength(5);
    const b2 = r.organizations.find((o: { id: string }) => o.id === d.b2.user.organization.id);
    expect(b2).toMatchObject({ type: 'enterprise', status: 'submitted', submittedAt: '2026-07-02T02:00:00.000Z' });
  });
});

describe('the report as PDF', () => {
  it('is an A4 document with the Chinese headings, the totals and the submissions, the same bytes every time', async () => {
    const res = await report('&format=pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    const { pages } = await readPdf(bytes);
    expect(pages[0].width).toBeCloseTo(595.28, 2);
    expect(pages[0].height).toBeCloseTo(841.89, 2);
    const text = pages.map((p) => p.text).join('');
    for (const heading of [
      '兵团科技成果转移转化半年报',
      '2026年上半年',
      '一、总体情况',
      '二、重点领域',
      '三、转化方式',
      '四、月度收入',
      '五、报送情况',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`合同金额Contractvalueagreed${formatFen(38_000_000)}`);
    expect(text).toContain(`开具金额Incomeinvoiced${formatFen(31_800_000)}`);
    expect(text).toContain(`认定技术交易额Certifiedtechnologyincome${formatFen(27_000_000)}`);
    expect(text).toContain(`到账金额Incomereceived${formatFen(24_800_000)}`);
    expect(text).toContain(`4项·${formatFen(38_000_000)}`);
    expect(text).toContain(`2笔·${formatFen(900_000)}`);
    expect(text).toContain(`现代农业Modernagriculture2232${formatFen(23_000_000)}`);
    expect(text).toContain(squash(d.b2.user.organization.name));
    expect(text).toContain('已提交Submitted');
    expect(text).toContain(`第1/${pages.length}页`);
    expect((await report('&format=pdf')).rawPayload.equals(bytes)).toBe(true);
  });

  it('draws its three charts with vector shapes, labelled in Chinese', async () => {
    const bytes = (await report('&format=pdf')).rawPayload;
    const text = (await readPdf(bytes)).pages.map((p) => p.text).join('');
    expect(text).toContain('图1各领域成果数量');
    expect(text).toContain('图2各转化方式交易数量');
    expect(text).toContain('图3月度开具与到账金额');
    // Money bars are labelled in 万元: 30,000,000 fen is 300,000.00 yuan, 30.00万.
    expect(text).toContain('30.00万');
    expect(text).toContain('20.00万');
    expect(text).toContain('3.60万');
    // Each bar is a filled vector rectangle in its series' colour: one fill per non-zero bar, plus the legend swatch.
    const fills = new Map<string, number>();
    const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false })
      .promise;
    try {
      for (let n = 1; n <= pdf.numPages; n++) {
        const { fnArray, argsArray } = await (await pdf.getPage(n)).getOperatorList();
        fnArray.forEach((fn, i) => {
          if (fn === OPS.setFillRGBColor)
            fills.set(String(argsArray[i][0]), (fills.get(String(argsArray[i][0])) ?? 0) + 1);
        });
      }
    } finally {
      await pdf.destroy();
    }
    // Blue: registered listings (3 fields) + opened deals (4 forms) + invoiced (March), 3 swatches.
    expect(fills.get('#2f6fab')).toBe(3 + 4 + 1 + 3);
    // Orange: published listings (2 fields) + 1 swatch.
    expect(fills.get('#e08a2e')).toBe(2 + 1);
    // Green: signed deals (4 forms) + received (March, April), 2 swatches.
    expect(fills.get('#5b9a4a')).toBe(4 + 2 + 2);
  });
});
