import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import postgres from 'postgres';
import { inject } from 'vitest';
import { composeApp } from '../../src/composition.js';
import { loadConfig, type Config } from '../../src/config.js';
import { FEATURES } from '../../src/features.js';
import type { AppContext, Clock } from '../../src/platform/context.js';
import { openPglite, openPostgres, type Database, type Tx } from '../../src/platform/db.js';
import type { Feature } from '../../src/platform/feature.js';
import { noSearch, type SearchPort } from '../../src/platform/search-port.js';
import { PG_ADMIN_URL, pgUrlFor } from './pg-url.js';

/** A clock the test moves by hand (timers, expiry, rate-limit windows). */
export class TestClock implements Clock {
  constructor(private t = new Date('2026-03-02T08:00:00Z').getTime()) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
  advanceDays(days: number) {
    this.t += days * 86_400_000;
  }
  set(iso: string) {
    this.t = new Date(iso).getTime();
  }
}

let fileDb: Promise<{ database: Database; drop(): Promise<void> }> | null = null;
let openApps = 0;

/** A fresh, migrated database for this test file (copied from the run's template). */
export function testDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  return (fileDb ??= (async () => {
    if (process.env.TEST_DB === 'postgres') {
      const name = `tte_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name} template ${inject('pgTemplate')}`);
      const database = await openPostgres(pgUrlFor(name), { max: 8 });
      return {
        database,
        drop: async () => {
          await database.close();
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    }
    const blob = new Blob([readFileSync(inject('pgliteDump'))]);
    const database = await openPglite(undefined, { loadDataDir: blob });
    return { database, drop: () => database.close() };
  })());
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  config: Config;
  request(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Builds the real app on this file's database, through the composition root. `features` are added to the
 * product's (a test's own outbox topic, timer subject or hook listener). Close it in afterAll.
 */
export async function buildTestApp(
  opts: { env?: Record<string, string>; search?: SearchPort; config?: Partial<Config>; features?: Feature[] } = {},
): Promise<TestApp> {
  const { database, drop } = await testDatabase();
  const clock = new TestClock();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tte-test-')),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
      ...opts.env,
    },
    opts.config,
  );
  const { app, ctx } = await composeApp(config, {
    database,
    search: opts.search ?? noSearch,
    clock,
    features: [...FEATURES, ...(opts.features ?? [])],
  });
  await app.ready();
  openApps++;
  return {
    app,
    ctx,
    clock,
    config,
    request: ({ token, headers, ...rest }) =>
      app.inject({ ...rest, headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    // Apps built in one file share its database; the last one to close drops it.
    close: async () => {
      await app.close();
      if (--openApps === 0) {
        await drop();
        fileDb = null;
      }
    },
  };
}

/**
 * A test's own listener on a hook (e.g. INVOICE_PAID), switched on and off during the file: the registry is fixed
 * when the app is built, so the file passes `feature` to buildTestApp and `listen` returns the switch-off.
 */
export function testHook<P>(name: string) {
  let current: ((ctx: AppContext, tx: Tx, payload: P) => Promise<void>) | null = null;
  const feature: Feature = {
    name: `test:${name}`,
    hooks: {
      [name]: async (ctx, tx, payload) => {
        await current?.(ctx, tx, payload);
      },
    },
  };
  return {
    feature,
    listen(fn: (ctx: AppContext, tx: Tx, payload: P) => Promise<void>): () => void {
      current = fn;
      return () => {
        current = null;
      };
    },
  };
}
