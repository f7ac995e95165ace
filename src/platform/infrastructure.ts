import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { openDatabase, type Database } from './db.js';
import { startSearch } from './search.js';
import type { SearchPort } from './search-port.js';
import { sessionRevocations, type SessionRevocations } from './sessions.js';

// The infrastructure every entry point shares, as named Fastify plugins: each opens its resource at
// registration and closes it in `onClose`, so `app.close()` (a signal, a test's afterAll, the end of reindex)
// releases everything in reverse order. A resource handed in (a test's shared database, a bench's search port)
// belongs to whoever opened it and is left open.

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    searchPort: SearchPort;
    sessions: SessionRevocations;
  }
}

export const databasePlugin = fp(
  async (app: FastifyInstance, opts: { config: Config; database?: Database }) => {
    const database = opts.database ?? (await openDatabase(opts.config));
    app.decorate('database', database);
    if (!opts.database) app.addHook('onClose', () => database.close());
  },
  { name: 'database', fastify: '5.x' },
);

export const searchPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config; search?: SearchPort }) => {
    if (opts.search) {
      app.decorate('searchPort', opts.search);
      return;
    }
    const search = await startSearch(opts.config, app.log);
    app.decorate('searchPort', search.port);
    app.addHook('onClose', () => search.stop());
  },
  { name: 'search', fastify: '5.x' },
);

/** What this process knows of revoked sessions, kept current by its LISTEN (closed before the database). */
export const sessionsPlugin = fp(
  async (app: FastifyInstance) => {
    const sessions = sessionRevocations(app.database);
    app.decorate('sessions', sessions);
    app.addHook('onClose', () => sessions.close());
  },
  { name: 'sessions', fastify: '5.x', dependencies: ['database'] },
);
