import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db, Tx } from './db.js';
import type { SearchPort } from './search-port.js';
import type { SessionRevocations } from './sessions.js';
import type { BlobStore } from './storage.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service needs, built once at start and handed to features (no globals, no process.env). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** Revoked sessions as this process knows them (platform/sessions.ts). */
  sessions: SessionRevocations;
  search: SearchPort;
  storage: BlobStore;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The features' outbox, timer, hook and reindex handlers (platform/registry.ts). */
  registry: Registry;
}

// A handler takes the payload type its own topic or hook fixes: declared `never` here, so that any payload type is
// accepted, and the relay, which cannot know it, hands the stored JSON over as it is.

/** Delivers one outbox row of a topic, after commit (at least once: handlers are idempotent). */
export type OutboxHandler = (ctx: AppContext, payload: never) => Promise<void>;

export interface TimerRow {
  id: string;
  subject: string;
  subjectId: string;
  name: string;
  payload: unknown;
  dueAt: string;
  expectVersion: number | null;
}
/** Fires a timer inside the worker's transaction. Return 'obsolete' when the subject has moved on. */
export type TimerHandler = (ctx: AppContext, tx: Tx, timer: TimerRow) => Promise<'fired' | 'obsolete'>;

/**
 * Called inside the transaction that raised the hook (e.g. `invoice.paid`: the deal engine moves a deal on when
 * its instalment is paid). A listener that throws rolls that transaction back.
 */
export type TransactionHook = (ctx: AppContext, tx: Tx, payload: never) => Promise<void>;

/** Rebuilds one search index from the database (`npm run reindex`). */
export type Reindexer = (ctx: AppContext) => Promise<unknown>;

/** Every handler the app's features declare, built once per process and kept on the AppContext. */
export interface Registry {
  outbox: ReadonlyMap<string, OutboxHandler>;
  timers: ReadonlyMap<string, TimerHandler>;
  reindexers: ReadonlyMap<string, Reindexer>;
  /** Listeners of a hook, in feature order (none: an empty list). */
  hooks(name: string): readonly TransactionHook[];
}
