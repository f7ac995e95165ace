import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { buildDataset, type Dataset } from './dataset.js';

let t: TestApp;
let d: Dataset;
beforeAll(async () => {
  t = await buildTestApp();
  d = await buildDataset(t);
});
afterAll(async () => {
  await t.close();
});

const get = async (url: string, token = d.admin.accessToken) => {
  const res = await t.request({ method: 'GET', url, token });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const countsOf = <K extends string>(items: ({ count: number } & Record<K, unknown>)[], key: K) =>
  Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [String(i[key]), i.count]));

describe('GET /api/stats', () => {
  it('breaks listings down by field, status, TRL and organization type', async () => {
    const { listings } = (await get('/api/stats')).json();
    expect(listings.total).toBe(5);
    expect(countsOf(listings.byField, 'field')).toEqual({
      modern_agriculture: 2,
      new_energy: 1,
      new_materials: 1,
      smart_city: 1,
    });
    expect(listings.byField).toHaveLength(8);
    expect(countsOf(listings.byStatus, 'status')).toEqual({ published: 3, draft: 1, submitted: 1 });
    expect(countsOf(listings.byTrl, 'trl')).toEqual({ 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 });
    expect(listings.byTrl.map((x: { trl: number }) => x.trl)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(countsOf(listings.byOrganizationType, 'organizationType')).toEqual({ enterprise: 4, university: 1 });
  });

  it('counts deals by form and by top-level state', async () => {
    const { deals } = (await get('/api/stats')).json();
    expect(deals.total).toBe(6);
    expect(countsOf(deals.byForm, 'form')).toEqual({ license: 2, transfer: 2, equity: 1, cooperation: 1 });
    expect(deals.byState).toEqual([
      { form: 'license', state: 'active', count: 1 },
      { form: 'license', state: 'declined', count: 1 },
      { form: 'transfer', state: 'inquiry', count: 1 },
      { form: 'transfer', state: 'payment', count: 1 },
      { form: 'equity', state: 'ipAssignment', count: 1 },
      { form: 'cooperation', state: 'inProgress', count: 1 },
    ]);
  });

  it('gives the median and mean days from inquiry to signature, overall and by form', async () => {
    const {
      deals: { timeToSignature },
    } = (await get('/api/stats')).json();
    // Signed after 1 (licence), 3 (transfer), 6 (cooperation) and 6 (equity) days.
    expect(timeToSignature.overall).toEqual({ deals: 4, medianDays: 4.5, meanDays: 4 });
    expect(timeToSignature.byForm).toEqual([
      { form: 'license', deals: 1, medianDays: 1, meanDays: 1 },
      { form: 'transfer', deals: 1, medianDays: 3, meanDays: 3 },
      { form: 'equity', deals: 1, medianDays: 6, meanDays: 6 },
      { form: 'cooperation', deals: 1, medianDays: 6, meanDays: 6 },
    ]);
  });

  it('sums registered contracts and vouchers granted and redeemed, in fen', async () => {
    const body = (await get('/api/stats')).json();
    expect(body.currency).toBe('CNY');
    expect(body.contracts.registered).toEqual({
      count: 4,
      value: 38_000_000,
      certifiedIncome: 27_000_000,
      confirmed: 0,
    });
    expect(body.vouchers).toEqual({
      granted: { count: 1, amount: 1_000_000 },
      redeemed: { count: 2, amount: 900_000 },
    });
  });

  it('series: the last 12 China months by default, contract value and income per month', async () => {
    const { series } = (await get('/api/stats')).json();
    expect(series.from).toBe('2025-05-01');
    expect(series.to).toBe('2026-04-10');
    expect(series.months.map((m: { month: string }) => m.month)).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    const active = series.months.filter((m: Record<string, number>) => m.dealsSigned + m.invoiced + m.paid > 0);
    expect(active).toEqual([
      // The payment dated 2026-02-28T16:30Z is 1 March in China: it counts in March.
      { month: '2026-03', dealsSigned: 4, contractValue: 38_000_000, invoiced: 31_800_000, paid: 21_200_000 },
      { month: '2026-04', dealsSigned: 0, contractValue: 0, invoiced: 0, paid: 3_600_000 },
    ]);
    expect(series.totals).toEqual({
      dealsSigned: 4,
      contractValue: 38_000_000,
      invoiced: 31_800_000, // 6% VAT: every invoice was issued before its contract was registered
      paid: 24_800_000,
    });
  });

  it('series: ?from=&to= are China dates, both included', async () => {
    const march = (await get('/api/stats?from=2026-03-01&to=2026-03-31')).json().series;
    expect(march.months).toEqual([
      { month: '2026-03', dealsSigned: 4, contractValue: 38_000_000, invoiced: 31_800_000, paid: 21_200_000 },
    ]);
    const feb = (await get('/api/stats?from=2026-02-01&to=2026-02-28')).json().series;
    expect(feb.totals).toEqual({ dealsSigned: 0, contractValue: 0, invoiced: 0, paid: 0 });
    const bad = await t.request({
      method: 'GET',
      url: '/api/stats?from=2026-04-01&to=2026-03-01',
      token: d.admin.accessToken,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.from');
    expect(
      (await t.request({ method: 'GET', url: '/api/stats?from=2026-13-01', token: d.admin.accessToken })).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/stats/public', () => {
  it('shows published listings by field and TRL, signed deals and registered contracts to anyone', async () => {
    const res = await t.request({ method: 'GET', url: '/api/stats/public' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.listings.published).toBe(3);
    expect(countsOf(body.listings.byField, 'field')).toEqual({ modern_agriculture: 2, new_energy: 1 });
    expect(countsOf(body.listings.byTrl, 'trl')).toEqual({ 4: 1, 5: 1, 7: 1 });
    expect(body.deals).toEqual({ signed: 4, contractValue: 38_000_000 });
    expect(body.contracts).toEqual({ registered: 4 });
    // Nothing per organization.
    expect(res.body).not.toContain(d.sellerA.user.organization.id);
    expect(res.body).not.toContain('organization');
  });
});

describe('GET /api/admin/contract-registrations', () => {
  it('lists registered contracts by registration date with their Civil Code Art. 843 category', async () => {
    const body = (await get('/api/admin/contract-registrations')).json();
    expect(body.count).toBe(4);
    expect(body.totalValue).toBe(38_000_000);
    const rows = body.items.map((i: Record<string, any>) => [
      i.dealId,
      i.registrationNo,
      i.category.code,
      i.category.name,
      i.contractValue,
    ]);
    expect(rows).toEqual([
      [d.deals.d1, d.registrationNos.d1, 'license', '技术许可', 20_000_000],
      [d.deals.d3, d.registrationNos.d3, 'development', '技术开发', 3_000_000],
      [d.deals.d4, d.registrationNos.d4, 'transfer', '技术转让', 5_000_000],
      [d.deals.d2, d.registrationNos.d2, 'transfer', '技术转让', 10_000_000],
    ]);
    const d1 = body.items[0];
    expect(d1.seller).toEqual({ id: d.sellerA.user.organization.id, name: d.sellerA.user.organization.name });
    expect(d1.buyer).toEqual({ id: d.b1.user.organization.id, name: d.b1.user.organization.name });
    expect(d1.signedAt).toBe('2026-03-03T08:00:00.000Z');
    expect(d1.registeredAt).toBe('2026-03-03T08:00:00.000Z');
    expect(body.items[3].registeredAt).toBe('2026-04-10T02:00:00.000Z');
    expect(d1).toMatchObject({
      registry: '兵团技术市场',
      registeredOn: '2026-03-03',
      certifiedIncome: 9_000_000,
      confirmedAt: null,
    });
    expect(body.totalCertifiedIncome).toBe(27_000_000);
    expect(body.byRegistry).toEqual([
      { registry: '兵团技术市场', count: 3, certifiedIncome: 17_000_000 },
      { registry: '+石河子技术市场', count: 1, certifiedIncome: 10_000_000 },
    ]);
  });

  it('filters by registration date, China time, both ends included', async () => {
    const april = (await get('/api/admin/contract-registrations?from=2026-04-10')).json();
    expect(april.items.map((i: { dealId: string }) => i.dealId)).toEqual([d.deals.d2]);
    const march = (await get('/api/admin/contract-registrations?from=2026-03-01&to=2026-03-31')).json();
    expect(march.items.map((i: { dealId: string }) => i.dealId)).toEqual([d.deals.d1, d.deals.d3, d.deals.d4]);
    expect((await get('/api/admin/contract-registrations?to=2026-03-02')).json().count).toBe(0);
  });

  it('exports CSV: UTF-8 with BOM, Chinese headers, RFC 4180 quoting, yuan, formula cells neutralised', async () => {
    const res = await get('/api/admin/contract-registrations?format=csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contract-registrations-.*\.csv"$/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '交易编号,认定登记号,合同类别代码,合同类别,卖方（成果方）,买方（需求方）,合同金额（元）,签订日期,登记日期,' +
        '认定登记机构,认定登记日期,认定技术交易额（元）,登记机构确认',
    );
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
    const seller = d.sellerA.user.organization.name;
    // The buyer's name starts with + and holds quotes and a comma: guarded with ', then quoted with "" doubled.
    const b1 = `"'${d.b1.user.organization.name.replace(/"/g, '""')}"`;
    expect(lines[1]).toBe(
      `${d.deals.d1},6590012026000101,license,技术许可,${seller},${b1},200000.00,2026-03-03,2026-03-03,` +
        '兵团技术市场,2026-03-03,90000.00,',
    );
    expect(lines[3]).toBe(
      `${d.deals.d4},'@2026-004,transfer,技术转让,${seller},${d.b2.user.organization.name},50000.00,2026-03-08,2026-03-08,` +
        '兵团技术市场,2026-03-08,50000.00,',
    );
    expect(lines[4]).toBe(
      // The registry starts with + too: guarded.
      `${d.deals.d2},"'=1+2,""x""",transfer,技术转让,${seller},${b1},100000.00,2026-03-05,2026-04-10,` +
        "'+石河子技术市场,2026-04-10,100000.00,",
    );
  });
});

describe('access', () => {
  const adminOnly = [
    'GET /api/stats',
    'GET /api/admin/contract-registrations',
    'GET /api/admin/contract-registrations?format=csv',
  ];
  it('admin routes: 401 without a token, 403 for every other role', async () => {
    for (const route of adminOnly) {
      const [method, url] = route.split(' ') as ['GET', string];
      expect((await t.request({ method, url })).statusCode, route).toBe(401);
      for (const s of [d.sellerA, d.b1, d.broker]) {
        const res = await t.request({ method, url, token: s.accessToken });
        expect(res.statusCode, `${route} as ${s.user.role}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
  });
});
