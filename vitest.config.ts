import { Socket } from 'node:net';
import { defineConfig } from 'vitest/config';

// Three kinds of tests, each in its own project:
// - unit: pure logic (machines, money, filters), no I/O;
// - web: React components under happy-dom;
// - integration: the real app against a real database (PostgreSQL and embedded PGlite, one project each)
//   and, where a test needs it, a real Meilisearch process.
// - ops: faults and scale-out with real processes (API, workers, Meilisearch, a throwaway PostgreSQL), once;
// - e2e: the browser story (playwright-core driving Debian's chromium against a real server); without
//   chromium outside CI it says plainly that it did not run.
const integration = (db: 'postgres' | 'pglite') => ({
  extends: true as const,
  test: {
    name: `integration:${db}`,
    include: ['tests/integration/**/*.test.ts'],
    // Fault and scale-out tests start their own processes and databases: they run once, in `ops`.
    exclude: ['tests/integration/ops/**'],
    environment: 'node',
    env: { TEST_DB: db },
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

// PostgreSQL runs on this machine kind (127.0.0.1:5432). If it cannot be reached outside CI, the PostgreSQL
// project is left out with a plain message (PGlite still runs every integration test); in CI it is required.
function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(1500);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
    s.connect(Number(u.port || 5432), u.hostname);
  });
}
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgUp = await reachable(pgUrl);
if (!pgUp) {
  const msg = `PostgreSQL is not reachable at ${new URL(pgUrl).host}: the integration tests run on embedded PGlite only.`;
  if (process.env.CI) throw new Error(`${msg} CI requires PostgreSQL.`);
  console.warn(`\n*** ${msg} ***\n`);
}

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.tsx', 'web/src/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['web/src/testing/setup.ts'],
        },
      },
      ...(pgUp ? [integration('postgres')] : []),
      integration('pglite'),
      ...(pgUp
        ? [
            {
              extends: true as const,
              test: {
                name: 'ops',
                include: ['tests/integration/ops/**/*.test.ts'],
                environment: 'node',
                testTimeout: 240_000,
                hookTimeout: 240_000,
                pool: 'forks' as const,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One web build before the files start: a build empties web/dist under any server already running.
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
    ],
  },
});
