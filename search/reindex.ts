import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db.js';
import { REINDEXERS } from '../src/reindex.js';
import { startSearch } from '../src/platform/search.js';
import { systemClock } from '../src/platform/context.js';
import { fsBlobStore } from '../src/platform/storage.js';
import { join } from 'node:path';
import pino from 'pino';

// `npm run reindex`: rebuilds every search index from PostgreSQL (or the embedded database).
async function main() {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase(config);
  const search = await startSearch(config, log);
  const ctx = { config, database, db: database.db, search: search.port, clock: systemClock, storage: fsBlobStore(join(config.DATA_DIR, 'files')), log };
  try {
    for (const [name, reindex] of Object.entries(REINDEXERS)) {
      const t0 = Date.now();
      const result = await reindex(ctx);
      console.log(`${name}: ${JSON.stringify(result)} in ${Date.now() - t0} ms`);
    }
  } finally {
    await search.stop();
    await database.close();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
