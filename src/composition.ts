import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createFastify, registerHttp } from './app.js';
import type { Config } from './config.js';
import { FEATURES } from './features.js';
import { systemClock, type AppContext, type Clock } from './platform/context.js';
import type { Database } from './platform/db.js';
import type { Feature } from './platform/feature.js';
import { databasePlugin, searchPlugin, sessionsPlugin } from './platform/infrastructure.js';
import { buildRegistry, checkPendingWork } from './platform/registry.js';
import type { SearchPort } from './platform/search-port.js';
import { fsBlobStore, type BlobStore } from './platform/storage.js';

/** What an entry point may supply instead of what the configuration says (tests, benches). */
export interface Overrides {
  /** An open database, left open when the app closes (its opener closes it); default: the configured one. */
  database?: Database;
  /** A search port, used as is; default: MEILI_URL, or the embedded engine under DATA_DIR. */
  search?: SearchPort;
  clock?: Clock;
  storage?: BlobStore;
  /** The features to run; default: all of them (src/features.ts). */
  features?: readonly Feature[];
  /** false for the worker and reindex: the context and its plugins, no HTTP API. */
  http?: boolean;
}

/**
 * The one composition root: every entry point (the server, the worker, reindex, the tests, the benches) gets
 * its AppContext here. The database and the search engine are plugins of the returned Fastify instance, so
 * `app.close()` releases them; the features' handlers become the registry, checked before anything runs.
 * Start-up fails, naming it, when a topic or timer subject has no handler, emitted by a feature or pending in
 * the database.
 */
export async function composeApp(
  config: Config,
  overrides: Overrides = {},
): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const features = overrides.features ?? FEATURES;
  const registry = buildRegistry(features);
  const app = createFastify(config);
  try {
    await app.register(databasePlugin, { config, database: overrides.database });
    await app.register(sessionsPlugin);
    await app.register(searchPlugin, { config, search: overrides.search });
    await checkPendingWork(registry, app.database.db);
    const ctx: AppContext = {
      config,
      database: app.database,
      db: app.database.db,
      sessions: app.sessions,
      search: app.searchPort,
      clock: overrides.clock ?? systemClock,
      storage: overrides.storage ?? fsBlobStore(join(config.DATA_DIR, 'files')),
      log: app.log,
      registry,
    };
    if (overrides.http !== false) await registerHttp(app, ctx, features);
    return { app, ctx };
  } catch (err) {
    await app.close().catch(() => {});
    throw err;
  }
}
