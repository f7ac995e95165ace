import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, createDatabase, ROOT, startServer, stopAll, type Server } from '../../helpers/processes.js';
import { Api, login, manyClients, publishListing, register } from './support/api.js';
import { COUNTER_TERMS, openDeal, sendOk, TERMS } from './support/deals.js';

// The production start: `npm run build` output run by plain Node (`npm run start:prod` runs dist/src/main.js),
// with no runtime transpiler in the server or in its render workers. The server is compiled once, here
// (COMPILED_START_PREBUILT=1 uses the dist/ already there), and preloads a probe that writes down every module
// the process resolves, so the test sees what was loaded rather than trusting the command line.

const ADMIN = { email: 'ops-compiled@bureau.example', password: 'bureau-password-42' };
const PROBE = join(ROOT, 'tests/integration/ops/support/module-probe.mjs');
let server: Server;
let api: Api;
let probeFile: string;
const cleanups: Array<() => Promise<void> | void> = [];

const resolved = () => readFileSync(probeFile, 'utf8').split('\n').filter(Boolean);

beforeAll(async () => {
  if (process.env.COMPILED_START_PREBUILT !== '1' || !existsSync(join(ROOT, 'dist/src/main.js'))) buildServer();
  const db = await createDatabase();
  cleanups.push(db.drop);
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-ops-compiled-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  probeFile = join(dataDir, 'modules.txt');
  server = await startServer(
    'compiled-api',
    {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MODULE_PROBE_FILE: probeFile,
      JWT_SECRET: 'ops-test-secret-ops-test-secret-0123456789',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LISTING_REVIEW: 'off',
    },
    { build: 'compiled', nodeArgs: ['--import', PROBE] },
  );
  api = new Api(server.url, manyClients);
}, 240_000);

afterAll(async () => {
  await stopAll();
  for (const c of cleanups.reverse()) await c();
});

describe('compiled production start', () => {
  it('runs dist/src/main.js with plain Node: ready, healthy, migrations applied from dist', async () => {
    expect(await api.ok('GET', '/ready')).toMatchObject({ status: 'ready', database: 'up' });
    expect(await api.ok('GET', '/health')).toMatchObject({ status: 'ok' });
    // The admin signs in: the schema exists (drizzle's migrations were found next to the compiled modules).
    expect((await login(api, ADMIN.email, ADMIN.password)).accessToken).toEqual(expect.any(String));
    const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain(join(ROOT, 'dist/src/main.js'));
    expect(cmdline.join(' ')).not.toMatch(/tsx/);
  });

  it('renders an invoice PDF on the render pool from compiled workers', async () => {
    const seller = await register(api, 'seller', 'enterprise');
    const buyer = await register(api, 'buyer');
    const listing = await publishListing(api, seller, { ndaRequired: false });
    const deal = await openDeal(api, buyer, listing.id);
    await sendOk(api, seller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(api, buyer, deal.id, 'PROPOSE_TERMS', { terms: TERMS });
    await sendOk(api, seller, deal.id, 'PROPOSE_TERMS', { terms: COUNTER_TERMS });
    await sendOk(api, buyer, deal.id, 'ACCEPT_TERMS');
    await sendOk(api, seller, deal.id, 'SIGN_CONTRACT');
    await sendOk(api, buyer, deal.id, 'SIGN_CONTRACT');
    const page = await api.ok('GET', `/api/invoices?dealId=${deal.id}`, { token: buyer.accessToken });
    expect(page.items.length).toBeGreaterThan(0);
    const pdf = await api.call('GET', `/api/invoices/${page.items[0].id}/pdf`, {
      token: buyer.accessToken,
      timeoutMs: 60_000,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
  });

  it('loaded no transpiler: every server module came from dist/, and tsx was never resolved', () => {
    const urls = resolved();
    const own = urls.filter((u) => u.startsWith(`file://${ROOT}/`) && !u.includes('/node_modules/'));
    // The probe saw the server's own imports (a positive control: an empty file would prove nothing)…
    expect(own).toContain(`file://${join(ROOT, 'dist/src/main.js')}`);
    expect(own).toContain(`file://${join(ROOT, 'dist/src/platform/render-pool.js')}`);
    expect(urls.some((u) => u.includes('/node_modules/fastify/'))).toBe(true);
    // …all of them compiled JavaScript, none a TypeScript source; and tsx (or its esbuild) was not even resolved,
    // which from source the render pool does at load to hand its workers tsx's API.
    expect(own.filter((u) => !u.startsWith(`file://${ROOT}/dist/`) || u.endsWith('.ts'))).toEqual([]);
    expect(urls.filter((u) => /\/node_modules\/(tsx|esbuild|@esbuild)\//.test(u))).toEqual([]);
  });
});
