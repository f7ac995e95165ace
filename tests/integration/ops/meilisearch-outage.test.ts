import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from '../../../search/client.js';
import { LISTINGS_INDEX } from '../../../search/settings.js';
import type { Session } from '../../helpers/factories.js';
import {
  createDatabase,
  startMeilisearch,
  startServer,
  stopAll,
  until,
  type Meili,
  type Server,
} from '../../helpers/processes.js';
import { Api, myListings, publishListing, register, type Reply } from './support/api.js';

// Kill Meilisearch (SIGKILL) while listings are being published and withdrawn through a real API process.
// Search is a projection: every write must commit while the engine is gone, search must say 503, and once
// the engine is back the outbox must make the index hold exactly the published listings.

let meili: Meili;
let server: Server;
let dropDb: () => Promise<void> = async () => {};
let dataDir: string;
let api: Api;
let seller: Session;

/** Publishes a listing every `everyMs` until stopped, recording every write's answer. */
function publicationStream(everyMs: number) {
  const writes: Array<{ what: string; status: number }> = [];
  const published: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const l = await publishListing(api, seller);
        writes.push({ what: 'publish', status: 200 });
        published.push(l.id);
      } catch (err) {
        writes.push({ what: `publish failed: ${(err as Error).message}`, status: 0 });
      }
      await sleep(everyMs);
    }
  })();
  return {
    writes,
    published,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const indexedIds = async () => {
  const client = createSearchClient({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 2_000 });
  const page = await client.index(LISTINGS_INDEX).getDocuments({ fields: ['id'], limit: 1000 });
  return page.results.map((d) => String(d.id)).sort();
};

describe.each(['postgres', 'pglite'] as const)(
  'Meilisearch killed during a stream of publications (%s)',
  (database) => {
    beforeAll(async () => {
      meili = await startMeilisearch();
      dataDir = mkdtempSync(join(tmpdir(), 'tte-ops-data-'));
      // PostgreSQL in production; the embedded PGlite of a single `npm start` process (no DATABASE_URL) too.
      const dbEnv: Record<string, string> = {};
      if (database === 'postgres') {
        const db = await createDatabase();
        dropDb = db.drop;
        dbEnv.DATABASE_URL = db.url;
      }
      server = await startServer('api', {
        ...dbEnv,
        DATA_DIR: dataDir,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        JWT_SECRET: 'ops-test-secret-ops-test-secret-0123456789',
        LISTING_REVIEW: 'off',
      });
      api = new Api(server.url);
      seller = await register(api, 'seller');
    }, 120_000);

    afterAll(async () => {
      await stopAll();
      await meili?.stop();
      await dropDb();
      dropDb = async () => {};
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('commits every write, answers 503 for search meanwhile, and converges to exactly the published listings', async () => {
      const stream = publicationStream(150);
      await until('6 publications', () => stream.published.length >= 6, 30_000);
      await until(
        'the first publications to be searchable',
        async () => {
          const r = await api.call('GET', '/api/search/listings?limit=100');
          return r.status === 200 && r.body.total >= 6;
        },
        30_000,
      );

      await meili.kill();
      const atKill = stream.published.length;
      const duringOutage: Reply[] = [];
      const withdrawn: string[] = [];
      // Withdrawals while the engine is down must also reach the index later (no stale documents).
      for (const id of stream.published.slice(0, 2)) {
        await api.ok('POST', `/api/listings/${id}/withdraw`, { token: seller.accessToken });
        withdrawn.push(id);
      }
      const outageEnds = Date.now() + 6_000;
      while (Date.now() < outageEnds) {
        duringOutage.push(await api.call('GET', `/api/search/listings?q=${encodeURIComponent('滴灌')}`));
        await sleep(250);
      }
      const ready = await api.call('GET', '/ready');
      const lateId = stream.published.at(-1)!;
      await api.ok('POST', `/api/listings/${lateId}/withdraw`, { token: seller.accessToken });
      withdrawn.push(lateId);
      const publishedInOutage = stream.published.length - atKill;

      await meili.start();
      await sleep(1_500);
      await stream.stop();

      // Every write was answered with success, including those made while the engine was gone.
      expect(stream.writes.filter((w) => w.status !== 200)).toEqual([]);
      expect(publishedInOutage).toBeGreaterThanOrEqual(5);
      // Search said so while the engine was down: 503 UNAVAILABLE with Retry-After, never a 500 or a stale 200.
      expect(duringOutage.length).toBeGreaterThan(10);
      expect(new Set(duringOutage.map((r) => r.status))).toEqual(new Set([503]));
      expect(duringOutage.every((r) => r.body.code === 'UNAVAILABLE')).toBe(true);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ code: 'UNAVAILABLE', database: 'up', search: 'down' });

      // The database is the truth; the index must converge to it exactly (none missing, none stale).
      const truth = (await myListings(api, seller))
        .filter((l) => l.status === 'published')
        .map((l) => l.id)
        .sort();
      expect(truth).toHaveLength(stream.published.length - withdrawn.length);
      for (const id of withdrawn) expect(truth).not.toContain(id);
      let last: string[] = [];
      await until(
        'the index to hold exactly the published listings',
        async () => {
          last = await indexedIds().catch(() => []);
          return JSON.stringify(last) === JSON.stringify(truth);
        },
        90_000,
        500,
      ).catch(() => {});
      expect(last).toEqual(truth);
      for (const id of withdrawn) expect(last).not.toContain(id);

      const after = await api.call('GET', '/api/search/listings?limit=100');
      expect(after.status).toBe(200);
      expect(after.body.total).toBe(truth.length);
      expect((await api.call('GET', '/ready')).status).toBe(200);
    }, 170_000);
  },
);
