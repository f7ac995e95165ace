import { networkError, toApiError } from './errors.js';
import type { TokenPair } from './types.js';
import type { TokenStore } from './tokens.js';

type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type Query = URLSearchParams | Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Runs `task` while holding a named lock shared by every tab of the app (or just runs it). */
export type LockFn = <T>(name: string, task: () => Promise<T>) => Promise<T>;

// Two tabs refreshing with the same refresh token would look like token reuse to the server, which then
// revokes the whole family and logs both out. The Web Locks API serialises refreshes across tabs.
export const webLock: LockFn = async (name, task) =>
  typeof navigator !== 'undefined' && navigator.locks
    ? (navigator.locks.request(name, task) as ReturnType<typeof task>)
    : task();

export interface ApiClientOptions {
  tokens: TokenStore;
  fetch?: typeof fetch;
  /** Prefix for every path; '' means the page's own origin, where the server serves both app and API. */
  baseUrl?: string;
  lock?: LockFn;
}

const REFRESH_PATH = '/api/auth/refresh';

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const params = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (query && !(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
      else params.append(key, String(value));
    }
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

export class ApiClient {
  readonly tokens: TokenStore;
  private readonly fetchFn: typeof fetch;
  private readonly baseUrl: string;
  private readonly lock: LockFn;
  // One refresh at a time: every call that gets a 401 while it runs waits for the same promise.
  private refreshing: Promise<boolean> | null = null;

  constructor(options: ApiClientOptions) {
    this.tokens = options.tokens;
    // Bound so that a fetch taken from window is not called with the client as `this`.
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
    this.lock = options.lock ?? webLock;
  }

  /** Sends a request with the bearer token; on a 401 refreshes once and retries once. Throws ApiError. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.fetchWithRefresh(path, options);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  /**
   * A binary answer (a PDF, an attachment). Files behind the bearer token cannot be plain links: the browser
   * would send no Authorization header, so the app fetches them and hands the reader a local copy.
   */
  async blob(path: string, options: RequestOptions = {}): Promise<Blob> {
    const res = await this.fetchWithRefresh(path, { ...options, headers: { accept: '*/*', ...options.headers } });
    return res.blob();
  }

  /** A binary answer with the headers that describe it (a contract PDF and the sha256 of its text). */
  async file(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; headers: Headers }> {
    const res = await this.fetchWithRefresh(path, { ...options, headers: { accept: '*/*', ...options.headers } });
    return { blob: await res.blob(), headers: res.headers };
  }

  private async fetchWithRefresh(path: string, options: RequestOptions): Promise<Response> {
    const token = this.tokens.get()?.accessToken ?? null;
    let res = await this.send(path, options, token);
    if (res.status === 401 && token && (await this.refreshAfter(token))) {
      res = await this.send(path, options, this.tokens.get()?.accessToken ?? null);
    }
    if (!res.ok) throw await toApiError(res);
    return res;
  }

  private async send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    // A file upload goes as multipart: the browser writes the content type with its boundary itself.
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return await this.fetchFn(buildUrl(this.baseUrl, path, options.query), {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
        signal: options.signal,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw networkError(err);
    }
  }

  /** Resolves true when a fresh access token is in the store and the call is worth retrying. */
  private refreshAfter(failedToken: string): Promise<boolean> {
    const current = this.tokens.get();
    if (!current) return Promise.resolve(false);
    // This call was sent before another one finished refreshing: the new token is already here.
    if (current.accessToken !== failedToken) return Promise.resolve(true);
    this.refreshing ??= this.lock('tte-token-refresh', () => this.refresh(failedToken)).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(failedToken: string): Promise<boolean> {
    const pair = this.tokens.get();
    if (!pair) return false;
    // Another tab refreshed while this one waited for the lock.
    if (pair.accessToken !== failedToken) return true;
    let res: Response;
    try {
      res = await this.fetchFn(buildUrl(this.baseUrl, REFRESH_PATH), {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: pair.refreshToken }),
      });
    } catch {
      // No answer says nothing about the refresh token: keep the session, fail only this call.
      return false;
    }
    if (res.ok) {
      this.tokens.set((await res.json()) as TokenPair);
      return true;
    }
    // The server refused the refresh token (expired, revoked, reused): the session is over.
    if (res.status >= 400 && res.status < 500 && res.status !== 429) this.tokens.clear();
    return false;
  }
}
