import { buildUrl, type ApiClient, type Query } from './client.js';

// One-shot answers the page needs before it has rendered. Two sources, both taken once by the page's own GET
// of the same address (http.ts):
// - inlined: the server put the answer in the page's HTML (`<script type="application/json" id="tte-prefetch">`,
//   src/listings/landing.ts for the search page), so the first render needs no request at all;
// - early: a request started by early.ts while the shell's larger chunks are still downloading.

/** The id of the HTML element the server inlines answers in, keyed by their API address. */
export const INLINED_ID = 'tte-prefetch';

let inlined: Map<string, unknown> | undefined;
function inlinedAnswers(): Map<string, unknown> {
  if (inlined) return inlined;
  inlined = new Map();
  const element = typeof document === 'undefined' ? null : document.getElementById(INLINED_ID);
  try {
    if (element?.textContent) inlined = new Map(Object.entries(JSON.parse(element.textContent) as object));
  } catch {
    // A damaged inline answer only costs the request it would have saved.
  }
  element?.remove();
  return inlined;
}

const early = new Map<string, Promise<unknown>>();

/** Starts a GET now, unless the page already carries its answer; the first `get` of it receives the answer. */
export function prefetchGet(client: ApiClient, path: string, query?: Query): void {
  const key = buildUrl('', path, query);
  if (inlinedAnswers().has(key)) return;
  const request = client.request(path, { query });
  // Nobody may ever take it (the visitor moved on): an unhandled failure must not surface.
  request.catch(() => undefined);
  early.set(key, request);
}

/** The inlined or prefetched answer for this path and query, once; undefined when there is none. */
export function takePrefetched<T>(path: string, query?: Query): Promise<T> | undefined {
  const key = buildUrl('', path, query);
  const answers = inlinedAnswers();
  if (answers.has(key)) {
    const answer = answers.get(key) as T;
    answers.delete(key);
    return Promise.resolve(answer);
  }
  const request = early.get(key);
  early.delete(key);
  return request as Promise<T> | undefined;
}
