import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { registerUser } from '../../helpers/factories.js';

// What Fastify and Node would answer themselves is a problem too, and no operation takes a body it does not declare.

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp({ env: { SERVE_WEB: 'false' } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

/** Sends raw bytes and returns what came back (the parser's refusals never reach inject). */
function raw(request: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let got = '';
    socket.on('data', (c) => (got += c.toString()));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });
}
const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe("the framework's own answers", () => {
  it('answers JSON sent as text/plain with 415, and the same JSON as application/json is read', async () => {
    const payload = JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password-1' });
    const plain = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload,
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.headers['content-type']).toContain('application/problem+json');
    expect(plain.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(json.statusCode).toBe(401);
  });

  it('answers headers over the limit with a 431 problem, and garbage with a 400 problem', async () => {
    const long = await fetch(`${base}/api/listings?q=${'a'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(long.headers.get('content-type')).toBe('application/problem+json');
    expect(long.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await long.json()).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(garbage)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('refuses a body sent to an operation that declares none, and changes nothing', async () => {
    const s = await registerUser(t, 'buyer');
    const withBody = await t.request({
      method: 'POST',
      url: '/api/notifications/read-all',
      token: s.accessToken,
      payload: { everything: true },
    });
    expect(withBody.statusCode).toBe(400);
    expect(withBody.json()).toMatchObject({
      code: 'BAD_REQUEST',
      errors: [{ path: 'body', message: 'must be absent' }],
    });
    const without = await t.request({ method: 'POST', url: '/api/notifications/read-all', token: s.accessToken });
    expect(without.statusCode).toBe(200);
  });
});
