import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '../db/schema/platform.js';
import { inTransaction, type DbOrTx } from './db.js';

/**
 * Fixed-window counter kept in the database, so every API process shares it (login throttling must hold
 * across a load balancer). Returns the count in the current window after adding `by` (0 = only read).
 */
export async function hit(db: DbOrTx, key: string, windowSeconds: number, now: Date, by = 1): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000).toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: by })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + ${by} else ${by} end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  return row.count;
}

export async function reset(db: DbOrTx, key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** When the fixed window that `now` falls in ends (the real time left of a `hit` limit). */
export function windowEnd(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date((Math.floor(now.getTime() / ms) + 1) * ms);
}

/** The failures of a streak: how many, and when the last attempt was; null when none or forgotten. */
export interface Streak {
  count: number;
  last: Date;
}

/**
 * Reserves one attempt of a failure streak (kept in the database, so every process sees it): the row is locked,
 * `wait(streak)` says how many ms are still to wait (0 = go); when it is 0 the attempt is counted as a failure at
 * once, before the password is checked, so parallel guesses cannot all pass one check. A success resets the key.
 * A streak whose last attempt is older than `forgetSeconds` starts over.
 */
export async function reserveAttempt(
  db: DbOrTx,
  key: string,
  forgetSeconds: number,
  now: Date,
  wait: (streak: Streak | null) => number,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await tx.insert(rateLimits).values({ key, windowStart: now.toISOString(), count: 0 }).onConflictDoNothing();
    const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).for('update');
    const fresh = row.count > 0 && now.getTime() - new Date(row.windowStart).getTime() < forgetSeconds * 1000;
    const left = wait(fresh ? { count: row.count, last: new Date(row.windowStart) } : null);
    if (left > 0) return left;
    await tx
      .update(rateLimits)
      .set({ count: fresh ? row.count + 1 : 1, windowStart: now.toISOString() })
      .where(eq(rateLimits.key, key));
    return 0;
  });
}

/** The streak under a key without counting anything. */
export async function readStreak(db: DbOrTx, key: string, forgetSeconds: number, now: Date): Promise<Streak | null> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.count === 0) return null;
  const last = new Date(row.windowStart);
  return now.getTime() - last.getTime() < forgetSeconds * 1000 ? { count: row.count, last } : null;
}

/** Counts one failure on a streak (no reservation: for counters that only slow down, never decide alone). */
export async function addFailure(db: DbOrTx, key: string, forgetSeconds: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - forgetSeconds * 1000).toISOString();
  await db
    .insert(rateLimits)
    .values({ key, windowStart: now.toISOString(), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} > ${since} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: now.toISOString(),
      },
    });
}
