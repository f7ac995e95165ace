import { describe, expect, it } from 'vitest';
import { lastEndedHalf, periodFromParams, reportYears } from './period.js';

describe('report periods', () => {
  it('take the last ended half year on the China calendar', () => {
    expect(lastEndedHalf(new Date('2026-06-30T15:59:59Z'))).toEqual({ year: 2025, half: 2 });
    // 16:00 UTC on 30 June is midnight on 1 July in China: the first half has ended.
    expect(lastEndedHalf(new Date('2026-06-30T16:00:00Z'))).toEqual({ year: 2026, half: 1 });
    expect(lastEndedHalf(new Date('2026-12-31T15:59:59Z'))).toEqual({ year: 2026, half: 1 });
    expect(lastEndedHalf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2026, half: 2 });
  });

  it('read a period from the URL only when the API would accept it', () => {
    expect(periodFromParams(new URLSearchParams('year=2025&half=2'))).toEqual({ year: 2025, half: 2 });
    for (const qs of [
      '',
      'year=2025',
      'year=2025&half=3',
      'year=1999&half=1',
      'year=2025.5&half=1',
      'year=abc&half=1',
    ]) {
      expect({ qs, period: periodFromParams(new URLSearchParams(qs)) }).toEqual({ qs, period: null });
    }
  });

  it('offer six years back from the latest, and keep an older year the URL chose', () => {
    expect(reportYears(2026, 2024)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(reportYears(2026, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2015]);
  });
});
