import { sql, type SQL } from 'drizzle-orm';
import { CHINA_TIME_ZONE, CHINA_UTC_OFFSET } from '../shared/china-time.js';

// Statistics are GROUP BY queries written as SQL: the database adds things up and only the totals travel.
// Counts and sums arrive as numbers, strings or bigints depending on the driver: these helpers give every
// caller one shape.

/** A count or a sum in fen from the database (bigint, numeric or int): a JS integer, 0 for null. */
export function int(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected an integer from the database, got ${String(value)}`);
  return n;
}

/** A measure that may be fractional (days), or null when there was nothing to measure. */
export function decimal(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** An instant column as an ISO 8601 UTC string. */
export function iso(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}

/** The China calendar month (YYYY-MM) an instant falls in: statistics follow the bureau's calendar. */
// The zone is a literal, not a parameter: the same expression in SELECT and GROUP BY must be the same text.
const chinaZone = sql.raw(`'${CHINA_TIME_ZONE}'`);
export const chinaMonth = (column: SQL) => sql`to_char(${column} at time zone ${chinaZone}, 'YYYY-MM')`;

/** `column` within [start, end), the bounds given as ISO instants. */
export const within = (column: SQL, start: string, end: string) =>
  sql`(${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz)`;

// The technology-contract registration lives in each deal's persisted machine context
// (DealContext.contractRegistration: null until REGISTER_CONTRACT). Written for deals aliased `d`.
export const isRegistered = sql.raw(`jsonb_typeof(d.snapshot->'context'->'contractRegistration') = 'object'`);
/** When the registration was recorded on the platform. */
export const recordedAt = sql.raw(`((d.snapshot->'context'->'contractRegistration'->>'recordedAt')::timestamptz)`);
const registration = (field: string) => sql.raw(`(d.snapshot->'context'->'contractRegistration'->>'${field}')`);
/**
 * When the contract counts as registered, for periods: 00:00 China time of the registry's date (registeredOn), or,
 * for a registration recorded before the date was asked for, when it was recorded.
 */
export const registeredAt = sql`coalesce((${registration('registeredOn')} || 'T00:00:00' || ${CHINA_UTC_OFFSET})::timestamptz, ${recordedAt})`;
export const registryOf = registration('registry');
export const registeredOnOf = registration('registeredOn');
/** The certified technology income (认定技术交易额), fen; 0 where an older registration did not record it. */
export const certifiedIncomeOf = sql`coalesce(${registration('certifiedIncome')}::bigint, 0)`;
export const confirmedAtOf = registration('confirmedAt');
