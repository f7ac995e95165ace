// The server's OpenAPI document without a server: the app is built as the tests build it (no listen, no search
// engine, an empty in-memory PGlite), asked for its document, and closed. Used by `npm run api:types` and
// `npm run lint:openapi`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/platform/db.js';
import { noSearch } from '../src/platform/search-port.js';

export async function openApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-api-types-'));
  const database = await openPglite(undefined);
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      JWT_SECRET: 'api-types-only-api-types-only-api-types',
    });
    const { app } = await composeApp(config, { database, search: noSearch });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return doc;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
