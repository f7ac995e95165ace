import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId } from '../../../src/platform/ids.js';

describe('newId', () => {
  it('gives ids of the documented shape, none twice across many refills of the random pool', () => {
    const ids = Array.from({ length: 5_000 }, () => newId('dl'));
    for (const id of ids) expect(id).toMatch(new RegExp(ID_PATTERN));
    expect(new Set(ids).size).toBe(ids.length);
    // The random part varies in every position (a stuck pool would repeat it).
    const randoms = new Set(ids.map((id) => id.slice(-12)));
    expect(randoms.size).toBe(ids.length);
  });

  it('sorts by creation time', () => {
    const earlier = newId('inv', Date.UTC(2026, 0, 1));
    const later = newId('inv', Date.UTC(2026, 0, 1) + 1);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});
