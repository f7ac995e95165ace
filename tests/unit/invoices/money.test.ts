import { describe, expect, it } from 'vitest';
import { formatFen, formatRateBp } from '../../../src/shared/money.js';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123_456, '¥1,234.56'],
    [100_000_000, '¥1,000,000.00'],
    [123_456_789, '¥1,234,567.89'],
    [-500_000, '-¥5,000.00'],
    [-5, '-¥0.05'],
    [9_007_199_254_740_991, '¥90,071,992,547,409.91'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([0.5, Number.NaN, 2 ** 53])('rejects %s', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });
});

describe('formatRateBp', () => {
  it.each([
    [0, '0%'],
    [600, '6%'],
    [650, '6.5%'],
    [5, '0.05%'],
    [1_300, '13%'],
    [10_000, '100%'],
  ])('%i bp → %s', (bp, text) => {
    expect(formatRateBp(bp)).toBe(text);
  });

  it.each([-1, 6.5])('rejects %s', (bp) => {
    expect(() => formatRateBp(bp)).toThrow(RangeError);
  });
});
