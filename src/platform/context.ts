import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from './db.js';
import type { Registry } from './registry.js';
import type { SearchPort } from './search-port.js';
import type { BlobStore } from './storage.js';

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** What every service needs, built once at start and handed to features (no globals, no process.env). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  search: SearchPort;
  storage: BlobStore;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The features' outbox, timer, hook and reindex handlers (platform/registry.ts). */
  registry: Registry;
}
