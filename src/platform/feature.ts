import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';

/**
 * A feature module: its routes, and what it hands to the workers (outbox topics, timer subjects) and to the
 * start-up (e.g. index settings). Each feature registers itself; app.ts only lists them.
 */
export interface Feature {
  name: string;
  routes?: (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;
  /** Registers outbox and timer handlers; called once per process before workers start. */
  handlers?: () => void;
}
