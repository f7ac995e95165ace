import { CHINA_TIME_ZONE } from '../../../src/shared/china-time.ts';
import type { Locale } from '../i18n/locales.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * An instant as a China wall-clock time (Asia/Shanghai), whatever zone the browser is in: an offering's end is
 * set on the market's clock, and every bidder must read the same minute.
 */
export function formatChinaDateTime(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: CHINA_TIME_ZONE,
    });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds left as days and hh:mm:ss (never negative). */
export function splitRemaining(ms: number): { days: number; hms: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  return { days, hms: `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}` };
}
