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
// exempt from VAT (财税〔2016〕36号 附件3 第一条第（二十六）项); royalties and milestone payments are instalments
// of such a licence, transfer or development contract. Brokerage is a modern service at 6% VAT. A voucher line
// is a negative amount that reduces what is owed and is not a sale, so it carries no tax.
export const VAT_EXEMPT_KINDS: readonly LineKind[] = Object.freeze([
  'license_fee',
  'transfer_fee',
  'development_fee',
  'royalty',
  'milestone',
]);

export const DEFAULT_TAX_RATES_BP: TaxRates = Object.freeze({
  license_fee: 0,
  transfer_fee: 0,
  development_fee: 0,
  royalty: 0,
  milestone: 0,
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
  taxRateBp: number;
  taxAmount: number;
}

export interface PricedInvoice {
  lines: PricedLine[];
  subtotal: number;
  tax: number;
  total: number;
}

// Prices the lines with the rates table (configuration; the default encodes the law above). Tax is rounded per
// line and the totals are sums of the rounded figures, so the printed lines always add up to the printed total.
// Only a voucher line may be negative, and vouchers may not take the total below zero: an invoice never owes
// money to its recipient (corrections are voids and new invoices).
export function priceLines(lines: readonly LineInput[], rates: TaxRates = DEFAULT_TAX_RATES_BP): PricedInvoice {
  const priced = lines.map((line): PricedLine => {
    assertSafeInteger(line.amount, `amount of line "${line.description}"`);
    if (!LINE_KINDS.includes(line.kind)) throw new RangeError(`unknown line kind "${line.kind}"`);
    if (line.kind === 'voucher' ? line.amount > 0 : line.amount < 0) {
      throw new RangeError(`a ${line.kind} line must not be ${line.kind === 'voucher' ? 'positive' : 'negative'}`);
    }
    const taxRateBp = rates[line.kind];
    return { ...line, taxRateBp, taxAmount: taxForLine(line.amount, taxRateBp) };
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
