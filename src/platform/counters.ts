import { sql } from 'drizzle-orm';
import { counters } from '../db/schema/platform.js';
import type { DbOrTx } from './db.js';

/**
 * Next value of a gapless sequence. The upsert takes the counter row's lock until the caller's transaction
 * ends, so concurrent issuers queue behind it: no gaps (a rolled-back transaction rolls its number back too)
 * and no duplicates. Call it late in the transaction to keep the lock short.
 */
export async function nextInSequence(tx: DbOrTx, name: string): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return Number(row.value);
}
