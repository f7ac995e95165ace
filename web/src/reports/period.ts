import { lastEndedHalf as chinaLastEndedHalf } from '../../../src/shared/china-time.ts';
import type { ReportPeriod } from '../api/types.js';

// Half years run on the China calendar, as the server drafts and files reports: the reader's own time zone would
// move the boundary by hours.
export const lastEndedHalf = (now = new Date()): ReportPeriod => chinaLastEndedHalf(now);

/** The period a URL names (?year=2026&half=1), or null when it names none the API would accept. */
export function periodFromParams(params: URLSearchParams): ReportPeriod | null {
  const year = Number(params.get('year'));
  const half = Number(params.get('half'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || (half !== 1 && half !== 2)) return null;
  return { year, half };
}

/** The years a picker offers: the last ended half year's and the five before it, plus `chosen` if older. */
export function reportYears(latest: number, chosen: number): number[] {
  const years = Array.from({ length: 6 }, (_, i) => latest - i);
  return years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
}
