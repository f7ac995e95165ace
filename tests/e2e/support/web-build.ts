import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The server serves web/dist as it finds it at start, so the browser tests need a build of the current sources.
// Rebuilding takes seconds; it is skipped when the build is newer than everything it is made from.

/** The newest modification time under `path` (a file, or a folder walked recursively). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

export function ensureWebBuilt(root: string): 'built' | 'fresh' {
  const index = join(root, 'web/dist/index.html');
  // The web app also imports the pure shared core (closed sets, money, calendar, terms) that shapes what it shows.
  const sources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'web/precompress.ts', 'src/shared'];
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map((s) => newest(join(root, s))))) return 'fresh';
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    // vitest sets NODE_ENV=test, and Vite keeps an inherited NODE_ENV: React's development build (half again as
    // large) would be what the browser tests measure and drive.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
    timeout: 170_000,
  });
  return 'built';
}
