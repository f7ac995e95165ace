import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, refreshTokens } from '../../../src/db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, adminSession, registerUser, unique } from '../../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('register', () => {
  it('creates the organization and user, answers 201 with tokens, and /api/me returns the user', async () => {
    const s = await registerUser(t, 'seller');
    expect(s.user.role).toBe('seller');
    expect(s.user.organization.type).toBe('university');
    expect(s.refreshToken).toMatch(/^rt_/);
    const me = await t.request({ method: 'GET', url: '/api/me', token: s.accessToken });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: s.user.id, role: 'seller', organization: { id: s.user.organization.id } });
    expect(me.json()).not.toHaveProperty('passwordHash');
  });

  it('stores an argon2id hash, never the password', async () => {
    const s = await registerUser(t, 'buyer');
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, s.user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('refuses self-registration as admin, naming the field, and writes nothing', async () => {
    const email = `${unique('adm')}@example.com`;
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email,
        password: PASSWORD,
        name: 'X',
        role: 'admin',
        organization: { name: unique('o'), type: 'enterprise' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.role' }));
    expect(await t.ctx.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('applies the password policy and the role/organization rule', async () => {
    const base = {
      email: `${unique('p')}@example.com`,
      name: 'X',
      role: 'seller',
      organization: { name: unique('o'), type: 'university' },
    };
    const weak = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...base, password: 'short1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('body.password');
    const noDigit = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...base, password: 'onlyletterspassword' },
    });
    expect(noDigit.json().errors[0].message).toMatch(/letters and digits/);
    const brokerInUniversity = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...base, role: 'broker', password: PASSWORD },
    });
    expect(brokerInUniversity.statusCode).toBe(400);
    expect(brokerInUniversity.json().errors[0].path).toBe('body.organization.type');
  });

  it('rejects unknown properties, wrong types and a duplicate email', async () => {
    const extra = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: `${unique('e')}@example.com`,
        password: PASSWORD,
        name: 'X',
        role: 'buyer',
        organization: { name: unique('o'), type: 'enterprise' },
        isAdmin: true,
      },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toContainEqual({ path: 'body.isAdmin', message: 'is not an allowed property' });
    const s = await registerUser(t, 'buyer');
    const dup = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: s.user.id ? (await t.request({ method: 'GET', url: '/api/me', token: s.accessToken })).json().email : '',
        password: PASSWORD,
        name: 'X',
        role: 'buyer',
        organization: { name: unique('o'), type: 'enterprise' },
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
  });
});

describe('login, refresh, logout', () => {
  it('logs in with the right password and refuses the wrong one with the same answer as an unknown email', async () => {
    const s = await registerUser(t, 'buyer');
    const email = (await t.request({ method: 'GET', url: '/api/me', token: s.accessToken })).json().email;
    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.id).toBe(s.user.id);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'wrong-password-1' },
    });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `${unique('nobody')}@example.com`, password: 'wrong-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const s = await registerUser(t, 'seller');
    const r1 = await t.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: s.refreshToken } });
    expect(r1.statusCode).toBe(200);
    const next = r1.json().refreshToken;
    expect(next).not.toBe(s.refreshToken);
    const me = await t.request({ method: 'GET', url: '/api/me', token: r1.json().accessToken });
    expect(me.statusCode).toBe(200);
    // Replay of the spent token: refused, and the successor dies with it.
    const replay = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    const successor = await t.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: next } });
    expect(successor.statusCode).toBe(401);
    const family = await t.ctx.db.select().from(refreshTokens).where(eq(refreshTokens.userId, s.user.id));
    expect(family.every((r) => r.revokedAt)).toBe(true);
  });

  it('logout revokes the session', async () => {
    const s = await registerUser(t, 'buyer');
    const out = await t.request({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: s.refreshToken } });
    expect(out.statusCode).toBe(204);
    const after = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const s = await registerUser(t, 'buyer');
    t.clock.advanceDays(31);
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(res.statusCode).toBe(401);
    t.clock.advanceDays(-31);
  });
});

describe('tokens', () => {
  it('refuses a missing, forged, alg:none or expired access token with 401 problem+json', async () => {
    const s = await registerUser(t, 'buyer');
    const [h, p] = s.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    for (const token of [undefined, none, forged, 'garbage']) {
      const res = await t.request({ method: 'GET', url: '/api/me', token });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    const { sid } = JSON.parse(Buffer.from(p, 'base64url').toString()) as { sid: string };
    const claims = { sub: s.user.id, role: 'buyer' as const, org: s.user.organization.id, sid, typ: 'access' as const };
    const expired = t.app.jwt.sign(claims, { expiresIn: -10 } as never);
    expect((await t.request({ method: 'GET', url: '/api/me', token: expired })).statusCode).toBe(401);
  });

  it('ensures the configured admin once, in the bureau organization', async () => {
    const a = await adminSession(t);
    expect(a.user.role).toBe('admin');
    expect(a.user.organization.name).toBe('兵团科学技术局');
  });
});

describe('brokers directory', () => {
  it('lists active brokers with their agency for admins only', async () => {
    const broker = await registerUser(t, 'broker');
    const admin = await adminSession(t);
    const res = await t.request({ method: 'GET', url: '/api/brokers', token: admin.accessToken });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(
      expect.objectContaining({ id: broker.user.id, organization: expect.objectContaining({ type: 'agency' }) }),
    );
    expect((await t.request({ method: 'GET', url: '/api/brokers', token: broker.accessToken })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/brokers' })).statusCode).toBe(401);
  });
});
