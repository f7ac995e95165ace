import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createSearchClient, searchHealthy } from '../../search/client.js';
import { startEmbeddedMeilisearch } from '../../search/launcher.js';
import { applyIndexSettings } from '../../search/settings.js';
import type { Config } from '../config.js';
import type { SearchPort } from './search-port.js';

// The embedded engine's master key is generated once per DATA_DIR, like the development JWT secret.
function embeddedKey(dataDir: string): string {
  const file = join(dataDir, 'meili-master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * Connects to MEILI_URL, or spawns the embedded Meilisearch under DATA_DIR. Index settings are applied at
 * start; if the engine is down the app still starts (search answers 503 until it returns).
 */
export async function startSearch(
  config: Config,
  log: FastifyBaseLogger,
): Promise<{ port: SearchPort; stop(): Promise<void> }> {
  let url = config.MEILI_URL;
  let apiKey = config.MEILI_MASTER_KEY;
  let stop = async () => {};
  if (!url) {
    apiKey = config.MEILI_MASTER_KEY ?? embeddedKey(config.DATA_DIR);
    const embedded = await startEmbeddedMeilisearch({ dataDir: config.DATA_DIR, masterKey: apiKey, logger: log });
    url = embedded.url;
    stop = () => embedded.stop();
    log.info({ url }, 'embedded Meilisearch started');
  }
  const client = createSearchClient({ url, apiKey });
  try {
    await applyIndexSettings(client);
  } catch (err) {
    log.warn({ err }, 'could not apply search index settings now; search will answer 503 until the engine is back');
  }
  return { port: { client, healthy: () => searchHealthy(client) }, stop };
}
