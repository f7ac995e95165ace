import { and, eq, sql, type SQL } from 'drizzle-orm';
import { timers as timerRows } from '../db/schema/platform.js';
import { notifyStatement } from '../notifications/service.js';
import { notificationText } from '../notifications/texts.js';
import { auditStatement, type Actor, type AuditData } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { runGuarded } from '../platform/statements.js';
import { scheduleTimerStatement } from '../platform/timers.js';
import type { OfferingNoticeKey } from '../shared/offering.js';
import { applyOfferingEvent, bestBid, type OfferingContext, type OfferingEvent } from './machine.js';
import { offeringUpdateGuard, type OfferingRow } from './store.js';

// One step of an offering: the machine decides on the row as locked, and the row, its audit record, its timers
// and its notices are written as one guarded statement. Each caller holds the row's lock (store.lockOffering),
// so steps of one offering never interleave; the version guard makes a lost lock a failure, never a double write.

export const OFFERING_TIMER = 'offering';
const TIMER_EVENTS = { listingEnd: 'LISTING_ENDED', roundEnd: 'ROUND_ENDED' } as const;

/** A notice to an organization about an offering, queued in the outbox with the step. */
export function offeringNoticeStatement(
  row: OfferingRow,
  orgId: string,
  notice: OfferingNoticeKey,
  listing: string,
  dedupe: string,
): SQL {
  return notifyStatement(
    { organizationId: orgId },
    {
      ...notificationText('offering.update', { notice, listing }),
      link: `/offerings/${row.id}`,
      dedupeKey: `offering:${row.id}:${dedupe}:${orgId}`,
      data: { offeringId: row.id, listingId: row.listingId },
    },
  );
}

/**
 * Marks the offering's pending timers (of one name) obsolete, skipping a row a worker holds: that worker is firing
 * it and waits for the offering's lock, which this step holds — waiting for its row in turn would deadlock. Once
 * this step commits, the worker's fire meets the machine's time guard (the round's end moved, or the offering is
 * over) and is marked obsolete, so a skipped row does no harm.
 */
function cancelOfferingTimers(offeringId: string, name?: string): SQL {
  const pending = and(
    eq(timerRows.subject, OFFERING_TIMER),
    eq(timerRows.subjectId, offeringId),
    eq(timerRows.status, 'pending'),
    ...(name ? [eq(timerRows.name, name)] : []),
  );
  return sql`update ${timerRows} set ${sql.identifier(timerRows.status.name)} = 'obsolete' where ${timerRows.id} in (select ${timerRows.id} from ${timerRows} where ${pending} for update skip locked)`;
}

/** The columns that mirror the machine's context. */
function columnsOf(row: OfferingRow, state: OfferingRow['status'], c: OfferingContext, snapshot: unknown) {
  const winner = c.result?.registrationId ? c.registrations.find((r) => r.id === c.result?.registrationId) : null;
  return {
    ...row,
    status: state,
    snapshot,
    version: row.version + 1,
    roundStartsAt: c.round?.startsAt ?? null,
    roundEndsAt: c.round?.endsAt ?? null,
    roundExtensions: c.round?.extensions ?? 0,
    bestBid: bestBid(c)?.amount ?? null,
    resultOutcome: c.result?.outcome ?? null,
    resultPrice: c.result?.price ?? null,
    buyerOrgId: winner?.orgId ?? null,
    resultAt: c.result?.at ?? null,
    resultReason: c.result?.reason ?? null,
  };
}

export interface Step {
  row: OfferingRow;
  context: OfferingContext;
}

/**
 * Runs one event on the locked offering. Refused → 409 INVALID_TRANSITION, nothing written. `writes` are the
 * caller's own rows for the step (a registration, a bid), written in the same statement.
 */
export async function stepOffering(
  ctx: AppContext,
  tx: DbOrTx,
  row: OfferingRow,
  actor: Actor,
  event: OfferingEvent,
  audit: { action: string; data?: AuditData },
  writes: SQL[] = [],
): Promise<Step> {
  const result = applyOfferingEvent(row.snapshot, event);
  if (!result.ok)
    throw new AppError(result.code === 'INVALID_TRANSITION' ? 'INVALID_TRANSITION' : 'CONFLICT', result.detail);
  const c = result.context;
  const updated: OfferingRow = {
    ...columnsOf(row, result.state, c, result.snapshot),
    updatedAt: ctx.clock.now().toISOString(),
  };
  const final = result.state === 'sold' || result.state === 'lapsed' || result.state === 'cancelled';
  const timers = final
    ? [cancelOfferingTimers(row.id)]
    : c.effects.flatMap((e) =>
        e.type === 'scheduleTimer'
          ? // Run together, the cancel sees the timers as they were: the one scheduled here stays pending.
            [
              cancelOfferingTimers(row.id, e.name),
              scheduleTimerStatement({
                subject: OFFERING_TIMER,
                subjectId: row.id,
                name: e.name,
                dueAt: e.dueAt,
                payload: { type: TIMER_EVENTS[e.name] },
              }),
            ]
          : [],
      );
  const auditRow = auditStatement(actor, audit.action, 'offering', row.id, {
    from: row.status,
    to: result.state,
    version: updated.version,
    ...audit.data,
  });
  const won = await runGuarded(tx, offeringUpdateGuard(row, updated), [auditRow, ...timers, ...writes]);
  if (!won) throw new AppError('VERSION_CONFLICT', 'The offering has moved on; reload and try again');
  return { row: updated, context: c };
}

/** The step's first timer, for a new offering: its listing period's end. */
export function firstTimerStatements(row: OfferingRow): SQL[] {
  return [
    scheduleTimerStatement({
      subject: OFFERING_TIMER,
      subjectId: row.id,
      name: 'listingEnd',
      dueAt: row.endsAt,
      payload: { type: TIMER_EVENTS.listingEnd },
    }),
  ];
}
