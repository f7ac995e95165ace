import { describe, expect, it } from 'vitest';
import { ApiClient, buildUrl, type LockFn } from './client.js';
import { ApiError } from './errors.js';
import { memoryTokens } from './tokens.js';

// A fake transport: answers each request from a handler and records what was sent. The client's own
// logic (headers, parsing, refresh) runs for real.
interface Sent {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
}

function fakeFetch(handler: (req: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const req: Sent = {
      url: String(input),
      method: init?.method ?? 'GET',
      auth: headers.get('authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(req);
    return handler(req);
  };
  return { fetch: fetchFn as typeof fetch, sent };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string, detail: string, extra: object = {}) =>
  json(status, { type: `https://x/${code}`, title: code, status, detail, code, ...extra }, 'application/problem+json');

const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });
const noLock: LockFn = (_name, task) => task();

describe('ApiClient errors', () => {
  it('turns problem+json into an ApiError with status, code, detail and field errors', async () => {
    const { fetch } = fakeFetch(() =>
      problem(400, 'VALIDATION_FAILED', 'The request has invalid fields', {
        errors: [{ path: 'body.email', message: 'must match format "email"' }, { path: 'body.name' }],
      }),
    );
    const client = new ApiClient({ tokens: memoryTokens(), fetch, lock: noLock });
    const err = await client.request('/api/auth/register', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields',
      errors: [
        { path: 'body.email', message: 'must match format "email"' },
        { path: 'body.name', message: '' },
      ],
    });
  });

  it('gives an error page without problem+json a code from its status', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'content-type': 'text/html' },
        }),
    );
    const client = new ApiClient({ tokens: memoryTokens(), fetch, lock: noLock });
    await expect(client.request('/api/policies')).rejects.toMatchObject({
      status: 503,
      code: 'UNAVAILABLE',
      errors: [],
    });
  });

  it('reports a request that got no answer as NETWORK_ERROR with status 0', async () => {
    const client = new ApiClient({
      tokens: memoryTokens(),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      lock: noLock,
    });
    await expect(client.request('/api/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('lets an aborted request reject as an AbortError, not as an API failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = new ApiClient({
      tokens: memoryTokens(),
      fetch: (_i, init) => Promise.reject(init?.signal?.reason ?? new DOMException('aborted', 'AbortError')),
      lock: noLock,
    });
    const err = await client.request('/api/me', { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as DOMException).name).toBe('AbortError');
  });
});

describe('ApiClient requests', () => {
  it('sends the bearer token, JSON bodies and repeated query parameters', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { ok: true }));
    const client = new ApiClient({ tokens: memoryTokens(pair(1)), fetch, lock: noLock });
    await client.request('/api/deals', { body: { listingId: 'lst_1', type: 'license' } });
    await client.request('/api/search/listings', {
      query: { q: '节水', field: ['new_energy', 'smart_city'], trl: undefined },
    });
    expect(sent[0]).toEqual({
      url: '/api/deals',
      method: 'POST',
      auth: 'Bearer access-1',
      body: { listingId: 'lst_1', type: 'license' },
    });
    expect(sent[1].url).toBe('/api/search/listings?q=%E8%8A%82%E6%B0%B4&field=new_energy&field=smart_city');
  });

  it('builds URLs with no query string when there are no parameters', () => {
    expect(buildUrl('', '/api/me')).toBe('/api/me');
    expect(buildUrl('https://api.example', '/api/x', { limit: 6, cursor: '' })).toBe(
      'https://api.example/api/x?limit=6',
    );
  });
});

describe('ApiClient refresh', () => {
  it('refreshes once for many concurrent 401s, then retries each call with the new token', async () => {
    const tokens = memoryTokens(pair(1));
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const { fetch, sent } = fakeFetch(async (req) => {
      if (req.url === '/api/auth/refresh') {
        await refreshGate;
        return json(200, pair(2));
      }
      return req.auth === 'Bearer access-2' ? json(200, { url: req.url }) : problem(401, 'UNAUTHENTICATED', 'expired');
    });
    const client = new ApiClient({ tokens, fetch, lock: noLock });

    const calls = ['/api/me', '/api/deals', '/api/invoices'].map((path) => client.request<{ url: string }>(path));
    // Let all three reach their 401 while the refresh is still pending.
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseRefresh();
    const answers = await Promise.all(calls);

    expect(answers.map((a) => a.url)).toEqual(['/api/me', '/api/deals', '/api/invoices']);
    const refreshes = sent.filter((r) => r.url === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ method: 'POST', auth: null, body: { refreshToken: 'refresh-1' } });
    expect(tokens.get()).toEqual(pair(2));
    expect(sent.filter((r) => r.auth === 'Bearer access-2')).toHaveLength(3);
  });

  it('does not refresh again for a 401 that answers a token already replaced', async () => {
    const tokens = memoryTokens(pair(1));
    const { fetch, sent } = fakeFetch((req) => {
      if (req.auth === 'Bearer access-1') {
        // Another call refreshed while this one was in flight.
        tokens.set(pair(2));
        return problem(401, 'UNAUTHENTICATED', 'expired');
      }
      return json(200, { ok: true });
    });
    const client = new ApiClient({ tokens, fetch, lock: noLock });
    await expect(client.request('/api/me')).resolves.toEqual({ ok: true });
    expect(sent.map((r) => r.url)).toEqual(['/api/me', '/api/me']);
  });

  it('logs out when the server refuses the refresh token, and the call fails with the 401', async () => {
    const tokens = memoryTokens(pair(1));
    let changes = 0;
    tokens.subscribe(() => {
      changes++;
    });
    const { fetch, sent } = fakeFetch((req) =>
      req.url === '/api/auth/refresh'
        ? problem(401, 'UNAUTHENTICATED', 'refresh token reused')
        : problem(401, 'UNAUTHENTICATED', 'expired'),
    );
    const client = new ApiClient({ tokens, fetch, lock: noLock });
    await expect(client.request('/api/me')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      detail: 'expired',
    });
    expect(tokens.get()).toBeNull();
    expect(changes).toBe(1);
    expect(sent.map((r) => r.url)).toEqual(['/api/me', '/api/auth/refresh']);
  });

  it('keeps the session when the refresh gets no answer', async () => {
    const tokens = memoryTokens(pair(1));
    const fetch = (async (input: RequestInfo | URL) => {
      if (String(input) === '/api/auth/refresh') throw new TypeError('Failed to fetch');
      return problem(401, 'UNAUTHENTICATED', 'expired');
    }) as typeof globalThis.fetch;
    const client = new ApiClient({ tokens, fetch, lock: noLock });
    await expect(client.request('/api/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(tokens.get()).toEqual(pair(1));
  });

  it('does not try to refresh when no one is logged in', async () => {
    const { fetch, sent } = fakeFetch(() => problem(401, 'UNAUTHENTICATED', 'A valid access token is required'));
    const client = new ApiClient({ tokens: memoryTokens(), fetch, lock: noLock });
    await expect(client.request('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(sent).toHaveLength(1);
  });

  it('refreshes under the cross-tab lock and skips the refresh when another tab already did it', async () => {
    const tokens = memoryTokens(pair(1));
    const locked: string[] = [];
    // Another tab refreshes while this one waits for the lock.
    const lock: LockFn = async (name, task) => {
      locked.push(name);
      tokens.set(pair(7));
      return task();
    };
    const { fetch, sent } = fakeFetch((req) =>
      req.auth === 'Bearer access-7' ? json(200, { ok: true }) : problem(401, 'UNAUTHENTICATED', 'expired'),
    );
    const client = new ApiClient({ tokens, fetch, lock });
    await expect(client.request('/api/me')).resolves.toEqual({ ok: true });
    expect(locked).toEqual(['tte-token-refresh']);
    expect(sent.some((r) => r.url === '/api/auth/refresh')).toBe(false);
  });
});
