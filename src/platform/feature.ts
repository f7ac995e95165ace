import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import type { Tx } from './db.js';

/** Delivers one outbox row of a topic, after commit (at least once: handlers are idempotent). */
export type OutboxHandler = (ctx: AppContext, payload: any) => Promise<void>;

export interface TimerRow { id: string; subject: string; subjectId: string; name: string; payload: unknown; dueAt: string; expectVersion: number | null }
/** Fires a timer inside the worker's transaction. Return 'obsolete' when the subject has moved on. */
export type TimerHandler = (ctx: AppContext, tx: Tx, timer: TimerRow) => Promise<'fired' | 'obsolete'>;

/**
 * Called inside the transaction that raised the hook (e.g. `invoice.paid`: the deal engine moves a deal on when
 * its instalment is paid). A listener that throws rolls that transaction back.
 */
export type TransactionHook = (ctx: AppContext, tx: Tx, payload: any) => Promise<void>;

/** Rebuilds one search index from the database (`npm run reindex`). */
export type Reindexer = (ctx: AppContext) => Promise<unknown>;

/**
 * A feature module: its routes, and what it hands to the workers and the start-up, as data. The app builds one
 * registry from every feature (platform/registry.ts); nothing registers itself in a module-level map.
 */
export interface Feature {
  name: string;
  routes?: (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;
  /** Outbox topic → how it is delivered. */
  outbox?: Record<string, OutboxHandler>;
  /** Timer subject → how its timers fire. */
  timers?: Record<string, TimerHandler>;
  /** Hook name → listener called in the raising transaction (payment hooks: `invoice.paid`). */
  hooks?: Record<string, TransactionHook>;
  /** Search index → how it is rebuilt. */
  reindex?: Record<string, Reindexer>;
  /** What this feature writes for others to handle: start-up fails if an outbox topic or timer subject has no handler. */
  emits?: { outbox?: readonly string[]; timers?: readonly string[] };
}
