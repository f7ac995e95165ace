import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED, MIGRATIONS_FOLDER, PACKAGE_ROOT, SERVER_DIR, WEB_DIST } from '../../../src/platform/paths.js';

// From source (as the tests run) the paths name the repository's own files; the compiled layout is checked by
// tests/integration/ops/compiled-start.test.ts, which runs dist/.
describe('runtime paths, from source', () => {
  it('knows it is not compiled and finds the package root', () => {
    expect(COMPILED).toBe(false);
    expect(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).name).toBe('tech-transfer-exchange');
    expect(SERVER_DIR).toBe(join(PACKAGE_ROOT, 'src'));
    expect(WEB_DIST).toBe(join(PACKAGE_ROOT, 'web/dist'));
  });

  it("names drizzle's migrations folder, journal included", () => {
    expect(MIGRATIONS_FOLDER).toBe(join(SERVER_DIR, 'db/migrations'));
    expect(existsSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'))).toBe(true);
  });
});
