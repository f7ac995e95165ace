import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  startMeilisearch,
  startServer,
  stopAll,
  type Meili,
  type Server,
} from '../../helpers/processes.js';
import { PASSWORD, unique } from '../../helpers/factories.js';
import { Api } from './support/api.js';

// Two API processes on one PostgreSQL: a session ended through one is refused by the other within a second
// (LISTEN/NOTIFY), although the other had just answered from its cache that the session was open.

let meili: Meili;
let a: Server;
let b: Server;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  meili = await startMeilisearch();
  const db = await createDatabase();
  cleanups.push(db.drop);
  const env = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tte-ops-data-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    return {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      JWT_SECRET: 'ops-test-secret-ops-test-secret-0123456789',
      RUN_WORKERS: 'false',
      ADMIN_EMAIL: 'root@bureau.example',
      ADMIN_PASSWORD: 'bureau-ops-secret-2026',
    };
  };
  [a, b] = await Promise.all([startServer('api-a', env()), startServer('api-b', env())]);
}, 120_000);
afterAll(async () => {
  await stopAll();
  await meili?.stop();
  for (const c of cleanups.reverse()) await c();
});

async function register(api: Api) {
  const u = unique('buyer');
  return api.ok('POST', '/api/auth/register', {
    expect: 201,
    body: {
      email: `${u}@example.com`,
      password: PASSWORD,
      name: u,
      role: 'buyer',
      organization: { name: `Org ${u}`, type: 'enterprise' },
    },
  });
}

/** Polls `GET /api/me` on `api` until it answers 401; returns how long that took after `since`. */
async function refusedAfter(api: Api, token: string, since: number): Promise<number> {
  for (;;) {
    const r = await api.call('GET', '/api/me', { token });
    if (r.status === 401) return performance.now() - since;
    expect(r.status).toBe(200);
    if (performance.now() - since > 5_000) throw new Error('the session was still open after 5 s');
  }
}

describe('session revocation across API processes', () => {
  it('logout through one process: the other refuses the access token within a second', async () => {
    const apiA = new Api(a.url);
    const apiB = new Api(b.url);
    const s = await register(apiA);
    // B learns the session is open, and remembers it.
    for (let i = 0; i < 3; i++) expect((await apiB.call('GET', '/api/me', { token: s.accessToken })).status).toBe(200);
    const started = performance.now();
    await apiA.ok('POST', '/api/auth/logout', { expect: 204, body: { refreshToken: s.refreshToken } });
    expect((await apiA.call('GET', '/api/me', { token: s.accessToken })).status).toBe(401);
    const ms = await refusedAfter(apiB, s.accessToken, started);
    expect(ms).toBeLessThan(1_000);
    console.log(`session refused by the other process ${ms.toFixed(1)} ms after the logout was sent`);
  });

  it('a password change through one process ends every session of the user in the other', async () => {
    const apiA = new Api(a.url);
    const apiB = new Api(b.url);
    const s = await register(apiB);
    const email = (await apiB.ok('GET', '/api/me', { token: s.accessToken })).email as string;
    const second = await apiA.ok('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect((await apiA.call('GET', '/api/me', { token: s.accessToken })).status).toBe(200);
    expect((await apiA.call('GET', '/api/me', { token: second.accessToken })).status).toBe(200);
    const started = performance.now();
    await apiB.ok('POST', '/api/me/password', {
      expect: 204,
      token: s.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'another-password-91' },
    });
    expect(await refusedAfter(apiA, s.accessToken, started)).toBeLessThan(1_000);
    expect(await refusedAfter(apiA, second.accessToken, started)).toBeLessThan(1_000);
  });
});
