// Documents print calendar dates in China Standard Time (UTC+8, no daylight saving) whatever the server's time
// zone, so an invoice issued at 2026-03-01T20:00Z reads 2026-03-02 wherever it is rendered.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function toInstant(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return date;
}

export function formatChinaDate(value: string | Date): string {
  return new Date(toInstant(value).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
