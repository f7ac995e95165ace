import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/seed/accounts.js';
import { startServer, stopAll, type Server } from '../../helpers/processes.js';

// An operator's first start, as the README's configuration table invites it: a fresh data dir, the embedded
// database and search engine, the demo seed on, and an admin of their own configured. The admin bootstrap runs
// before the seed, and both create the bureau's organization: the process must come up ready all the same.

const ADMIN_EMAIL = 'ops@bureau.example';
const ADMIN_PASSWORD = 'first-start-password-42';

let dataDir: string;
let server: Server;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tte-first-start-'));
  server = await startServer('first-start', {
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
  });
});

afterAll(async () => {
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { accessToken?: string } };
}

async function me(token: string) {
  const res = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    body: (await res.json()) as { role: string; organization: { id: string; name: string } },
  };
}

describe('first start with ADMIN_EMAIL/ADMIN_PASSWORD and the demo seed on a fresh data dir', () => {
  it('comes up ready, and the configured admin and the demo accounts sign in', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);

    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
    const demoAdmin = await login(DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
    expect(demoAdmin.status).toBe(200);
    const buyer = await login(DEMO_ACCOUNTS.oasis.email, DEMO_PASSWORD);
    expect(buyer.status).toBe(200);

    // Both admins act for the one bureau: the seed joined the organization the bootstrap had created.
    const [a, d] = await Promise.all([me(admin.body.accessToken!), me(demoAdmin.body.accessToken!)]);
    expect(a.body.role).toBe('admin');
    expect(d.body.role).toBe('admin');
    expect(d.body.organization.id).toBe(a.body.organization.id);

    // The demo data is there: the buyer sees its seeded deals.
    const deals = await fetch(`${server.url}/api/deals`, {
      headers: { authorization: `Bearer ${buyer.body.accessToken}` },
    });
    expect(deals.status).toBe(200);
    expect(((await deals.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
