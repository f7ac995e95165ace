import { validationFailed } from '../platform/errors.js';
import { chinaDate, chinaDayBounds } from '../shared/china-time.js';

// A statistics range is a span of China calendar dates, both ends included (?from=2026-01-01&to=2026-06-30),
// bucketed by month. Without bounds it is the last 12 months: from the first day of the month eleven months
// back to today, so the current month is the twelfth bucket.
const MAX_MONTHS = 120;

export interface StatsRange {
  from: string;
  to: string;
  /** [start, end) as instants: from 00:00 China time on `from` to 00:00 the day after `to`. */
  start: string;
  end: string;
  months: string[];
}

const dayStart = (date: string) => chinaDayBounds(date).start;
const dayEnd = (date: string) => chinaDayBounds(date).end;

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function statsRange(now: Date, q: { from?: string; to?: string }): StatsRange {
  const today = chinaDate(now);
  const to = q.to ?? today;
  let from = q.from;
  if (!from) {
    const [y, m] = to.slice(0, 7).split('-').map(Number);
    const back = y * 12 + (m - 1) - 11;
    from = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`;
  }
  if (from > to) throw validationFailed([{ path: 'querystring.from', message: 'must not be after to' }]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS)
    throw validationFailed([{ path: 'querystring.from', message: `the range may span at most ${MAX_MONTHS} months` }]);
  return { from, to, start: dayStart(from).toISOString(), end: dayEnd(to).toISOString(), months };
}

/** Optional China calendar dates, both included, as optional [start, end) instants. */
export function dateBounds(q: { from?: string; to?: string }): { start?: string; end?: string } {
  if (q.from && q.to && q.from > q.to)
    throw validationFailed([{ path: 'querystring.from', message: 'must not be after to' }]);
  return {
    start: q.from ? dayStart(q.from).toISOString() : undefined,
    end: q.to ? dayEnd(q.to).toISOString() : undefined,
  };
}
