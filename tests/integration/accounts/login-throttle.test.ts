import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAccount } from '../../../src/accounts/service.js';
import { PASSWORD, unique } from '../../helpers/factories.js';

// The attacks on login throttling, on the test's clock: a stranger keeping an account locked, a campus behind one
// NAT, a guesser hammering one account, and what `retry-after` says.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const WRONG = 'wrong-password-1';
type Attempt = { email: string; password?: string; ip: string; cookie?: string };
const attempt = ({ email, password = WRONG, ip, cookie }: Attempt) =>
  t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers: cookie ? { cookie } : {},
  });

/** An account made through the service: a campus needs more than registration's own limit allows a minute. */
async function account() {
  const u = unique('buyer');
  const input = { name: u, role: 'buyer' as const, organization: { name: `Org ${u}`, type: 'enterprise' as const } };
  return (await createAccount(t.ctx, t.ctx.db, { ...input, email: `${u}@example.com`, password: PASSWORD })).email;
}
/** The device cookie a successful login hands out, as the browser sends it back. */
async function knownDevice(email: string, ip: string) {
  const res = await attempt({ email, password: PASSWORD, ip });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
  return cookie.split(';')[0];
}
const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

describe('login throttling', () => {
  it("a stranger's wrong passwords do not lock the owner out, from another client or from their own device", async () => {
    const email = await account();
    const device = await knownDevice(email, '10.1.0.1');
    for (let i = 0; i < 20; i++) await attempt({ email, ip: '203.0.113.7' });
    expect((await attempt({ email, ip: '203.0.113.7' })).statusCode).toBe(429);
    // The owner, from home (a client the stranger's failures were not counted on) and from the known device.
    expect((await attempt({ email, password: PASSWORD, ip: '10.1.0.2' })).statusCode).toBe(200);
    expect((await attempt({ email, password: PASSWORD, ip: '203.0.113.7', cookie: device })).statusCode).toBe(200);
  });

  it('slows a guesser down with growing delays, and retry-after is the real time left', async () => {
    const email = await account();
    const ip = '198.51.100.20';
    const free = t.config.LOGIN_MAX_PER_ACCOUNT;
    for (let i = 0; i < free; i++) expect((await attempt({ email, ip })).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await attempt({ email, ip });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().code).toBe('RATE_LIMITED');
      const wait = retryAfter(refused);
      waits.push(wait);
      t.clock.advance(wait * 1000 - 1000);
      if (wait > 1) expect(retryAfter(await attempt({ email, ip }))).toBe(1);
      t.clock.advance(1000);
      expect((await attempt({ email, ip })).statusCode).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8, 16]);
    // Even the right password waits (a refusal must not tell whether it was right), then goes through.
    const right = await attempt({ email, password: PASSWORD, ip });
    expect(right.statusCode).toBe(429);
    t.clock.advance(retryAfter(right) * 1000);
    expect((await attempt({ email, password: PASSWORD, ip })).statusCode).toBe(200);
    // The success ended the streak: the next mistake is free again.
    expect((await attempt({ email, ip })).statusCode).toBe(401);
  });

  it('the delay never grows past the window', async () => {
    const email = await account();
    const ip = '198.51.100.21';
    for (let i = 0; i < 30; i++) {
      const res = await attempt({ email, ip });
      if (res.statusCode === 429) {
        expect(retryAfter(res)).toBeLessThanOrEqual(t.config.LOGIN_WINDOW_SECONDS);
        t.clock.advance(retryAfter(res) * 1000);
      }
    }
    let res = await attempt({ email, ip });
    if (res.statusCode === 429) {
      t.clock.advance(retryAfter(res) * 1000);
      res = await attempt({ email, ip });
    }
    expect(res.statusCode).toBe(401);
    expect(retryAfter(await attempt({ email, ip }))).toBe(t.config.LOGIN_WINDOW_SECONDS);
  });

  it('a campus behind one address: successful logins are never counted against it', async () => {
    const ip = '192.0.2.50';
    const people = t.config.LOGIN_MAX_PER_IP + 5;
    const emails: string[] = [];
    for (let i = 0; i < people; i++) emails.push(await account());
    for (const email of emails) expect((await attempt({ email, password: PASSWORD, ip })).statusCode).toBe(200);
  });

  it("per address, failures only; a known device is not refused for its neighbours' failures", async () => {
    const ip = '192.0.2.77';
    const owner = await account();
    const device = await knownDevice(owner, ip);
    for (let i = 0; i < t.config.LOGIN_MAX_PER_IP; i++)
      expect((await attempt({ email: `${unique('n')}@example.com`, ip })).statusCode).toBe(401);
    const stranger = await attempt({ email: await account(), password: PASSWORD, ip });
    expect(stranger.statusCode).toBe(429);
    // The window is fixed: retry-after is what is left of it, not the whole window.
    const window = t.config.LOGIN_WINDOW_SECONDS;
    const nowS = Math.floor(t.clock.now().getTime() / 1000);
    expect(retryAfter(stranger)).toBe(window - (nowS % window));
    expect((await attempt({ email: owner, password: PASSWORD, ip, cookie: device })).statusCode).toBe(200);
  });

  it("a device token is the account's: a forged one or another account's makes a client unknown", async () => {
    const a = await account();
    const b = await account();
    const deviceA = await knownDevice(a, '10.2.0.1');
    const [name, value] = deviceA.split('=');
    for (let i = 0; i < 25; i++) await attempt({ email: b, ip: '203.0.113.90' });
    // A's token under B's cookie name, and a tampered token: B's unknown-client limit still applies.
    const nameB = String((await attempt({ email: b, password: PASSWORD, ip: '10.2.0.2' })).headers['set-cookie']).split(
      '=',
    )[0];
    for (const cookie of [`${nameB}=${value}`, `${name}=${value.slice(0, -2)}xx`]) {
      const res = await attempt({ email: b, password: PASSWORD, ip: '203.0.113.90', cookie });
      expect(res.statusCode).toBe(429);
    }
  });

  it('a guesser spread over many addresses slows down unknown clients of the account, never its devices', async () => {
    const email = await account();
    const device = await knownDevice(email, '10.3.0.1');
    const free = t.config.LOGIN_MAX_PER_ACCOUNT * 4;
    for (let i = 0; i < free; i++) expect((await attempt({ email, ip: `172.16.${i}.1` })).statusCode).toBe(401);
    const next = await attempt({ email, ip: '172.16.200.1' });
    expect(next.statusCode).toBe(429);
    expect(retryAfter(next)).toBe(2);
    expect((await attempt({ email, password: PASSWORD, ip: '172.16.201.1', cookie: device })).statusCode).toBe(200);
  });

  it('parallel guesses from one client meet the delay too', async () => {
    const email = await account();
    const ip = '198.51.100.99';
    const answers = await Promise.all(
      Array.from({ length: t.config.LOGIN_MAX_PER_ACCOUNT + 5 }, () => attempt({ email, ip })),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(t.config.LOGIN_MAX_PER_ACCOUNT);
    expect(codes.filter((c) => c === 429)).toHaveLength(5);
  });
});
