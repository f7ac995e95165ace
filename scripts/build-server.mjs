// `npm run build:server`: compiles the server (src/, search/) to dist/ with tsconfig.build.json and copies the
// files it reads at run time that are not TypeScript (drizzle's SQL migrations and their journal) next to the
// compiled modules, where src/platform/paths.ts finds them. dist/ is rebuilt from scratch each time, so a
// deleted source file cannot live on as a stale .js.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ASSETS = ['src/db/migrations'];

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const dir of ASSETS) cpSync(join(root, dir), join(dist, dir), { recursive: true });
console.log(`server compiled to ${dist}`);
