import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeSessions } from '../../../src/platform/sessions.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, adminSession, registerUser, type Session } from '../../helpers/factories.js';

// A session ends for real: whatever ends it (logout, a replayed refresh token, a new password, an admin disabling
// the account), its access tokens are refused on the very next request, not when they expire.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const me = (token: string) => t.request({ method: 'GET', url: '/api/me', token });
const sessionId = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
async function emailOf(s: Session) {
  return (await me(s.accessToken)).json().email as string;
}
async function login(email: string, password = PASSWORD) {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(res.statusCode).toBe(200);
  return res.json() as Session;
}

describe('ending a session refuses its access tokens at once', () => {
  it('names its session in every access token; refresh keeps the session', async () => {
    const s = await registerUser(t, 'buyer');
    const r = await t.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: s.refreshToken } });
    expect(sessionId(r.json().accessToken)).toBe(sessionId(s.accessToken));
    const other = await login(await emailOf(s));
    expect(sessionId(other.accessToken)).not.toBe(sessionId(s.accessToken));
  });

  it('logout: the access token that was working is refused with 401, other sessions go on', async () => {
    const s = await registerUser(t, 'buyer');
    const other = await login(await emailOf(s));
    expect((await me(s.accessToken)).statusCode).toBe(200);
    const out = await t.request({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: s.refreshToken } });
    expect(out.statusCode).toBe(204);
    const after = await me(s.accessToken);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json().code).toBe('UNAUTHENTICATED');
    expect((await me(other.accessToken)).statusCode).toBe(200);
  });

  it('refresh-token reuse: every access token of the family is refused', async () => {
    const s = await registerUser(t, 'seller');
    const r1 = await t.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: s.refreshToken } });
    const successor = r1.json().accessToken as string;
    expect((await me(successor)).statusCode).toBe(200);
    const replay = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect((await me(successor)).statusCode).toBe(401);
    expect((await me(s.accessToken)).statusCode).toBe(401);
  });

  it('password change: every session of the user ends; the new password logs in, the old one does not', async () => {
    const s = await registerUser(t, 'buyer');
    const email = await emailOf(s);
    const other = await login(email);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/me/password',
      token: s.accessToken,
      payload: { currentPassword: 'not-the-password-1', newPassword: 'a-new-password-77' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'body.currentPassword', message: 'is not your current password' }]);
    expect((await me(other.accessToken)).statusCode).toBe(200);
    const changed = await t.request({
      method: 'POST',
      url: '/api/me/password',
      token: s.accessToken,
      payload: { currentPassword: PASSWORD, newPassword: 'a-new-password-77' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(s.accessToken)).statusCode).toBe(401);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: other.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    const old = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    await login(email, 'a-new-password-77');
  });

  it('an admin disabling a user ends their sessions; only an admin may, and not on themselves', async () => {
    const admin = await adminSession(t);
    const s = await registerUser(t, 'seller');
    const email = await emailOf(s);
    const url = `/api/users/${s.user.id}`;
    const byUser = await t.request({ method: 'PATCH', url, token: s.accessToken, payload: { disabled: true } });
    expect(byUser.statusCode).toBe(403);
    const self = await t.request({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      token: admin.accessToken,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(409);
    const res = await t.request({ method: 'PATCH', url, token: admin.accessToken, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: s.user.id, disabled: true });
    expect((await me(s.accessToken)).statusCode).toBe(401);
    const again = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(again.statusCode).toBe(401);
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
  });

  it('refuses a validly signed token whose session never existed, or that names none', async () => {
    const s = await registerUser(t, 'buyer');
    const claims = { sub: s.user.id, role: 'buyer' as const, org: s.user.organization.id, typ: 'access' as const };
    expect((await me(t.app.jwt.sign({ ...claims, sid: 'fam_made_up' }))).statusCode).toBe(401);
    expect((await me(t.app.jwt.sign({ ...claims, sid: '' }))).statusCode).toBe(401);
  });
});

describe("the process's cache of sessions", () => {
  it('answers a known session from memory and still learns of a revocation made elsewhere', async () => {
    const s = await registerUser(t, 'buyer');
    await me(s.accessToken);
    const before = { ...t.ctx.sessions.stats };
    for (let i = 0; i < 5; i++) expect((await me(s.accessToken)).statusCode).toBe(200);
    expect(t.ctx.sessions.stats.hits - before.hits).toBe(5);
    expect(t.ctx.sessions.stats.misses).toBe(before.misses);
    // Revoked by another process (here: straight in the database, then the NOTIFY a process would send).
    await revokeSessions({ ...t.ctx, sessions: { ...t.ctx.sessions, forget: () => {} } }, { userId: s.user.id });
    await expect.poll(async () => (await me(s.accessToken)).statusCode, { timeout: 1000, interval: 20 }).toBe(401);
  });
});
