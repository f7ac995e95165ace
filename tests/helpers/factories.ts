import type { TestApp } from './app.js';

let seq = 0;
/** A unique suffix per call, so factories never collide inside a shared database. */
export const unique = (prefix = 'x') => `${prefix}${process.pid.toString(36)}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const PASSWORD = 'correct-horse-42';

export interface Session { user: { id: string; role: string; organization: { id: string; name: string; type: string } }; accessToken: string; refreshToken: string }

/** Registers a user (and a new organization) through the API. */
export async function registerUser(t: TestApp, role: 'seller' | 'buyer' | 'broker', orgType?: string, extra: Record<string, unknown> = {}): Promise<Session> {
  const type = orgType ?? { seller: 'university', buyer: 'enterprise', broker: 'agency' }[role];
  const u = unique(role);
  const res = await t.request({
    method: 'POST', url: '/api/auth/register',
    payload: { email: `${u}@example.com`, password: PASSWORD, name: `User ${u}`, role, organization: { name: `Org ${u}`, type }, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An admin, created the way production creates one (ADMIN_EMAIL / ADMIN_PASSWORD at start), then logged in. */
export async function adminSession(t: TestApp): Promise<Session> {
  const { ensureAdmin } = await import('../../src/accounts/service.js');
  const email = `${unique('admin')}@bureau.example`;
  await ensureAdmin(t.ctx, email, PASSWORD);
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.body}`);
  return res.json();
}
