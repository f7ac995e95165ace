import { and, eq, ne, sql } from 'drizzle-orm';
import { timers } from '../db/schema/platform.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { scheduleTimer, type TimerHandler, type TimerRow } from '../platform/timers.js';
import { generateHalfYearDrafts } from './generate.js';
import { nextBoundary, periodCode } from './period.js';
import type { Period } from './types.js';

// On 1 January and 1 July at 00:00 Asia/Shanghai (16:00 UTC the day before) the past half year's drafts are
// generated. One pending timer row carries the schedule: its handler generates the drafts and schedules the
// next boundary in the same transaction, so the chain survives restarts and a missed boundary (a worker that
// was down) is caught up when the worker returns, each period in turn.
const SUBJECT = 'reports';
const NAME = 'halfYear';
// Serialises the "is one scheduled?" check across processes starting at once (any constant unique to this use).
const SCHEDULE_LOCK = 727_101;

async function lockSchedule(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK})`);
}

async function pendingExcept(tx: Tx, exceptId: string | null): Promise<boolean> {
  const conds = [eq(timers.subject, SUBJECT), eq(timers.name, NAME), eq(timers.status, 'pending')];
  if (exceptId) conds.push(ne(timers.id, exceptId));
  const rows = await tx
    .select({ id: timers.id })
    .from(timers)
    .where(and(...conds))
    .limit(1);
  return rows.length > 0;
}

async function scheduleAfter(tx: Tx, at: Date) {
  const { dueAt, period } = nextBoundary(at);
  await scheduleTimer(tx, {
    subject: SUBJECT,
    subjectId: periodCode(period),
    name: NAME,
    dueAt,
    payload: { ...period },
  });
}

async function fireHalfYear(ctx: AppContext, tx: Tx, timer: TimerRow): Promise<'fired' | 'obsolete'> {
  if (timer.name !== NAME) return 'obsolete';
  await lockSchedule(tx);
  const { year, half } = timer.payload as Period;
  await generateHalfYearDrafts(ctx, tx, { year, half }, SYSTEM_ACTOR);
  if (!(await pendingExcept(tx, timer.id))) await scheduleAfter(tx, new Date(timer.dueAt));
  return 'fired';
}

/** The half-year timer's handler, declared by the reports feature (src/features.ts). */
export const reportTimers: Record<string, TimerHandler> = { [SUBJECT]: fireHalfYear };

/** Makes sure the next half-year generation is scheduled; safe to call from every process at every start. */
export async function ensureReportSchedule(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockSchedule(tx);
    if (!(await pendingExcept(tx, null))) await scheduleAfter(tx, ctx.clock.now());
  });
}
