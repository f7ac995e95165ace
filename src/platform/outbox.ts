import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { outbox } from '../db/schema/platform.js';
import type { AppContext } from './context.js';
import type { DbOrTx } from './db.js';
import { insertStatement, runStatement } from './statements.js';

export type { OutboxHandler } from './context.js';

/** Work for after commit, as a statement to run with others in the caller's transaction. */
export function enqueueStatement(topic: string, payload: Record<string, unknown>): SQL {
  return insertStatement(outbox, { topic, payload });
}

/** Records work for after commit, in the caller's transaction: if the transaction rolls back, so does this. */
export async function enqueue(tx: DbOrTx, topic: string, payload: Record<string, unknown>) {
  await runStatement(tx, enqueueStatement(topic, payload));
}

const LEASE_SECONDS = 60;
const backoffSeconds = (attempts: number) => Math.min(300, 2 ** Math.min(attempts, 8));

/**
 * Delivers a batch of due outbox rows. Rows are claimed with SKIP LOCKED and leased (available_at moved past
 * the lease) in a short transaction, then delivered outside any transaction: a slow search engine never holds
 * a database lock, and a worker that dies mid-batch leaves its rows to be claimed again when the lease runs
 * out (at-least-once; consumers are idempotent). Returns how many rows were delivered.
 */
export async function relayOutbox(ctx: AppContext, batchSize = 50): Promise<{ delivered: number; failed: number }> {
  // Delivery is infrastructure, not domain time: due-ness and backoff use the database's clock.
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNull(outbox.deliveredAt), lte(outbox.availableAt, sql`now()`)))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ availableAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  let delivered = 0;
  let failed = 0;
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    // Features declare how each topic is delivered (Feature.outbox); the app's registry holds them.
    const handler = ctx.registry.outbox.get(row.topic);
    try {
      if (!handler) throw new Error(`no handler for topic ${row.topic}`);
      await handler(ctx, row.payload as never);
      await ctx.db
        .update(outbox)
        .set({ deliveredAt: sql`now()`, lastError: null })
        .where(eq(outbox.id, row.id));
      delivered++;
    } catch (err) {
      failed++;
      const retryAt = sql`now() + make_interval(secs => ${backoffSeconds(row.attempts)})`;
      await ctx.db
        .update(outbox)
        .set({ availableAt: retryAt, lastError: String((err as Error).message ?? err).slice(0, 500) })
        .where(eq(outbox.id, row.id));
    }
  }
  return { delivered, failed };
}

/** Rows not yet delivered (for readiness reports and tests). */
export async function pendingOutbox(db: DbOrTx, topic?: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(topic ? and(isNull(outbox.deliveredAt), eq(outbox.topic, topic)) : isNull(outbox.deliveredAt));
  return Number(rows[0].n);
}
