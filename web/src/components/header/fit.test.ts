import { describe, expect, it } from 'vitest';
import { fitCount } from './fit.js';

describe('fitCount', () => {
  it('shows every item when they fit without the menu', () => {
    expect(fitCount([50, 50, 50], 60, 158, 4)).toBe(3);
  });
  it('keeps room for the menu button once something overflows', () => {
    // Four items need 212; two need 50+4+50 = 104, + 4 + 60 for "More" = 168.
    expect(fitCount([50, 50, 50, 50], 60, 168, 4)).toBe(2);
    expect(fitCount([50, 50, 50, 50], 60, 167, 4)).toBe(1);
  });
  it('rounds widths up, so that a fractional item is never cut', () => {
    expect(fitCount([49.2, 49.2], 10, 99, 0)).toBe(1);
  });
  it('shows everything in a row not laid out yet', () => {
    expect(fitCount([50, 50], 60, 0, 4)).toBe(2);
  });
});
