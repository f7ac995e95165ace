import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REWARD_RATE_BP,
  inventorShareErrors,
  inventorShares,
  rewardOf,
  splitReward,
} from '../../../src/shared/rewards.js';

describe('inventor reward split', () => {
  it('gives each share its floor and the fen left over to the largest remainders, so the parts sum exactly', () => {
    // 100 fen in thirds: 33.33 each, one fen left, to the first (a tie goes to the earlier inventor).
    expect(splitReward(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 1001 fen at 60/25/15: 600.6, 250.25, 150.15 → floors 600/250/150, the one fen left goes to the 0.6.
    expect(splitReward(1001, [6000, 2500, 1500])).toEqual([601, 250, 150]);
    // The largest remainder wins over position: 10 fen at 1/3, 2/3 → 3.33, 6.67: the later share gets the fen.
    expect(splitReward(10, [1, 2])).toEqual([3, 7]);
  });

  it('always sums to the reward, for awkward amounts and shares', () => {
    for (const total of [0, 1, 7, 99_999, 123_456_789, 9_007_199_254_740]) {
      for (const weights of [[1], [1, 1, 1], [3333, 3333, 3334], [1, 9_999], [5000, 2500, 1250, 1250]]) {
        const parts = splitReward(total, weights);
        expect(
          parts.reduce((s, p) => s + p, 0),
          `${total} by ${weights}`,
        ).toBe(total);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }
    }
  });

  it('splits equally when no inventor has a share, and keeps given shares', () => {
    expect(inventorShares([{}, {}, {}])).toEqual([3334, 3333, 3333]);
    expect(inventorShares([{ share: 7000 }, { share: 3000 }])).toEqual([7000, 3000]);
  });

  it('rewards half of the income by default, rounded half up to the fen', () => {
    expect(DEFAULT_REWARD_RATE_BP).toBe(5000);
    expect(rewardOf(12_345, DEFAULT_REWARD_RATE_BP)).toBe(6173);
    expect(rewardOf(1_000_000, 7000)).toBe(700_000);
  });

  it('asks for shares for all inventors or none, adding up to 10000', () => {
    expect(inventorShareErrors([{}, {}], 'body.inventors')).toEqual([]);
    expect(inventorShareErrors([{ share: 6000 }, { share: 4000 }], 'body.inventors')).toEqual([]);
    expect(inventorShareErrors([{ share: 6000 }, {}], 'body.inventors')[0].path).toBe('body.inventors');
    expect(inventorShareErrors([{ share: 6000 }, { share: 3000 }], 'body.inventors')[0].message).toContain('9000');
  });
});
