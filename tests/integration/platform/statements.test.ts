import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/platform/db.js';
import { runGuarded } from '../../../src/platform/statements.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const counter = async (name: string) =>
  (await queryRows<{ value: number }>(t.ctx.db, sql`select value::int as value from counters where name = ${name}`))[0]
    ?.value;
const queued = async (topic: string) =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where topic = ${topic}`))[0].n;
const bumpFrom = (name: string, from: number) =>
  sql`update counters set value = value + 1 where name = ${name} and value = ${from} returning 1`;

describe('runGuarded: a compare-and-set with the writes that go with it, in one statement', () => {
  it('writes everything when the guard matches its row, and nothing (returning false) when it does not', async () => {
    await t.ctx.db.execute(sql`insert into counters (name, value) values ('guard-test', 5)`);
    expect(
      await runGuarded(t.ctx.db, bumpFrom('guard-test', 5), [
        sql`insert into outbox (topic, payload) values ('guard-test', '{"n":1}'::jsonb)`,
      ]),
    ).toBe(true);
    expect(await counter('guard-test')).toBe(6);
    expect(await queued('guard-test')).toBe(1);

    // Stale: the row is at 6 now. The statement's other parts are undone with it.
    expect(
      await runGuarded(t.ctx.db, bumpFrom('guard-test', 5), [
        sql`insert into outbox (topic, payload) values ('guard-test', '{"n":2}'::jsonb)`,
        sql`update counters set value = 100 where name = 'guard-test'`,
      ]),
    ).toBe(false);
    expect(await counter('guard-test')).toBe(6);
    expect(await queued('guard-test')).toBe(1);
  });

  it('lets exactly one of several concurrent writers from the same version through', async () => {
    await t.ctx.db.execute(sql`insert into counters (name, value) values ('guard-race', 0)`);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        runGuarded(t.ctx.db, bumpFrom('guard-race', 0), [
          sql`insert into outbox (topic, payload) values ('guard-race', ${JSON.stringify({ i })}::jsonb)`,
        ]),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await counter('guard-race')).toBe(1);
    expect(await queued('guard-race')).toBe(1);
  });

  it('fails with the database error, not false, when a part of the write fails', async () => {
    await t.ctx.db.execute(sql`insert into counters (name, value) values ('guard-error', 0)`);
    await expect(
      runGuarded(t.ctx.db, bumpFrom('guard-error', 0), [
        sql`insert into outbox (topic, payload) values (null, '{}'::jsonb)`,
      ]),
    ).rejects.toThrow();
    expect(await counter('guard-error')).toBe(0);
  });
});
