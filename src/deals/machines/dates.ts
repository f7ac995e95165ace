// Date arithmetic on the ISO instants that the engine puts on every event. Machines never read the clock, so every
// due date is derived from an event's `at`.

const DAY_MS = 86_400_000;

export function addDays(at: string, days: number): string {
  return new Date(Date.parse(at) + days * DAY_MS).toISOString();
}

/** Calendar months, clamped to the end of a shorter month (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(at: string, months: number): string {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString();
}

export function isNotBefore(at: string, reference: string): boolean {
  return Date.parse(at) >= Date.parse(reference);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}
