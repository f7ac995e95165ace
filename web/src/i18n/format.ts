import type { Locale } from './locales.js';

// Money is integer fen end to end. Formatting splits the digits as a string, never dividing by 100 in
// floating point: near 2^53 a float quotient can round up into the next yuan.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 → "¥1,234.56"; -5 → "-¥0.05". Throws on anything that is not a safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Money must be an integer number of fen, got ${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2);
  const cents = digits.slice(-2);
  return `${fen < 0 ? '-' : ''}¥${groupThousands(yuan)}.${cents}`;
}

const YUAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount typed in yuan ("1,234.5", "800") into integer fen, or null when it is not a plain
 * non-negative amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1].replace(/,/g, '') + (match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
    dateFormats.set(key, format);
  }
  return format;
}

/** An ISO 8601 time in the reader's locale and time zone; '' for a missing or unreadable value. */
export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat(locale, withTime).format(date);
}
