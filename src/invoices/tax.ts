import { assertSafeInteger, mulBpSigned } from '../shared/money.js';

// The money rules of an invoice, written once (ARCHITECTURE.md "Money and documents"): every service that issues
// an invoice, and every test that checks one, prices its lines here.

export const LINE_KINDS = [
  'license_fee',
  'transfer_fee',
  'development_fee',
  'brokerage',
  'royalty',
  'milestone',
  'voucher',
  'other',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type TaxRates = Readonly<Record<LineKind, number>>;

// Income from technology transfer and technology development, and the consulting and services tied to them, is
// exempt from VAT (财税〔2016〕36号 附件3 第一条第（二十六）项) — but only for a contract registered as a technology
// contract (技术合同认定登记, same item: 试点纳税人申请免征增值税时，须持技术转让、开发的书面合同，到纳税人所在地
// 省级科技主管部门进行认定). Royalties and milestone payments are instalments of such a licence, transfer or
// development contract. Until the deal's contract is registered these kinds carry the standard rate.
export const VAT_EXEMPT_KINDS: readonly LineKind[] = Object.freeze([
  'license_fee',
  'transfer_fee',
  'development_fee',
  'royalty',
  'milestone',
]);

export const TAX_TREATMENTS = ['exempt', 'standard'] as const;
export type TaxTreatment = (typeof TAX_TREATMENTS)[number];

/**
 * Whether a line is exempt or taxed at its kind's standard rate: the one rule every issuer applies (through
 * priceLines). A technology line is exempt only while its deal's contract is registered; brokerage is a modern
 * service (现代服务) and always standard. A voucher line is not a sale (it is a payment by the bureau, DOMAIN.md
 * "Money"): it is recorded as `standard` at 0%, not `exempt` — 免税 would claim a relief that nothing was granted —
 * and its rate column prints "—" rather than 0% (pdf/sections.ts).
 */
export function taxTreatment(kind: LineKind, contractRegistered: boolean): TaxTreatment {
  return contractRegistered && VAT_EXEMPT_KINDS.includes(kind) ? 'exempt' : 'standard';
}

// The standard rate of each kind: the 6% of 财税〔2016〕36号 附件1 第十五条 for technology services and
// brokerage; an exempt line is priced at 0 whatever this table says. Configuration overrides it (TAX_RATES_BP).
export const DEFAULT_TAX_RATES_BP: TaxRates = Object.freeze({
  license_fee: 600,
  transfer_fee: 600,
  development_fee: 600,
  royalty: 600,
  milestone: 600,
  brokerage: 600,
  voucher: 0,
  other: 0,
});

// amount × rate / 10000 per line, half up; a negative amount rounds half away from zero (shared/money.ts).
export function taxForLine(amount: number, rateBp: number): number {
  assertSafeInteger(amount, 'line amount');
  assertRate(rateBp);
  return mulBpSigned(amount, rateBp);
}

function assertRate(rateBp: number): void {
  assertSafeInteger(rateBp, 'tax rate in basis points');
  if (rateBp < 0 || rateBp > 10_000) throw new RangeError(`tax rate must be 0–10000 bp, got ${rateBp}`);
}

export interface LineInput {
  kind: LineKind;
  description: string;
  // Net of tax, in fen.
  amount: number;
}

export interface PricedLine extends LineInput {
  taxTreatment: TaxTreatment;
  taxRateBp: number;
  taxAmount: number;
}

export interface PricedInvoice {
  lines: PricedLine[];
  subtotal: number;
  tax: number;
  total: number;
}

// Prices the lines: each takes its treatment (taxTreatment, from whether the deal's contract is registered), and a
// standard line the rate of the rates table (configuration; the default encodes the law above). Tax is rounded per
// line and the totals are sums of the rounded figures, so the printed lines always add up to the printed total.
// Only a voucher line may be negative, and vouchers may not take the total below zero: an invoice never owes
// money to its recipient (corrections are voids and new invoices).
export function priceLines(
  lines: readonly LineInput[],
  contractRegistered: boolean,
  rates: TaxRates = DEFAULT_TAX_RATES_BP,
): PricedInvoice {
  const priced = lines.map((line): PricedLine => {
    assertSafeInteger(line.amount, `amount of line "${line.description}"`);
    if (!LINE_KINDS.includes(line.kind)) throw new RangeError(`unknown line kind "${line.kind}"`);
    if (line.kind === 'voucher' ? line.amount > 0 : line.amount < 0) {
      throw new RangeError(`a ${line.kind} line must not be ${line.kind === 'voucher' ? 'positive' : 'negative'}`);
    }
    const treatment = taxTreatment(line.kind, contractRegistered);
    const taxRateBp = treatment === 'exempt' ? 0 : rates[line.kind];
    return { ...line, taxTreatment: treatment, taxRateBp, taxAmount: taxForLine(line.amount, taxRateBp) };
  });
  const subtotal = sum(priced.map((l) => l.amount));
  const tax = sum(priced.map((l) => l.taxAmount));
  const total = subtotal + tax;
  if (total < 0) throw new RangeError('vouchers exceed the amount owed');
  return { lines: priced, subtotal, tax, total };
}

// Summed exactly, so a total past 2^53 is reported rather than silently rounded.
function sum(values: number[]): number {
  const total = Number(values.reduce((acc, v) => acc + BigInt(v), 0n));
  assertSafeInteger(total, 'invoice total');
  return total;
}
