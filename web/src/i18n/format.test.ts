import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatFen, parseYuan } from './format.js';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000, '¥1,000.00'],
    [99999999, '¥999,999.99'],
    [100000000, '¥1,000,000.00'],
    [-5, '-¥0.05'],
    [-123456, '-¥1,234.56'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('formats %i fen as %s', (fen, expected) => {
    expect(formatFen(fen)).toBe(expected);
  });

  it.each([1.5, NaN, Infinity, 2 ** 53])('refuses %s, which is not a safe integer', (value) => {
    expect(() => formatFen(value)).toThrow(RangeError);
  });

  it('keeps every digit: the formatted text reads back as the same number of fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatFen(fen).slice(1))).toBe(fen);
      }),
    );
  });
});

describe('parseYuan', () => {
  it.each([
    ['800', 80000],
    ['1,234.5', 123450],
    ['1234.56', 123456],
    [' 0.01 ', 1],
    ['12,345,678', 1234567800],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', 'abc', '-1', '1.234', '1,23', '1e5', '١٢٣', '12,34,567', '99999999999999999'])('rejects %j', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('formatDate', () => {
  it('formats in the chosen locale and returns nothing for a missing or broken value', () => {
    const iso = '2026-03-05T08:00:00Z';
    expect(formatDate(iso, 'zh-CN')).toMatch(/2026年3月5日|2026年3月[456]日/);
    expect(formatDate(iso, 'en')).toMatch(/Mar [456], 2026/);
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});
