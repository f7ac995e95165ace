import { listingBody, PASSWORD, unique, type Session } from '../../../helpers/factories.js';

// A small HTTP client for servers running in their own processes (the in-process helpers use inject).

export interface Reply {
  status: number;
  body: any;
  ms: number;
  headers: Headers;
}

let clientSeq = 0;
/**
 * A different client address per request, as the load balancer reports it (X-Forwarded-For, trusted by a
 * NODE_ENV=production server): many users behind one test driver, so the per-address rate limit applies to
 * each simulated user rather than to the driver as a whole.
 */
export const manyClients = () => {
  const n = ++clientSeq;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};

export class Api {
  constructor(
    readonly base: string,
    readonly perRequest: () => Record<string, string> = () => ({}),
  ) {}

  async call(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Reply> {
    const started = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...this.perRequest(),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: type.includes('json') && text ? JSON.parse(text) : text,
      ms: performance.now() - started,
      headers: res.headers,
    };
  }

  /** Like `call`, but a status other than `expect` is an error naming the request and the answer. */
  async ok(method: string, path: string, opts: Parameters<Api['call']>[2] & { expect?: number } = {}): Promise<any> {
    const r = await this.call(method, path, opts);
    if (r.status !== (opts.expect ?? 200)) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

export async function register(api: Api, role: 'seller' | 'buyer' | 'broker', orgType?: string): Promise<Session> {
  const type = orgType ?? { seller: 'university', buyer: 'enterprise', broker: 'agency' }[role];
  const u = unique(role);
  return api.ok('POST', '/api/auth/register', {
    expect: 201,
    body: {
      email: `${u}@example.com`,
      password: PASSWORD,
      name: `User ${u}`,
      role,
      organization: { name: `Org ${u}`, type },
    },
  });
}

export async function login(api: Api, email: string, password: string): Promise<Session> {
  return api.ok('POST', '/api/auth/login', { body: { email, password } });
}

/** Creates and submits a listing; with LISTING_REVIEW=off the submit publishes it. Returns the listing. */
export async function publishListing(
  api: Api,
  seller: Session,
  body: Record<string, unknown> = {},
): Promise<{ id: string; status: string }> {
  const created = await api.ok('POST', '/api/listings', {
    token: seller.accessToken,
    body: listingBody(body),
    expect: 201,
  });
  return api.ok('POST', `/api/listings/${created.id}/submit`, { token: seller.accessToken });
}

/** Every listing of the caller's organization, following cursors. */
export async function myListings(api: Api, seller: Session): Promise<Array<{ id: string; status: string }>> {
  const all: Array<{ id: string; status: string }> = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ id: string; status: string }>; nextCursor: string | null } = await api.ok(
      'GET',
      `/api/listings?mine=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: seller.accessToken },
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
