import type { ApiClient, Query } from './client.js';
import { takePrefetched } from './prefetch.js';

/** The verbs every endpoint group builds on; ids in paths are always encoded here, never by callers. */
export function http(client: ApiClient) {
  return {
    get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
      takePrefetched<T>(path, query) ?? client.request<T>(path, { query, signal }),
    // No body unless the operation takes one: the server refuses a body an operation does not declare.
    post: <T>(path: string, body?: unknown, headers?: Record<string, string>, query?: Query) =>
      client.request<T>(path, { method: 'POST', body, headers, query }),
    patch: <T>(path: string, body: unknown, query?: Query) => client.request<T>(path, { method: 'PATCH', body, query }),
    put: <T>(path: string, body: unknown) => client.request<T>(path, { method: 'PUT', body }),
    del: (path: string) => client.request<void>(path, { method: 'DELETE' }),
    blob: (path: string, query?: Query) => client.blob(path, { query }),
    file: (path: string, signal?: AbortSignal) => client.file(path, { signal }),
    upload: <T>(path: string, form: FormData, query?: Query) =>
      client.request<T>(path, { method: 'POST', body: form, query }),
  };
}
export type Http = ReturnType<typeof http>;

export const seg = (id: string) => encodeURIComponent(id);

/**
 * A key for a write that moves money or state: a retry of the same action sends the same key, and the server
 * answers it with the first result instead of doing it twice.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const idempotency = (key: string) => ({ 'idempotency-key': key });
