import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(async () => {
  await t.close();
});

const isProblem = (res: { headers: Record<string, unknown>; json(): any }, status: number, code: string) => {
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.any(String),
  });
};

describe('platform', () => {
  it('GET /health answers while GET /ready reports a missing search engine with 503', async () => {
    expect((await t.request({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.request({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    isProblem(ready, 503, 'UNAVAILABLE');
    expect(ready.json()).toMatchObject({ database: 'up', search: 'down' });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.request({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    isProblem(res, 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400, an oversized body with 413 and a wrong media type with 415', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    isProblem(bad, 400, 'BAD_REQUEST');
    const big = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.cn', password: 'x'.repeat(5000) },
    });
    expect(big.statusCode).toBe(413);
    isProblem(big, 413, 'PAYLOAD_TOO_LARGE');
    const xml = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    isProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('does not coerce body types: a number is not a string', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.cn', password: 12345678901 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.password' }));
  });

  it('sets security headers, keeps CORS closed and echoes a request id', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example', 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await t.request({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI 3 document generated from the route schemas, and Swagger UI', async () => {
    const doc = (await t.request({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.properties.role.enum,
    ).toEqual(['seller', 'buyer', 'broker']);
    expect(doc.paths['/api/me'].get.responses['401']).toBeDefined();
    const ui = await t.request({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('checks access before the body: anonymous gets 401 and a wrong role 403 even with an invalid body', async () => {
    const anon = await t.request({ method: 'POST', url: '/api/listings', payload: { nonsense: true } });
    expect(anon.statusCode).toBe(401);
    const { registerUser } = await import('../../helpers/factories.js');
    const buyer = await registerUser(t, 'buyer');
    const wrongRole = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: buyer.accessToken,
      payload: { nonsense: true },
    });
    expect(wrongRole.statusCode).toBe(403);
  });
});

describe('text the database cannot store', () => {
  it('refuses a NUL character in a body or a query string with 400 naming the field', async () => {
    const { registerUser } = await import('../../helpers/factories.js');
    const seller = await registerUser(t, 'seller');
    const body = await t.request({
      method: 'POST',
      url: '/api/listings',
      token: seller.accessToken,
      payload: { title: 'a\u0000b' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toContainEqual({ path: 'body.title', message: 'must not contain the NUL character' });
    const query = await t.request({ method: 'GET', url: '/api/listings?organizationId=%00' });
    expect(query.statusCode).toBe(400);
  });
});
