import { CHINA_TIME_ZONE, CHINA_UTC_OFFSET } from '../../../src/shared/china-time.ts';
import type { Locale } from './locales.js';

// Money is integer fen end to end; amounts read the same on screen as on the server's documents.
export { formatFen } from '../../../src/shared/money.ts';

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
    format = new Intl.DateTimeFormat(
      locale,
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
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

const chinaDayFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * The China calendar date (Asia/Shanghai) of an instant, in the reader's locale: invoice and payment dates are
 * business dates in China, the same day the PDF prints, whatever zone the browser is in.
 */
export function formatChinaDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00${CHINA_UTC_OFFSET}` : iso);
  if (Number.isNaN(date.getTime())) return '';
  let format = chinaDayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: CHINA_TIME_ZONE });
    chinaDayFormats.set(locale, format);
  }
  return format.format(date);
}
