import { renderInvoicePdf, type InvoicePdfView } from '../src/invoices/pdf.js';
import { LINE_KINDS, priceLines, type LineInput } from '../src/invoices/tax.js';
import { INVOICE_STATUSES } from '../src/shared/invoice.js';
import { DEAL_FORMS } from '../src/shared/listing.js';

// Invoice PDF rendering cost: `npm run bench:pdf [N]` renders N (default 200) varied invoices after a warm-up
// and checks the targets: < 50 ms and < 100 KB per PDF. Sequential, as one request renders one PDF.
const TARGET_MS = 50;
const TARGET_BYTES = 100 * 1024;
const WARM_UP = 20;
const n = Number(process.argv[2] ?? 200);
if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a positive integer, got ${process.argv[2]}`);

// A fixed-seed generator (mulberry32), so every run renders the same invoices.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SUBJECTS = [
  '膜下滴灌水肥一体化',
  '棉花机采脱叶',
  '盐碱地改良',
  '红枣精深加工',
  '光伏组件清洗机器人',
  '北斗农机自动驾驶',
  '畜禽粪污资源化',
  '番茄加工废水处理',
  '智能温室环境调控',
  '风电叶片无损检测',
];
const ACTS = ['技术许可入门费', '专利权转让价款', '第二阶段研发费用', '技术经纪服务费', '年度提成', '中试验收里程碑款'];
const ORGS = [
  '石河子大学',
  '塔里木大学',
  '新疆农垦科学院',
  '兵团第八师某农业科技有限公司',
  '新疆天业节水灌溉股份有限公司',
  '兵团技术转移中心',
  '某新能源装备制造有限公司',
];

function invoice(i: number, rnd: () => number): InvoicePdfView {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const count = rnd() < 0.1 ? 20 + Math.floor(rnd() * 30) : 1 + Math.floor(rnd() * 8);
  const lines: LineInput[] = Array.from({ length: count }, () => {
    const kind = pick(LINE_KINDS.filter((k) => k !== 'voucher'));
    const description = `${pick(SUBJECTS)}技术 ${pick(ACTS)}${rnd() < 0.3 ? '（含技术资料交付、现场指导与培训、验收报告）' : ''}`;
    return { kind, description, amount: Math.floor(rnd() * 50_000_000) + 100 };
  });
  const gross = lines.reduce((s, l) => s + l.amount, 0);
  if (rnd() < 0.2) lines.push({ kind: 'voucher', description: '创新券抵扣', amount: -Math.floor(gross * rnd() * 0.5) });
  const priced = priceLines(lines, rnd() < 0.5);
  const status = pick(INVOICE_STATUSES);
  const paid = status === 'paid' ? priced.total : status === 'partially_paid' ? Math.floor(priced.total / 3) : 0;
  const issued = Date.UTC(2026, 0, 1) + i * 86_400_000;
  return {
    number: `INV-2026-${String(i + 1).padStart(6, '0')}`,
    status,
    issuedAt: new Date(issued).toISOString(),
    dueAt: new Date(issued + 30 * 86_400_000).toISOString(),
    currency: 'CNY',
    issuer: {
      name: pick(ORGS),
      taxId: '12650000458400111X',
      address: '新疆石河子市北四路221号',
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006021109024500123',
    },
    recipient: { name: pick(ORGS), taxId: '91659001710889832T', address: '新疆石河子市经济技术开发区' },
    deal:
      rnd() < 0.9
        ? {
            id: `dl_${i.toString(36).padStart(21, '0')}`,
            form: pick(DEAL_FORMS),
            listingTitle: `${pick(SUBJECTS)}关键技术`,
          }
        : null,
    ...priced,
    paid,
    balance: priced.total - paid,
    voidReason: status === 'void' ? '金额录入错误，已重新开具' : null,
    payments:
      paid > 0
        ? [
            {
              amount: paid,
              reference: `ICBC2026${String(i).padStart(6, '0')}`,
              paidAt: new Date(issued + 5 * 86_400_000).toISOString(),
            },
          ]
        : [],
  };
}

const rnd = random(20_260_301);
const invoices = Array.from({ length: n }, (_, i) => invoice(i, rnd));

let t = performance.now();
await renderInvoicePdf(invoices[0]);
const coldMs = performance.now() - t;
for (let i = 0; i < WARM_UP; i++) await renderInvoicePdf(invoices[i % n]);

const ms: number[] = [];
const bytes: number[] = [];
for (const inv of invoices) {
  t = performance.now();
  const pdf = await renderInvoicePdf(inv);
  ms.push(performance.now() - t);
  bytes.push(pdf.length);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const timing = (xs: number[]) =>
  `mean ${mean(xs).toFixed(1)}  p50 ${percentile(xs, 50).toFixed(1)}  p99 ${percentile(xs, 99).toFixed(1)}`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const timeOk = mean(ms) < TARGET_MS;
const maxBytes = Math.max(...bytes);
const sizeOk = maxBytes < TARGET_BYTES;
const long = invoices.map((inv) => inv.lines.length >= 20);

console.log(`invoice PDFs: ${n} rendered after ${WARM_UP} warm-up (first render, fonts cold: ${coldMs.toFixed(0)} ms)`);
console.log(`  ms per PDF:    ${timing(ms)}  (target mean < ${TARGET_MS} ms: ${verdict(timeOk)})`);
console.log(`    1–9 lines (${long.filter((l) => !l).length}): ${timing(ms.filter((_, i) => !long[i]))}`);
if (long.some(Boolean))
  console.log(`    20+ lines (${long.filter(Boolean).length}, several pages): ${timing(ms.filter((_, i) => long[i]))}`);
console.log(
  `  bytes per PDF: mean ${Math.round(mean(bytes))}  max ${maxBytes}  (target max < ${TARGET_BYTES} bytes: ${verdict(sizeOk)})`,
);
if (!timeOk || !sizeOk) process.exitCode = 1;
