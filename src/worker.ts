import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { FEATURES } from './features.js';
import { ensureReportSchedule } from './reports/schedule.js';
import type { AppContext } from './platform/context.js';
import { systemClock } from './platform/context.js';
import { openDatabase } from './platform/db.js';
import { startSearch } from './platform/search.js';
import { fsBlobStore } from './platform/storage.js';
import { startWorkers } from './platform/workers.js';
import { join } from 'node:path';

// `npm run worker`: the outbox relay and the timer runner without the HTTP API, for scaling them apart.
// Several workers are safe together: each claims work with SELECT … FOR UPDATE SKIP LOCKED.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { console.error(err.message); process.exit(1); }
    throw err;
  }
  if (!config.DATABASE_URL || !config.MEILI_URL) {
    console.error('npm run worker shares a database and a search engine with the API processes: set DATABASE_URL and MEILI_URL (the embedded defaults belong to one npm start process).');
    process.exit(1);
  }
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase(config);
  const search = await startSearch(config, log);
  const ctx: AppContext = { config, database, db: database.db, search: search.port, clock: systemClock, storage: fsBlobStore(join(config.DATA_DIR, 'files')), log };
  for (const f of FEATURES) f.handlers?.();
  await ensureReportSchedule(ctx);
  const workers = startWorkers(ctx);
  log.info('workers started');
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'fatal error');
    log.info({ signal }, 'stopping workers');
    await workers.stop();
    await search.stop();
    await database.close();
  });
}

main().catch((err) => { console.error(err); process.exit(1); });
