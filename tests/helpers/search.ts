import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSearchClient, searchHealthy } from '../../search/client.js';
import { startEmbeddedMeilisearch, type EmbeddedMeili } from '../../search/launcher.js';
import { applyIndexSettings } from '../../search/settings.js';
import type { SearchPort } from '../../src/platform/search-port.js';

/** A real Meilisearch process for one test file, in a temporary directory, with the product's settings. */
export async function startTestSearch(): Promise<{ port: SearchPort; engine: EmbeddedMeili; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tte-meili-'));
  const engine = await startEmbeddedMeilisearch({ dataDir: dir, masterKey: 'test-master-key-0123456789abcdef' });
  const client = createSearchClient({ url: engine.url, apiKey: engine.masterKey });
  await applyIndexSettings(client);
  return {
    port: { client, healthy: () => searchHealthy(client) },
    engine,
    stop: async () => {
      await engine.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
