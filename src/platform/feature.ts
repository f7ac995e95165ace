import type { FastifyInstance } from 'fastify';
import type { LandingPage } from './web-shell.js';
import type { AppContext, OutboxHandler, Reindexer, TimerHandler, TransactionHook } from './context.js';

// The handler types live beside AppContext (context.ts), which holds the registry of them.
export type { OutboxHandler, Reindexer, TimerHandler, TimerRow, TransactionHook } from './context.js';

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
  /** Pages visitors land on, whose HTML shell preloads their module and inlines their first answers. */
  landing?: readonly LandingPage[];
  /** What this feature writes for others to handle: start-up fails if an outbox topic or timer subject has no handler. */
  emits?: { outbox?: readonly string[]; timers?: readonly string[] };
}
