import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvRecord, guardFormula, parseCsv, unguardFormula } from '../../../src/content/exchange/csv.js';
import { fenToYuan } from '../../../src/content/exchange/export.js';
import { yuanToFen } from '../../../src/content/exchange/rows.js';

// The exchange format's text rules, without a database: they decide what a spreadsheet will run.
describe('exchange CSV', () => {
  it('guards every cell a spreadsheet would run as a formula, and nothing else', () => {
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(c)).toBe(`'${c}`);
    for (const c of ['1-1', '成果', "'text", 'a=b', '']) expect(guardFormula(c)).toBe(c);
    expect(guardFormula("'=1")).toBe("''=1");
  });

  it('quotes per RFC 4180 and ends records with CRLF', () => {
    expect(csvRecord(['a', 'b,c', 'say "hi"', 'two\nlines', '=x'])).toBe('a,"b,c","say ""hi""","two\nlines",\'=x\r\n');
  });

  it('parses its own output back to the original cells, for any text', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', '成', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", ' '),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = BOM + rows.map(csvRecord).join('');
        expect(parseCsv(text).map((r) => r.map(unguardFormula))).toEqual(rows);
      }),
    );
  });

  it('accepts LF line ends and no final line break; reports broken quoting with its line', () => {
    expect(parseCsv('a,b\nc,"d\ne"')).toEqual([
      ['a', 'b'],
      ['c', 'd\ne'],
    ]);
    expect(() => parseCsv('a,b\r\nc,"d')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b"c')).toThrow(/line 1: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b')).toThrow(/text after a closing quote/);
  });

  it('converts yuan and fen exactly, without floating point', () => {
    expect(fenToYuan(12_345_678)).toBe('123456.78');
    expect(fenToYuan(5)).toBe('0.05');
    expect(yuanToFen('123,456.78')).toBe(12_345_678);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    for (const bad of ['1.234', '-1', '1e3', '', 'abc']) expect(yuanToFen(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});
