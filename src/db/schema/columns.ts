import { timestamp } from 'drizzle-orm/pg-core';

// Shared column builders: every table stores instants as timestamptz, read back as ISO strings.
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
