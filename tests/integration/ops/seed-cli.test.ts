import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { users } from '../../../src/db/schema/index.js';
import { openPglite } from '../../../src/platform/db.js';
import { DEMO_ACCOUNTS } from '../../../src/seed/accounts.js';
import { DEMO_TEAM } from '../../../src/seed/teams.js';
import { ROOT } from '../../helpers/processes.js';

// `npm run seed` as an operator runs it: its own process, on the configured (here: embedded) database.
const dataDir = mkdtempSync(join(tmpdir(), 'tte-seed-cli-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function seed(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/seed/cli.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run seed', () => {
  it('seeds the demo data into the configured database once, then says it was seeded before', async () => {
    const first = seed();
    expect(first.out).toContain('demo data seeded into the pglite database');
    expect(first.code).toBe(0);
    const again = seed();
    expect(again.out).toContain('was seeded before: nothing to do');
    expect(again.code).toBe(0);
    const database = await openPglite(join(dataDir, 'pglite'));
    try {
      const emails = (await database.db.select({ email: users.email }).from(users)).map((u) => u.email);
      // Every demo account once, and the university's second member who joined through an invitation.
      const expected = [...Object.values(DEMO_ACCOUNTS).map((a) => a.email), DEMO_TEAM.member.email];
      expect(emails.sort()).toEqual(expected.sort());
      expect(emails).toContain('buyer@oasis.demo');
    } finally {
      await database.close();
    }
  });

  it('refuses production unless SEED_DEMO=true says so, and touches nothing', () => {
    const r = seed({
      NODE_ENV: 'production',
      DATA_DIR: join(dataDir, 'prod'),
      JWT_SECRET: 'seed-cli-test-secret-0123456789-abcdef',
      ADMIN_EMAIL: 'ops@bureau.example',
      ADMIN_PASSWORD: 'bureau-password-42',
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('npm run seed refuses NODE_ENV=production');
    expect(existsSync(join(dataDir, 'prod', 'pglite'))).toBe(false);
  });
});
