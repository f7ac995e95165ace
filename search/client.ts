import http from 'node:http';
import https from 'node:https';
import { Meilisearch, type RecordAny, type SearchParams, type SearchResponse } from 'meilisearch';

export interface SearchClientOptions {
  url: string;
  apiKey?: string;
  /** Per-request timeout. A search that has not answered by then will not be waited for by a user either. */
  timeoutMs?: number;
}

/**
 * The Meilisearch client for the API and workers. It asks for uncompressed answers: Node's fetch asks for gzip
 * by default, the engine then writes the compressed chunked answer in pieces without TCP_NODELAY, and the
 * client's delayed ACK holds the last piece for ~40 ms (measured p50 48 ms → 3 ms over loopback). Compress
 * toward browsers in Fastify if wanted, never between the API and the engine.
 */
export function createSearchClient({ url, apiKey, timeoutMs = 10_000 }: SearchClientOptions): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    timeout: timeoutMs,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
}

/** Whether the engine answers its health check within `timeoutMs` (for `/ready`: never hang a probe). */
export async function searchHealthy(client: Meilisearch, timeoutMs = 1_000): Promise<boolean> {
  try {
    const health = await client.httpRequest.get<{ status?: string } | undefined>({
      path: 'health',
      extraRequestInit: { signal: AbortSignal.timeout(timeoutMs) },
    });
    return health?.status === 'available';
  } catch {
    return false;
  }
}

// Searches, the one engine call made for every visitor, skip the client's fetch: fetch (undici, web streams,
// Headers objects, a new Index per call) cost ~3 ms of the server's thread per search, a plain keep-alive
// request ~1.4 ms (measured against the same engine, 20-hit answers). Everything else (documents, tasks,
// settings) keeps the client.
const agents = new WeakMap<Meilisearch, http.Agent>();

function agentFor(client: Meilisearch, secure: boolean): http.Agent {
  let agent = agents.get(client);
  if (!agent) {
    // Enough sockets for every search in flight; the engine queues beyond its own threads anyway.
    const opts = { keepAlive: true, maxSockets: 64, maxFreeSockets: 64 };
    agent = secure ? new https.Agent(opts) : new http.Agent(opts);
    agents.set(client, agent);
  }
  return agent;
}

/** The engine answered a search with an error status (`status`), or not at all in time (`status` null). */
export class SearchRequestError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * POST /indexes/:uid/search with the client's host, key and timeout. Rejects on a non-200 answer, or when the
 * engine has sent nothing for the timeout.
 */
export async function searchIndex<T extends RecordAny = RecordAny>(
  client: Meilisearch,
  uid: string,
  q: string,
  params: SearchParams,
): Promise<SearchResponse<T>> {
  const timeoutMs = client.config.timeout ?? 10_000;
  const url = new URL(
    `indexes/${encodeURIComponent(uid)}/search`,
    client.config.host.endsWith('/') ? client.config.host : `${client.config.host}/`,
  );
  const body = JSON.stringify({ ...params, q });
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  if (client.config.apiKey) headers.authorization = `Bearer ${client.config.apiKey}`;
  const secure = url.protocol === 'https:';
  const send = () =>
    new Promise<{ status: number; text: string; reused: boolean }>((resolve, reject) => {
      const req = (secure ? https : http).request(
        url,
        { method: 'POST', headers, agent: agentFor(client, secure), timeout: timeoutMs },
        (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, reused: req.reusedSocket }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new SearchRequestError(null, `search timed out after ${timeoutMs} ms`)));
      req.on('error', (err) => reject(Object.assign(err, { reused: req.reusedSocket })));
      req.end(body);
    });
  let res;
  try {
    res = await send();
  } catch (err) {
    // A kept-alive socket the engine closed just as it was reused: the request never reached it, so send again.
    if (!(err as { reused?: boolean }).reused || (err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
    res = await send();
  }
  if (res.status !== 200)
    throw new SearchRequestError(res.status, `search on ${uid} answered ${res.status}: ${res.text.slice(0, 500)}`);
  return JSON.parse(res.text) as SearchResponse<T>;
}
