// The China calendar. Official dates (filings, registrations), invoice numbers and dates, statistics buckets and
// the bureau's half-year reports and settlements all follow China Standard Time, UTC+8 with no daylight saving
// (Xinjiang's administrative records use it too), whatever the time zone of the server or the reader. Every
// date-from-instant rule of the server, its SQL and the web app is derived from the constants here.

export const CHINA_OFFSET_MS = 8 * 3_600_000;
/** The same offset as an ISO 8601 suffix: a China calendar day typed in a form is `${date}T00:00:00${it}`. */
export const CHINA_UTC_OFFSET = '+08:00';
/**
 * The zone as PostgreSQL names it, for SQL that buckets instants by China date (`at time zone`). Migration 0007
 * predates this constant and writes the same rule as `+ interval '8 hours'`; a migration is never rewritten.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

function instant(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return date;
}

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: string | Date): string {
  return new Date(instant(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China calendar year of an instant: an invoice issued at 2026-12-31T17:00Z belongs to 2027. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The instant a China calendar date begins (month is 1–12). */
export function chinaMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS);
}

/** The instant a China calendar date given as YYYY-MM-DD begins, and the instant the day after begins. */
export function chinaDayBounds(date: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

// ---- half years: January–June and July–December, China time (the bureau's 半年报 and 半年结算) ----

export interface HalfYear {
  year: number;
  half: 1 | 2;
}
export interface HalfYearBounds {
  periodStart: string;
  periodEnd: string;
}

/** [start, end) of a half year as ISO instants: 00:00 China time on 1 January or 1 July, 16:00 UTC the day before. */
export function halfYearBounds({ year, half }: HalfYear): HalfYearBounds {
  const start = chinaMidnight(year, half === 1 ? 1 : 7);
  const end = half === 1 ? chinaMidnight(year, 7) : chinaMidnight(year + 1, 1);
  return { periodStart: start.toISOString(), periodEnd: end.toISOString() };
}

/** The half year an instant falls in. */
export function halfYearOf(at: Date): HalfYear {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { year: china.getUTCFullYear(), half: china.getUTCMonth() < 6 ? 1 : 2 };
}

/** The start of the next half year after an instant, as a UTC instant. */
export function nextHalfYearStart(at: string): string {
  return halfYearBounds(halfYearOf(instant(at))).periodEnd;
}

/** The last half year that has ended: in July–December, January–June of this year; else July–December of the last. */
export function lastEndedHalf(now: Date): HalfYear {
  const { year, half } = halfYearOf(now);
  return half === 2 ? { year, half: 1 } : { year: year - 1, half: 2 };
}
