import { chinaDate } from '../../shared/china-time.js';

// Documents print calendar dates on the China calendar whatever the server's time zone, so an invoice issued at
// 2026-03-01T20:00Z reads 2026-03-02 wherever it is rendered.

export function toInstant(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return date;
}

export function formatChinaDate(value: string | Date): string {
  return chinaDate(toInstant(value));
}
