import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

// Instants are timestamptz in the database and ISO 8601 UTC strings everywhere else (API.md), whatever text
// form the driver hands back ('2026-03-02 08:00:00+00' from PostgreSQL, Date objects from some parsers).
const timestamptz = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (value) => new Date(value).toISOString(),
  toDriver: (value) => value,
});

export const instant = (name: string) => timestamptz(name);
export const createdAt = () =>
  instant('created_at')
    .notNull()
    .default(sql`now()`);
export const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .default(sql`now()`);
