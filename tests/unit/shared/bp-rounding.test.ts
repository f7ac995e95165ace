import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulBpHalfUp } from '../../../src/shared/money.js';

describe('mulBpHalfUp', () => {
  it('rounds half up in fen', () => {
    expect(mulBpHalfUp(123_457, 350)).toBe(4_321); // 4320.995
    expect(mulBpHalfUp(10_000, 5)).toBe(5);
    expect(mulBpHalfUp(1, 5_000)).toBe(1); // 0.5 → 1
    expect(mulBpHalfUp(1, 4_999)).toBe(0); // 0.4999 → 0
    expect(mulBpHalfUp(3, 5_000)).toBe(2); // 1.5 → 2
    expect(mulBpHalfUp(0, 10_000)).toBe(0);
    expect(mulBpHalfUp(35_000_020, 275)).toBe(962_501); // 962500.55
  });

  it('stays exact where amount × bp passes 2^53', () => {
    // 9e15 × 9999 / 10000 = 8999100000000000 exactly; float arithmetic would be off.
    expect(mulBpHalfUp(9_000_000_000_000_000, 9_999)).toBe(8_999_100_000_000_000);
    expect(mulBpHalfUp(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is the nearest integer to amount × bp / 10000, ties up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bp) => {
          const exact = BigInt(amount) * BigInt(bp);
          const twice = (BigInt(mulBpHalfUp(amount, bp)) * 10_000n - exact) * 2n;
          return twice > -10_000n && twice <= 10_000n;
        },
      ),
    );
  });

  it('refuses fractions, negatives and rates outside 0–10000 bp', () => {
    expect(() => mulBpHalfUp(1.5, 100)).toThrow(RangeError);
    expect(() => mulBpHalfUp(-1, 100)).toThrow(RangeError);
    expect(() => mulBpHalfUp(100, 10_001)).toThrow(RangeError);
    expect(() => mulBpHalfUp(100, 0.5)).toThrow(RangeError);
  });
});
