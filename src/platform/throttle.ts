import { sql } from 'drizzle-orm';
import { rateLimits } from '../db/schema/platform.js';
import type { DbOrTx } from './db.js';

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
