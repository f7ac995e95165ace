// `npm run lint:openapi`: Redocly CLI's recommended rules (redocly.yaml) on the server's OpenAPI document, as a
// generated client sees it. Offline: the document is written to a temporary file, and telemetry and the update
// check are off, so nothing is fetched.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'tte-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(await openApiDocument(), null, 2));
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/redocly'),
    ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', process.env.REDOCLY_FORMAT ?? 'stylish'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_UPDATE_NOTIFIER: '1',
      },
    },
  );
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
