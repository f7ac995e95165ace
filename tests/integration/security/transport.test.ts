import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, adminSession, createListing, unique, type Session } from '../../helpers/factories.js';
import { PDF, multipart, nextAddress } from '../../helpers/security/world.js';

let t: TestApp;
let seller: Session, otherSeller: Session, admin: Session;
const register = async (role: 'seller' | 'buyer', remoteAddress = nextAddress()) => {
  const u = unique(role);
  return t.request({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress,
    payload: {
      email: `${u}@example.com`,
      password: PASSWORD,
      name: u,
      role,
      organization: { name: `Org ${u}`, type: 'enterprise' },
    },
  });
};
const session = async (role: 'seller' | 'buyer'): Promise<Session> => {
  const res = await register(role);
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json();
};
beforeAll(async () => {
  t = await buildTestApp();
  [seller, otherSeller, admin] = await Promise.all([session('seller'), session('seller'), adminSession(t)]);
});
afterAll(async () => {
  await t.close();
});

const isProblem = (res: LightMyRequestResponse) =>
  String(res.headers['content-type']).startsWith('application/problem+json');

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const h = res.headers;
  expect(h['x-content-type-options'], what).toBe('nosniff');
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(/script-src[^;]*'unsafe-(inline|eval)'/.test(csp), `${what}: scripts must not run inline`).toBe(false);
  expect(['DENY', 'SAMEORIGIN'], what).toContain(String(h['x-frame-options']).toUpperCase());
  expect(h['referrer-policy'], what).toBeDefined();
  expect(h['x-powered-by'], what).toBeUndefined();
}

describe('security headers and CORS', () => {
  it('are on the SPA, the API (answers and problems), the health checks and the API documentation', async () => {
    const pages: [string, string | undefined][] = [
      ['/', undefined],
      ['/search?q=%E8%8A%82%E6%B0%B4', 'text/html'],
      ['/health', undefined],
      ['/api/stats/public', undefined],
      ['/api/me', undefined],
      ['/api/listings/zz_000000000000000000000', undefined],
      ['/api/no-such-route', undefined],
      ['/docs', undefined],
      ['/docs/', 'text/html'],
      ['/docs/json', undefined],
    ];
    for (const [url, accept] of pages) {
      const res = await t.request({ method: 'GET', url, headers: accept ? { accept } : {} });
      expectSecurityHeaders(res, `GET ${url} (${res.statusCode})`);
    }
  });

  it('keeps CORS closed: no allow-origin for a simple request or a preflight from another origin', async () => {
    const origin = 'https://evil.example';
    const simple = await t.request({ method: 'GET', url: '/api/stats/public', headers: { origin } });
    const preflight = await t.request({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    for (const res of [simple, preflight]) {
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-allow-headers']).toBeUndefined();
    }
  });

  it('answers a malformed or over-long path as a problem with the same headers, without echoing the path', async () => {
    // The router refuses these before any hook runs (Fastify's frameworkErrors).
    for (const url of [`/api/listings/${'a'.repeat(101)}<script>`, '/api/listings/%E0%A4%A<script>']) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(isProblem(res), `${url}: ${res.headers['content-type']} ${res.body.slice(0, 120)}`).toBe(true);
      expect(res.body).not.toContain('<script>');
      expectSecurityHeaders(res, url);
    }
  });
});

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
function token(header: Record<string, unknown>, payload: Record<string, unknown>, sign: (input: string) => string) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(input)}`;
}

describe('access tokens (forgery, alg none and expiry are in accounts/auth.test.ts)', () => {
  it('refuses algorithm confusion and none in any spelling, even with the right secret and an admin claim', async () => {
    const secret = 'test-secret-test-secret-test-secret-42';
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: admin.user.id,
      role: 'admin',
      org: admin.user.organization.id,
      sid: (JSON.parse(Buffer.from(admin.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid,
      typ: 'access',
      iat: now,
      exp: now + 600,
    };
    const hmac =
      (alg: 'sha256' | 'sha384' | 'sha512', key = secret) =>
      (input: string) =>
        createHmac(alg, key).update(input).digest('base64url');
    const valid = token({ alg: 'HS256', typ: 'JWT' }, claims, hmac('sha256'));
    expect((await t.request({ method: 'GET', url: '/api/me', token: valid })).statusCode).toBe(200);
    const forged = [
      token({ alg: 'HS512', typ: 'JWT' }, claims, hmac('sha512')),
      token({ alg: 'HS384', typ: 'JWT' }, claims, hmac('sha384')),
      token({ alg: 'RS256', typ: 'JWT' }, claims, hmac('sha256')),
      token({ alg: 'HS256', typ: 'JWT', kid: '../../../../dev/null' }, claims, hmac('sha256', '')),
      ...['none', 'None', 'NONE', 'nOnE'].map((alg) => token({ alg, typ: 'JWT' }, claims, () => '')),
      token(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, exp: undefined },
        hmac('sha256', randomBytes(32).toString('hex')),
      ),
    ];
    for (const bad of forged) {
      const res = await t.request({ method: 'GET', url: '/api/admin/audit', token: bad });
      expect(res.statusCode, bad.split('.')[0]).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('reads the token from the Authorization header only, never from the query string or a cookie', async () => {
    for (const req of [
      { url: `/api/me?access_token=${admin.accessToken}` },
      { url: `/api/me?token=${admin.accessToken}` },
      { url: '/api/me', headers: { cookie: `token=${admin.accessToken}; access_token=${admin.accessToken}` } },
    ]) {
      expect((await t.request({ method: 'GET', ...req })).statusCode).toBe(401);
    }
  });
});

describe('rate limits (login throttling per account and per address is in accounts/auth.test.ts)', () => {
  it('limits registrations per client address, and another address is not affected', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await register('buyer', address)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    const limited = await register('buyer', address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await register('buyer')).statusCode).toBe(201);
  });

  it('limits every /api route per client address, but never the health check', async () => {
    const remoteAddress = nextAddress();
    let last = 0;
    for (let i = 0; i <= 600; i++)
      last = (await t.request({ method: 'GET', url: '/api/me', remoteAddress })).statusCode;
    expect(last).toBe(429);
    expect((await t.request({ method: 'GET', url: '/health', remoteAddress })).statusCode).toBe(200);
  });
});

const storedFiles = () => {
  const root = join(t.config.DATA_DIR, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
};
const upload = (s: Session, listingId: string, filename: string, data: Buffer) =>
  t.request({
    method: 'POST',
    url: `/api/listings/${listingId}/attachments`,
    token: s.accessToken,
    remoteAddress: nextAddress(),
    ...multipart(filename, data),
  });

describe('uploads (type spoofing and size limits are in listings/attachments.test.ts)', () => {
  it("stores nothing for an upload it refuses: another seller's listing, a hidden draft, an unknown id", async () => {
    const published = await createListing(t, seller, { publishWith: admin });
    const draft = await createListing(t, seller);
    const before = storedFiles();
    const cases: [string, number][] = [
      [published.id, 403],
      [draft.id, 404],
      ['lst_000000000000000000000', 404],
    ];
    for (const [listingId, status] of cases) {
      const res = await upload(otherSeller, listingId, 'x.pdf', Buffer.concat([PDF, randomBytes(64)]));
      expect(res.statusCode).toBe(status);
    }
    expect(storedFiles(), 'a refused upload left a file in storage').toBe(before);
  });

  it('keeps path parts and control characters out of a stored name and out of the download headers', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const boundary = '----tteFilenameBoundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd.pdf"; filename*=UTF-8''..%2F..%2Fetc%2F%0D%0AX-Injected%3A%201%22.pdf\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.request({
      method: 'POST',
      url: `/api/listings/${l.id}/attachments`,
      token: seller.accessToken,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).not.toMatch(/[/\\\r\n"]|\.\./);
    const file = await t.request({ method: 'GET', url: `/api/listings/${l.id}/attachments/${res.json().id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-injected']).toBeUndefined();
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(String(file.headers['content-disposition'])).not.toMatch(/[\r\n]/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });
});
