import { and, asc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { timers } from '../db/schema/platform.js';
import type { AppContext } from './context.js';
import type { DbOrTx } from './db.js';
import { newId } from './ids.js';
import { insertStatement, runStatement, updateStatement } from './statements.js';

export type { TimerHandler, TimerRow } from './context.js';

export interface TimerSpec {
  subject: string;
  subjectId: string;
  name: string;
  dueAt: string;
  payload?: Record<string, unknown>;
  expectVersion?: number | null;
}

/** A pending timer, as a statement to run with others (platform/statements.ts). */
export function scheduleTimerStatement(t: TimerSpec): SQL {
  return insertStatement(timers, {
    id: newId('tmr'),
    subject: t.subject,
    subjectId: t.subjectId,
    name: t.name,
    payload: t.payload ?? {},
    dueAt: t.dueAt,
    expectVersion: t.expectVersion ?? null,
  });
}

export async function scheduleTimer(tx: DbOrTx, t: TimerSpec) {
  await runStatement(tx, scheduleTimerStatement(t));
}

/** Marks the pending timers of a subject (of one name, if given) obsolete, as a statement to run with others. */
export function cancelTimersStatement(subject: string, subjectId: string, name?: string): SQL {
  const pending = { subject, subjectId, status: 'pending' as const };
  return updateStatement(timers, { status: 'obsolete' }, name === undefined ? pending : { ...pending, name });
}

/** Marks the pending timers of a subject obsolete (e.g. a deal that reached a final state). */
export async function cancelTimers(tx: DbOrTx, subject: string, subjectId: string, name?: string) {
  await runStatement(tx, cancelTimersStatement(subject, subjectId, name));
}

/**
 * Fires due timers one at a time, each in its own transaction that claims the row (SKIP LOCKED, so several
 * workers never fire the same timer), runs the handler, and marks the row — the effect and the mark commit
 * together, so a timer is applied exactly once even if a worker dies mid-batch.
 */
export async function fireDueTimers(
  ctx: AppContext,
  limit = 50,
): Promise<{ fired: number; obsolete: number; failed: number }> {
  const result = { fired: 0, obsolete: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const now = ctx.clock.now().toISOString();
    let outcome: 'fired' | 'obsolete' | 'none';
    let claimedId: string | null = null;
    try {
      outcome = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(timers)
          .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, now)))
          .orderBy(asc(timers.dueAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return 'none' as const;
        claimedId = row.id;
        // A subject no feature handles is a failure, retried and then marked failed, never silently obsolete
        // (start-up refuses to run with such rows: platform/registry.ts).
        const handler = ctx.registry.timers.get(row.subject);
        if (!handler) throw new Error(`no handler for timer subject ${row.subject}`);
        const status = await handler(ctx, tx, row);
        await tx
          .update(timers)
          .set({ status, firedAt: now, attempts: sql`${timers.attempts} + 1` })
          .where(eq(timers.id, row.id));
        return status;
      });
    } catch (err) {
      result.failed++;
      if (claimedId) {
        // Record the failure outside the rolled-back transaction; give up after a few attempts.
        await ctx.db
          .update(timers)
          .set({
            attempts: sql`${timers.attempts} + 1`,
            lastError: String((err as Error).message).slice(0, 500),
            status: sql`case when ${timers.attempts} + 1 >= 5 then 'failed' else 'pending' end`,
            dueAt: new Date(ctx.clock.now().getTime() + 30_000).toISOString(),
          })
          .where(eq(timers.id, claimedId));
      }
      continue;
    }
    if (outcome === 'none') break;
    result[outcome]++;
  }
  return result;
}
