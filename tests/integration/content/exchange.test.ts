import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/content/exchange/columns.js';
import { parseCsv } from '../../../src/content/exchange/csv.js';
import { listings } from '../../../src/db/schema/listings.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, unique, type Session } from '../../helpers/factories.js';

let t: TestApp;
let admin: Session, seller: Session;
type Row = Record<string, string>;

const exportAs = (format: 'json' | 'csv', token = admin.accessToken) =>
  t.request({ method: 'GET', url: `/api/admin/exchange/listings?format=${format}`, token });
const importBatch = (payload: string | object[], headers: Record<string, string> = {}, token = admin.accessToken) =>
  t.request({
    method: 'POST',
    url: '/api/admin/exchange/listings',
    token,
    payload,
    headers: { 'content-type': typeof payload === 'string' ? 'text/csv' : 'application/json', ...headers },
  });
const published = async () =>
  Number(
    (
      await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(listings)
        .where(eq(listings.status, 'published'))
    )[0].n,
  );
const withoutAssigned = ({ 登记号: _r, 发布日期: _d, ...rest }: Row) => rest;

function csvRows(text: string): Row[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

beforeAll(async () => {
  t = await buildTestApp();
  [admin, seller] = await Promise.all([adminSession(t), registerUser(t, 'seller')]);
  await createListing(t, seller, {
    publishWith: admin,
    body: {
      title: '=HYPERLINK("http://evil.example","点我")',
      summary: '+SUM(A1:A9) 作为简介开头的公式注入测试，"引号"，逗号,以及\n换行。',
      keywords: ['-1', '@cmd', '节水'],
      inventors: [{ name: '=李明', title: '教授' }, { name: '王芳' }],
      region: '660800',
      askingPrice: 12_345_678,
    },
  });
  await createListing(t, seller, {
    publishWith: admin,
    body: {
      title: "'=已有撇号的标题",
      ipType: 'software_copyright',
      ipNumbers: ['2021SR0123456'],
      dealTypes: ['cooperation', 'equity'],
      askingPrice: null,
      category: 'soft_science',
      field: 'smart_city',
      form: 'new_product',
      level: 'not_evaluated',
      stage: 'early',
      trl: 3,
      fundingSource: 'enterprise',
      region: null,
      inventors: [],
    },
  });
  await createListing(t, seller, { body: { title: '草稿不导出' } });
});
afterAll(async () => {
  await t.close();
});

describe('export for the national system', () => {
  it('writes CSV with a BOM, Chinese headers in form order, RFC 4180 quoting and guarded formula cells', async () => {
    const res = await exportAs('csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="listings-\d{8}\.csv"$/);
    expect(
      res.body.startsWith(
        '\uFEFF成果名称,成果简介,关键词,成果类别,应用领域,成果体现形式,技术成熟度,所处阶段,成果水平,知识产权形式,知识产权编号,转化方式,参考价格(元),经费来源,所属地区,完成人,完成单位,登记号,发布日期\r\n',
      ),
    ).toBe(true);
    expect(res.body).toContain('"\'=HYPERLINK(""http://evil.example"",""点我"")"');
    expect(res.body).toContain('"\'+SUM(A1:A9) 作为简介开头的公式注入测试，""引号""，逗号,以及\n换行。"');
    const records = parseCsv(res.body);
    expect(records).toHaveLength(3);
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const rows = csvRows(res.body);
    expect(rows[0]).toMatchObject({
      关键词: "'-1；@cmd；节水",
      成果类别: '应用技术',
      应用领域: '现代农业',
      技术成熟度: '7',
      成果水平: '国内领先',
      知识产权形式: '发明专利',
      转化方式: '技术许可；技术转让',
      '参考价格(元)': '123456.78',
      经费来源: '兵团财政',
      所属地区: '第八师石河子市',
      完成人: "'=李明（教授）；王芳",
      完成单位: seller.user.organization.name,
      登记号: expect.stringMatching(/^6600002026A\d{5}$/),
      发布日期: '2026-03-02',
    });
    expect(rows[1]).toMatchObject({
      成果名称: "''=已有撇号的标题",
      '参考价格(元)': '',
      成果类别: '软科学',
      转化方式: '研发合作；作价投资',
      登记号: expect.stringMatching(/^6600002026C/),
    });
  });

  it('writes JSON objects keyed in the same order, without spreadsheet guards', async () => {
    const res = await exportAs('json');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Row[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([...COLUMNS]);
    expect(rows[0].成果名称).toBe('=HYPERLINK("http://evil.example","点我")');
  });

  it('is admin-only and audited', async () => {
    expect((await t.request({ method: 'GET', url: '/api/admin/exchange/listings?format=csv' })).statusCode).toBe(401);
    expect((await exportAs('csv', seller.accessToken)).statusCode).toBe(403);
    expect((await exportAs('xml' as 'csv')).statusCode).toBe(400);
    const trail = (
      await t.request({ method: 'GET', url: '/api/admin/audit?action=exchange.exported', token: admin.accessToken })
    ).json();
    expect(trail.items.map((i: { data: { format: string } }) => i.data.format)).toEqual(['json', 'csv']);
  });
});

describe('import from the national system', () => {
  it('round-trips the CSV export: the same rows come back as new published listings with new numbers', async () => {
    const before = csvRows((await exportAs('csv')).body);
    const res = await importBatch((await exportAs('csv')).body);
    expect(res.statusCode).toBe(201);
    const { items } = res.json();
    expect(items.map((i: { row: number }) => i.row)).toEqual([1, 2]);
    const after = csvRows((await exportAs('csv')).body);
    const imported = after.filter((r) => items.some((i: { registrationNo: string }) => i.registrationNo === r.登记号));
    expect(imported.map(withoutAssigned)).toEqual(before.map(withoutAssigned));
    const [listing] = await t.ctx.db.select().from(listings).where(eq(listings.id, items[0].id));
    expect(listing).toMatchObject({
      status: 'published',
      organizationId: seller.user.organization.id,
      askingPrice: 12_345_678,
      title: '=HYPERLINK("http://evil.example","点我")',
    });
    expect(listing.inventors).toEqual([{ name: '=李明', title: '教授' }, { name: '王芳' }]);
  });

  it('imports JSON with codes or labels, once per Idempotency-Key', async () => {
    const row = {
      成果名称: `棉花打顶机器人 ${unique('j')}`,
      成果简介: '基于视觉识别的棉花打顶机器人，作业效率是人工的 20 倍。',
      关键词: '棉花、打顶',
      成果类别: 'applied_technology',
      应用领域: '智能制造',
      成果体现形式: 'new_equipment',
      技术成熟度: 6,
      所处阶段: '中期阶段',
      知识产权形式: 'utility_model',
      知识产权编号: 'ZL202120345678.9',
      转化方式: 'license;技术转让',
      '参考价格(元)': 500000,
      经费来源: 'fiscal_corps',
      完成单位: seller.user.organization.name,
      登记号: 'X-IGNORED',
    };
    const key = { 'idempotency-key': `import-${unique('k')}` };
    const first = await importBatch([row], key);
    expect(first.statusCode).toBe(201);
    const count = await published();
    const again = await importBatch([row], key);
    expect(again.json()).toEqual(first.json());
    expect(await published()).toBe(count);
    const [l] = await t.ctx.db.select().from(listings).where(eq(listings.id, first.json().items[0].id));
    expect(l).toMatchObject({
      field: 'intelligent_manufacturing',
      form: 'new_equipment',
      stage: 'pilot',
      dealTypes: ['license', 'transfer'],
      askingPrice: 50_000_000,
      keywords: ['棉花', '打顶'],
      level: 'not_evaluated',
    });
    expect(l.registrationNo).not.toBe('X-IGNORED');
  });

  it('writes nothing when one row is bad, and names every bad row and column', async () => {
    const good = (await exportAs('json')).json()[0] as Row;
    const count = await published();
    const rows = [
      good,
      { ...good, 应用领域: '火星农业', 技术成熟度: '10' },
      { ...good, 完成单位: '不存在的大学' },
      { ...good, 知识产权编号: 'ZL123' },
      { ...good, 完成单位: admin.user.organization.name, 成果名称: '' },
    ];
    const res = await importBatch(rows);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors).toEqual([
      { row: 2, path: '应用领域', message: expect.stringContaining('现代农业') },
      { row: 2, path: '技术成熟度', message: expect.any(String) },
      { row: 3, path: '完成单位', message: expect.stringContaining('不存在的大学') },
      { row: 4, path: '知识产权编号', message: expect.stringContaining('CNIPA') },
      { row: 5, path: '成果名称', message: 'is required' },
    ]);
    expect(await published()).toBe(count);
    // No registration number was spent either: the next import gets the next one, without a gap.
    const maxSerial = Math.max(...(await allSerials()));
    const ok = await importBatch([good]);
    expect(Number(ok.json().items[0].registrationNo.slice(-5))).toBe(maxSerial + 1);
  });

  it('rejects malformed CSV and unknown columns naming the header row', async () => {
    const bad = await importBatch('成果名称,火星列\r\n"未闭合,x\r\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ row: 0, message: expect.stringContaining('never closed') });
    const unknown = await importBatch(`${COLUMNS.join(',')},火星列\r\n${COLUMNS.map(() => 'x').join(',')},y\r\n`);
    expect(unknown.json().errors).toEqual([
      { row: 0, path: '火星列', message: expect.stringContaining('not a column') },
    ]);
    const empty = await importBatch([]);
    expect(empty.json().errors).toEqual([{ row: 0, path: '', message: 'the batch has no rows' }]);
  });

  it('is admin-only', async () => {
    expect((await t.request({ method: 'POST', url: '/api/admin/exchange/listings', payload: [{}] })).statusCode).toBe(
      401,
    );
    expect((await importBatch([{}], {}, seller.accessToken)).statusCode).toBe(403);
  });
});

async function allSerials(): Promise<number[]> {
  const rows = await t.ctx.db.select({ n: listings.registrationNo }).from(listings);
  return rows.flatMap((r) => (r.n ? [Number(r.n.slice(-5))] : []));
}
