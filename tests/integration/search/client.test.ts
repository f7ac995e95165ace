import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient, searchIndex, SearchRequestError } from '../../../search/client.js';
import { buildListingSearch, type ListingSearchParams } from '../../../search/listing-query.js';
import { LISTINGS_INDEX } from '../../../search/settings.js';
import { startTestSearch } from '../../helpers/search.js';

// searchIndex, the lean request every visitor's search takes, against the engine and against a fake one that
// misbehaves the ways a kept-alive connection can.

let search: Awaited<ReturnType<typeof startTestSearch>>;

beforeAll(async () => {
  search = await startTestSearch();
  const docs = ['节水灌溉技术', '采棉机智能控制系统', '光伏板自清洁涂层', '膜下滴灌水肥一体化'].map((title, i) => ({
    id: `lst_${i}`,
    title,
    summary: `${title}：成套方案`,
    keywords: [],
    field: i % 2 ? 'intelligent_manufacturing' : 'modern_agriculture',
    trl: 3 + i,
    dealTypes: ['license'],
    publishedAt: 1_700_000_000_000 + i,
    askingPrice: 1_000_000 * (i + 1),
  }));
  await search.port.client!.index(LISTINGS_INDEX).addDocuments(docs).waitTask();
});
afterAll(async () => {
  await search.stop();
});

/** A fake engine on a free port; `handle` sees each request with how many came before it on the same socket. */
async function fakeEngine(handle: (req: http.IncomingMessage, res: http.ServerResponse, onSocket: number) => void) {
  const perSocket = new WeakMap<object, number>();
  const server = http.createServer((req, res) => {
    const n = perSocket.get(req.socket) ?? 0;
    perSocket.set(req.socket, n + 1);
    handle(req, res, n);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
const answer = (res: http.ServerResponse) =>
  res.end(JSON.stringify({ hits: [], estimatedTotalHits: 0, processingTimeMs: 0 }));

describe('searchIndex', () => {
  it('answers what the client library answers for the same search', async () => {
    const client = search.port.client!;
    const cases: ListingSearchParams[] = [
      { q: '智能', limit: 20, offset: 0 },
      { q: '', field: ['modern_agriculture'], sort: 'price_desc', limit: 2, offset: 1 },
    ];
    for (const params of cases) {
      const built = buildListingSearch(params);
      const ours = await searchIndex(client, LISTINGS_INDEX, built.q, built.options);
      const theirs = await client.index(LISTINGS_INDEX).search(built.q, built.options);
      expect(ours.hits).toEqual(theirs.hits);
      expect(ours.facetDistribution).toEqual(theirs.facetDistribution);
      expect(ours.estimatedTotalHits).toBe(theirs.estimatedTotalHits);
    }
  });

  it('rejects with the status when the engine refuses the search', async () => {
    const err = await searchIndex(search.port.client!, LISTINGS_INDEX, '', { filter: 'nonsense ===' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SearchRequestError);
    expect((err as SearchRequestError).status).toBe(400);
  });

  it('sends once more when a kept-alive connection is dropped as it is reused', async () => {
    const engine = await fakeEngine((req, res, onSocket) => (onSocket === 0 ? answer(res) : req.socket.destroy()));
    try {
      const client = createSearchClient({ url: engine.url, apiKey: 'k' });
      await searchIndex(client, LISTINGS_INDEX, 'a', {});
      await expect(searchIndex(client, LISTINGS_INDEX, 'b', {})).resolves.toMatchObject({ hits: [] });
    } finally {
      engine.close();
    }
  });

  it('gives up after the client timeout when the engine says nothing', async () => {
    const engine = await fakeEngine(() => {});
    try {
      const client = createSearchClient({ url: engine.url, apiKey: 'k', timeoutMs: 300 });
      const started = Date.now();
      await expect(searchIndex(client, LISTINGS_INDEX, 'a', {})).rejects.toThrow(/timed out/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      engine.close();
    }
  });
});
