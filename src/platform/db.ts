import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../db/schema/index.js';
import { MIGRATIONS_FOLDER } from './paths.js';

export type Schema = typeof schema;
// Both drivers produce a PgDatabase; code is written against this one type.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: service functions take either and reuse an outer transaction. */
export type DbOrTx = Db | Tx;

export const isTransaction = (db: DbOrTx): db is Tx => db instanceof PgTransaction;

/** Runs `fn` in `db` if it is already a transaction, else in a transaction of its own. */
export function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return isTransaction(db) ? fn(db) : db.transaction(fn);
}

/** Rows of a raw SQL query: postgres.js hands back an array and PGlite an object with `rows`. */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { MIGRATIONS_FOLDER };

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * LISTEN on a channel: `onNotify` gets each payload NOTIFYed after commit, by any process on this database.
   * `onListen` runs each time the listener is (re)connected: notifications sent while it was away are lost, so a
   * cache built on them starts over there. Resolves with the UNLISTEN.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
}

// Serialises concurrent start-ups (several API and worker processes) so migrations run once.
const MIGRATION_LOCK = 727_001;

/**
 * Drizzle sends every unnamed query with `prepare: false`, and postgres.js then describes a query with parameters
 * before it binds it: two round trips per statement, and nothing pipelined behind it. Preparing instead (once per
 * connection and SQL text; drizzle's SQL has placeholders, so the texts are few) makes it one round trip from the
 * second use on. Transactions and savepoints hand their own `sql` to drizzle, so they are wrapped too.
 * (Behind PgBouncer in transaction mode this needs max_prepared_statements: docs/production.md.)
 */
function preparedStatements(sql: postgres.Sql): postgres.Sql {
  const scoped =
    (method: 'begin' | 'savepoint', target: postgres.Sql | postgres.TransactionSql) =>
    (...args: unknown[]) => {
      const fn = args.pop() as (inner: postgres.Sql) => unknown;
      return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[method](
        ...args,
        (inner: postgres.Sql) => fn(preparedStatements(inner)),
      );
    };
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (key === 'begin' || key === 'savepoint') return scoped(key, target);
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function openPostgres(
  url: string,
  opts: { max?: number } = {},
): Promise<Database & { client: postgres.Sql }> {
  const client = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 60,
    // While PostgreSQL is down, fail queries fast (the API answers 503) instead of queueing them behind the
    // driver's growing reconnect delay; a new connection is tried on the next query.
    backoff: () => 0.1,
  });
  const prepared = preparedStatements(client);
  const db = drizzlePostgres(prepared, { schema }) as unknown as Db;
  return {
    db,
    client: prepared,
    kind: 'postgres',
    ping: () => pingDb(db),
    close: () => client.end({ timeout: 5 }),
    // postgres.js keeps one dedicated connection for its listeners and reconnects it, calling onlisten again.
    listen: async (channel, onNotify, onListen) => {
      const { unlisten } = await client.listen(channel, onNotify, onListen);
      return unlisten;
    },
  };
}

export async function migratePostgresDb(url: string): Promise<void> {
  const client = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 10 });
  try {
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
      lock.release();
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function openPglite(
  dataDir: string | undefined,
  opts: { loadDataDir?: Blob } = {},
): Promise<Database & { client: PGlite }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Loaded here, not with the module: a process on PostgreSQL never needs the embedded engine's code.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(dataDir ?? 'memory://', opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    client,
    kind: 'pglite',
    ping: () => pingDb(db),
    close: () => client.close(),
    // One embedded engine in one process: its own NOTIFYs reach its listeners, and it never reconnects.
    listen: async (channel, onNotify, onListen) => {
      const unlisten = await client.listen(channel, onNotify);
      onListen();
      return () => unlisten();
    },
  };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await withTimeout(db.execute(sql`select 1`), 2000);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise embedded PGlite under DATA_DIR. */
export async function openDatabase(cfg: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  DB_POOL_MAX?: number;
}): Promise<Database> {
  if (cfg.DATABASE_URL) {
    await migratePostgresDb(cfg.DATABASE_URL);
    return openPostgres(cfg.DATABASE_URL, { max: cfg.DB_POOL_MAX });
  }
  return openPglite(join(cfg.DATA_DIR, 'pglite'));
}
