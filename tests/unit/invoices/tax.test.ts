import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TAX_RATES_BP,
  LINE_KINDS,
  priceLines,
  taxForLine,
  taxTreatment,
  VAT_EXEMPT_KINDS,
  type LineInput,
  type TaxRates,
} from '../../../src/invoices/tax.js';

describe('taxForLine', () => {
  it.each([
    // amount (fen), rate (bp), tax (fen)
    [100_000, 600, 6_000],
    [25, 600, 2], // 1.5 → 2
    [75, 600, 5], // 4.5 → 5
    [24, 600, 1], // 1.44 → 1
    [4_999, 1, 0], // 0.4999 → 0
    [5_000, 1, 1], // 0.5 → 1
    [15_000, 1, 2], // 1.5 → 2 (half up, not half to even)
    [25_000, 1, 3], // 2.5 → 3
    [740_741, 600, 44_444], // 44444.46 → 44444
    [0, 600, 0],
    [123_456, 0, 0],
    [1, 10_000, 1],
  ])('%i fen at %i bp → %i fen', (amount, rate, tax) => {
    expect(taxForLine(amount, rate)).toBe(tax);
  });

  it.each([
    [-25, 600, -2], // -1.5 → -2: half away from zero
    [-75, 600, -5],
    [-4_999, 1, 0],
    [-5_000, 1, -1],
    [-24, 600, -1],
  ])('negative %i fen at %i bp → %i fen', (amount, rate, tax) => {
    expect(taxForLine(amount, rate)).toBe(tax);
  });

  it('never returns -0', () => {
    expect(Object.is(taxForLine(-4_999, 1), 0)).toBe(true);
    expect(Object.is(taxForLine(-500_000, 0), 0)).toBe(true);
  });

  it('is exact where amount × rate passes 2^53', () => {
    // Float arithmetic gives 810647932926689 here: the product 8.1e18 is not representable.
    const amount = 9_007_199_254_740_983;
    expect(taxForLine(amount, 900)).toBe(810_647_932_926_688);
  });

  it('is symmetric in sign and within half a fen of the exact tax', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 10_000 }), (amount, rate) => {
        const tax = taxForLine(amount, rate);
        expect(taxForLine(-amount, rate)).toBe(0 - tax);
        const error = BigInt(tax) * 10_000n - BigInt(amount) * BigInt(rate);
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
      }),
    );
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects the amount %s', (amount) => {
    expect(() => taxForLine(amount, 600)).toThrow(RangeError);
  });

  it.each([6.5, -1, 10_001, Number.NaN])('rejects the rate %s', (rate) => {
    expect(() => taxForLine(100, rate)).toThrow(RangeError);
  });
});

describe('DEFAULT_TAX_RATES_BP', () => {
  it('gives technology fees and brokerage the standard 6% and vouchers nothing', () => {
    for (const kind of VAT_EXEMPT_KINDS) expect(DEFAULT_TAX_RATES_BP[kind]).toBe(600);
    expect(DEFAULT_TAX_RATES_BP.brokerage).toBe(600);
    expect(DEFAULT_TAX_RATES_BP.voucher).toBe(0);
    expect(Object.keys(DEFAULT_TAX_RATES_BP).sort()).toEqual([...LINE_KINDS].sort());
  });
});

describe('taxTreatment', () => {
  const TECH = ['license_fee', 'transfer_fee', 'development_fee', 'royalty', 'milestone'] as const;

  it('exempts the technology kinds only once the contract is registered', () => {
    expect([...VAT_EXEMPT_KINDS].sort()).toEqual([...TECH].sort());
    for (const kind of TECH) {
      expect(taxTreatment(kind, false)).toBe('standard');
      expect(taxTreatment(kind, true)).toBe('exempt');
    }
  });

  it('keeps brokerage, other and voucher lines standard either way', () => {
    for (const kind of ['brokerage', 'other', 'voucher'] as const) {
      expect(taxTreatment(kind, false)).toBe('standard');
      expect(taxTreatment(kind, true)).toBe('standard');
    }
  });
});

describe('priceLines', () => {
  const lines: LineInput[] = [
    { kind: 'license_fee', description: '入门费', amount: 12_345_678 },
    { kind: 'brokerage', description: '经纪佣金', amount: 740_741 },
    { kind: 'brokerage', description: '补充服务', amount: 25 },
    { kind: 'voucher', description: '创新券', amount: -500_000 },
  ];

  it('prices each line of a registered contract and totals the rounded figures', () => {
    const priced = priceLines(lines, true);
    expect(priced.lines.map((l) => [l.kind, l.taxTreatment, l.taxRateBp, l.taxAmount])).toEqual([
      ['license_fee', 'exempt', 0, 0],
      ['brokerage', 'standard', 600, 44_444],
      ['brokerage', 'standard', 600, 2],
      ['voucher', 'standard', 0, 0],
    ]);
    expect(priced.lines.map((l) => [l.description, l.amount])).toEqual(lines.map((l) => [l.description, l.amount]));
    expect(priced.subtotal).toBe(12_345_678 + 740_741 + 25 - 500_000);
    expect(priced.tax).toBe(44_446);
    expect(priced.total).toBe(priced.subtotal + 44_446);
  });

  it('taxes the technology line of an unregistered contract at the standard rate', () => {
    const priced = priceLines(lines, false);
    expect(priced.lines.map((l) => [l.kind, l.taxTreatment, l.taxRateBp, l.taxAmount])).toEqual([
      ['license_fee', 'standard', 600, 740_741], // 6% of 123,456.78 yuan = 7,407.4068 → 7,407.41
      ['brokerage', 'standard', 600, 44_444],
      ['brokerage', 'standard', 600, 2],
      ['voucher', 'standard', 0, 0],
    ]);
    expect(priced.tax).toBe(740_741 + 44_446);
    expect(priced.total).toBe(12_345_678 + 740_741 + 25 - 500_000 + 740_741 + 44_446);
  });

  it('prices an exempt line at 0 whatever the configured standard rate', () => {
    const rates: TaxRates = { ...DEFAULT_TAX_RATES_BP, license_fee: 1_300 };
    const line = [{ kind: 'license_fee' as const, description: 'x', amount: 10_000 }];
    expect(priceLines(line, true, rates).lines[0]).toMatchObject({
      taxTreatment: 'exempt',
      taxRateBp: 0,
      taxAmount: 0,
    });
    expect(priceLines(line, false, rates).lines[0]).toMatchObject({ taxTreatment: 'standard', taxAmount: 1_300 });
  });

  it('rounds per line, not on the sum', () => {
    // Two 1.5-fen taxes round to 2 each (4); rounding their 3.0-fen sum once would give 3.
    const priced = priceLines(
      [
        { kind: 'brokerage', description: 'a', amount: 25 },
        { kind: 'brokerage', description: 'b', amount: 25 },
      ],
      true,
    );
    expect(priced.tax).toBe(4);
  });

  it('takes the rates table as configuration', () => {
    const rates: TaxRates = { ...DEFAULT_TAX_RATES_BP, brokerage: 300, other: 1_300 };
    const priced = priceLines(
      [
        { kind: 'brokerage', description: 'a', amount: 10_000 },
        { kind: 'other', description: 'b', amount: 10_000 },
      ],
      false,
      rates,
    );
    expect(priced.lines.map((l) => [l.taxRateBp, l.taxAmount])).toEqual([
      [300, 300],
      [1_300, 1_300],
    ]);
    expect(priced.total).toBe(21_600);
  });

  it('always adds up', () => {
    const line = fc.record({
      kind: fc.constantFrom(...LINE_KINDS.filter((k) => k !== 'voucher')),
      description: fc.string({ maxLength: 20 }),
      amount: fc.integer({ min: 0, max: 1e11 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (input, registered) => {
        const priced = priceLines(input, registered);
        expect(priced.subtotal).toBe(priced.lines.reduce((s, l) => s + l.amount, 0));
        expect(priced.tax).toBe(priced.lines.reduce((s, l) => s + l.taxAmount, 0));
        expect(priced.total).toBe(priced.subtotal + priced.tax);
        priced.lines.forEach((l) => {
          expect(l.taxTreatment).toBe(taxTreatment(l.kind, registered));
          const rate = l.taxTreatment === 'exempt' ? 0 : DEFAULT_TAX_RATES_BP[l.kind];
          expect(l.taxAmount).toBe(taxForLine(l.amount, rate));
        });
      }),
    );
  });

  it('returns zeros for no lines', () => {
    expect(priceLines([], true)).toEqual({ lines: [], subtotal: 0, tax: 0, total: 0 });
  });

  it.each<[string, LineInput[]]>([
    ['a non-integer amount', [{ kind: 'license_fee', description: 'x', amount: 100.5 }]],
    [
      'a positive voucher',
      [
        { kind: 'license_fee', description: 'x', amount: 100 },
        { kind: 'voucher', description: 'v', amount: 10 },
      ],
    ],
    ['a negative fee', [{ kind: 'transfer_fee', description: 'x', amount: -100 }]],
    [
      'vouchers above the amount owed',
      [
        { kind: 'license_fee', description: 'x', amount: 100 },
        { kind: 'voucher', description: 'v', amount: -101 },
      ],
    ],
    ['an unknown kind', [{ kind: 'gift' as never, description: 'x', amount: 100 }]],
    [
      'a total past 2^53',
      [
        { kind: 'license_fee', description: 'x', amount: 2 ** 52 },
        { kind: 'license_fee', description: 'y', amount: 2 ** 52 },
      ],
    ],
  ])('rejects %s', (_, input) => {
    expect(() => priceLines(input, true)).toThrow(RangeError);
  });

  it('lets a voucher cover a whole invoice, tax included', () => {
    const priced = priceLines(
      [
        { kind: 'brokerage', description: 'x', amount: 10_000 },
        { kind: 'voucher', description: 'v', amount: -10_600 },
      ],
      false,
    );
    expect(priced).toMatchObject({ subtotal: -600, tax: 600, total: 0 });
  });
});
