import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, timers } from '../../../src/db/schema/platform.js';
import { nextInSequence } from '../../../src/platform/counters.js';
import type { AppContext } from '../../../src/platform/context.js';
import type { TimerHandler } from '../../../src/platform/feature.js';
import { enqueue, pendingOutbox, relayOutbox } from '../../../src/platform/outbox.js';
import { checkPendingWork, RegistryError } from '../../../src/platform/registry.js';
import { fireDueTimers, scheduleTimer } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { unique } from '../../helpers/factories.js';

// This file's own topic and timer subjects, declared as a feature: each test sets what its handler does.
const topic = unique('topic');
const subjects = [unique('subj'), unique('subj'), unique('subj')];
let deliver: (ctx: AppContext, payload: { n: number }) => Promise<void> = async () => {};
const fire: Record<string, TimerHandler> = {};

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    features: [
      {
        name: 'workers-test',
        outbox: { [topic]: (ctx, payload) => deliver(ctx, payload) },
        timers: Object.fromEntries(subjects.slice(0, 2).map((s) => [s, (ctx, tx, timer) => fire[s](ctx, tx, timer)])),
      },
    ],
  });
});
afterAll(async () => {
  await t.close();
});

describe('outbox relay', () => {
  it('delivers rows written in a committed transaction, never those of a rolled-back one, and retries failures', async () => {
    const seen: number[] = [];
    let failNext = true;
    deliver = async (_ctx, payload) => {
      if (payload.n === 2 && failNext) {
        failNext = false;
        throw new Error('engine down');
      }
      seen.push(payload.n);
    };
    await t.ctx.db.transaction(async (tx) => {
      await enqueue(tx, topic, { n: 1 });
      await enqueue(tx, topic, { n: 2 });
    });
    await t.ctx.db
      .transaction(async (tx) => {
        await enqueue(tx, topic, { n: 99 });
        tx.rollback();
      })
      .catch(() => {});
    const first = await relayOutbox(t.ctx);
    expect(first).toEqual({ delivered: 1, failed: 1 });
    expect(seen).toEqual([1]);
    const [failed] = await t.ctx.db.select().from(outbox).where(eq(outbox.topic, topic)).orderBy(outbox.id).offset(1);
    expect(failed.lastError).toBe('engine down');
    // Not due again until its backoff has passed.
    expect((await relayOutbox(t.ctx)).delivered).toBe(0);
    await t.ctx.db
      .update(outbox)
      .set({ availableAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(outbox.id, failed.id));
    expect((await relayOutbox(t.ctx)).delivered).toBe(1);
    expect(seen).toEqual([1, 2]);
    expect(await pendingOutbox(t.ctx.db, topic)).toBe(0);
  });
});

describe('timers', () => {
  it('fire once when due, inside a transaction with their effect; obsolete ones do nothing', async () => {
    const subject = subjects[0];
    const fired: string[] = [];
    fire[subject] = async (_ctx, _tx, timer) => {
      if ((timer.payload as { stale?: boolean }).stale) return 'obsolete';
      fired.push(timer.name);
      return 'fired';
    };
    const now = t.clock.now().getTime();
    await scheduleTimer(t.ctx.db, {
      subject,
      subjectId: 'a',
      name: 'soon',
      dueAt: new Date(now + 60_000).toISOString(),
    });
    await scheduleTimer(t.ctx.db, {
      subject,
      subjectId: 'a',
      name: 'stale',
      dueAt: new Date(now + 60_000).toISOString(),
      payload: { stale: true },
    });
    await scheduleTimer(t.ctx.db, {
      subject,
      subjectId: 'a',
      name: 'later',
      dueAt: new Date(now + 86_400_000).toISOString(),
    });
    expect((await fireDueTimers(t.ctx)).fired).toBe(0);
    t.clock.advance(120_000);
    const r = await fireDueTimers(t.ctx);
    expect(r).toMatchObject({ fired: 1, obsolete: 1 });
    expect(fired).toEqual(['soon']);
    expect((await fireDueTimers(t.ctx)).fired).toBe(0);
    const rows = await t.ctx.db.select().from(timers).where(eq(timers.subject, subject));
    expect(Object.fromEntries(rows.map((x) => [x.name, x.status]))).toEqual({
      soon: 'fired',
      stale: 'obsolete',
      later: 'pending',
    });
  });

  it('a failing handler rolls back and leaves the timer pending for a retry', async () => {
    const subject = subjects[1];
    let calls = 0;
    fire[subject] = async () => {
      calls++;
      throw new Error('boom');
    };
    await scheduleTimer(t.ctx.db, { subject, subjectId: 'b', name: 'x', dueAt: t.clock.now().toISOString() });
    const r = await fireDueTimers(t.ctx, 1);
    expect(r.failed).toBe(1);
    const [row] = await t.ctx.db.select().from(timers).where(eq(timers.subject, subject));
    expect(row.status).toBe('pending');
    expect(row.lastError).toBe('boom');
    expect(calls).toBe(1);
  });
});

describe('timers and outbox rows no feature handles', () => {
  it('a timer of an unknown subject fails and stays pending, never silently obsolete, and start-up refuses it by name', async () => {
    const subject = subjects[2];
    await scheduleTimer(t.ctx.db, { subject, subjectId: 'c', name: 'x', dueAt: t.clock.now().toISOString() });
    expect(await fireDueTimers(t.ctx, 1)).toMatchObject({ fired: 0, obsolete: 0, failed: 1 });
    const [row] = await t.ctx.db.select().from(timers).where(eq(timers.subject, subject));
    expect(row.status).toBe('pending');
    expect(row.lastError).toBe(`no handler for timer subject ${subject}`);
    await enqueue(t.ctx.db, 'nobody.handles', { n: 1 });
    await expect(checkPendingWork(t.ctx.registry, t.ctx.db)).rejects.toThrow(
      new RegistryError(
        `The database holds pending work with no handler: outbox topic "nobody.handles", timer subject "${subject}"`,
      ),
    );
    // The composition root runs that check: an app on this database does not start.
    await expect(buildTestApp()).rejects.toThrow(
      new RegExp(`outbox topic "nobody.handles".*timer subject "${subject}"`),
    );
  });
});

describe('gapless sequences', () => {
  it('never skip or repeat a number under concurrent transactions, and give back numbers of rolled-back ones', async () => {
    const name = unique('seq');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.ctx.db
          .transaction(async (tx) => {
            const n = await nextInSequence(tx, name);
            if (i % 4 === 3) tx.rollback();
            return n;
          })
          .catch(() => null),
      ),
    );
    const committed = results.filter((n): n is number => n !== null);
    expect(committed).toHaveLength(9);
    const next = await t.ctx.db.transaction((tx) => nextInSequence(tx, name));
    expect(next).toBe(10);
  });
});
