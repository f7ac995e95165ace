import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from './db.js';
import type { SearchPort } from './search-port.js';

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** What every service needs, built once at start and handed to features (no globals, no process.env). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  search: SearchPort;
  clock: Clock;
  log: FastifyBaseLogger;
}
