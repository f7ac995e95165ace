import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every file the server finds at run time, named once. The server runs either from source (src/*.ts through
// tsx: `npm start`, the tests) or compiled (dist/src/*.js: `npm run start:prod`, built by `npm run build`).
// dist/ mirrors the repository's layout, so a path relative to a module is the same in both; only the
// package root (where package.json, node_modules and web/dist are) is one level further up when compiled.

const HERE = dirname(fileURLToPath(import.meta.url));

/** True when this process runs the compiled JavaScript of dist/ (no transpiler loaded). */
export const COMPILED = import.meta.url.endsWith('.js');

/** src/ or dist/src/: the server's own modules and the assets copied next to them by the build. */
export const SERVER_DIR = join(HERE, '..');

/** The package root: package.json, node_modules, web/dist. */
export const PACKAGE_ROOT = join(SERVER_DIR, COMPILED ? '../..' : '..');

/** drizzle's SQL migrations and journal (copied to dist/src/db/migrations by the build). */
export const MIGRATIONS_FOLDER = join(SERVER_DIR, 'db/migrations');

/** The web app built by `npm run build:web` (Vite's outDir). */
export const WEB_DIST = join(PACKAGE_ROOT, 'web/dist');
