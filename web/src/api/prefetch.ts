import { buildUrl, type ApiClient, type Query } from './client.js';

// One-shot answers requested before the page that needs them has rendered (main.tsx, for a landing page): the
// page's own GET of the same address takes the request already under way instead of starting its own.
const early = new Map<string, Promise<unknown>>();

/** Starts a GET now; the first `get` of the same path and query (http.ts) receives it. */
export function prefetchGet(client: ApiClient, path: string, query?: Query): void {
  const request = client.request(path, { query });
  // Nobody may ever take it (the visitor moved on): an unhandled failure must not surface.
  request.catch(() => undefined);
  early.set(buildUrl('', path, query), request);
}

/** The prefetched answer for this path and query, once; undefined when none was started. */
export function takePrefetched<T>(path: string, query?: Query): Promise<T> | undefined {
  const key = buildUrl('', path, query);
  const request = early.get(key);
  early.delete(key);
  return request as Promise<T> | undefined;
}
