import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { noSearch } from '../src/platform/search-port.js';
import { createDatabase } from '../tests/helpers/processes.js';

// `npm run bench:sessions`: what the revoked-session check costs per authenticated request, on PostgreSQL.
// The app answers GET /api/me through inject (no network) BENCH_REQUESTS times (default 3000) three ways: with the
// session known to the process (the usual case: a map lookup), with the cache emptied before each request (one
// indexed query on refresh_tokens), and the check alone, called directly, both ways.
const N = Math.max(100, Number(process.env.BENCH_REQUESTS ?? 5000));
const ROUNDS = 5;

async function timed(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(100, n); i++) await fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - started) / 1e3 / n;
}

const db = await createDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'tte-bench-'));
try {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SERVE_WEB: 'false',
    RUN_WORKERS: 'false',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1',
  });
  const { app, ctx } = await composeApp(config, { search: noSearch });
  await app.ready();
  const reg = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email: 'bench@example.com',
      password: 'correct-horse-2026',
      name: 'Bench',
      role: 'buyer',
      organization: { name: 'Bench Org', type: 'enterprise' },
    },
  });
  const { accessToken } = reg.json() as { accessToken: string };
  const sid = (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
  const me = () => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });

  // Rounds alternate the ways, so that the load of a shared machine falls on all of them alike; medians printed.
  const ways = {
    'GET /api/me, session known to the process  ': () => me(),
    'GET /api/me, session looked up every time  ': () => {
      ctx.sessions.forget();
      return me();
    },
    'the check alone, answered from the cache   ': () => ctx.sessions.isRevoked(sid),
    'the check alone, one query on PostgreSQL   ': () => {
      ctx.sessions.forget();
      return ctx.sessions.isRevoked(sid);
    },
  };
  const results = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, fn] of Object.entries(ways)) results.get(name)!.push(await timed(N / ROUNDS, fn));
  for (const [name, xs] of results) {
    const sorted = [...xs].sort((x, y) => x - y);
    console.log(`${name} ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} µs (median of ${ROUNDS} rounds)`);
  }
  console.log(`cache after the run: ${JSON.stringify(ctx.sessions.stats)}`);
  await app.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
