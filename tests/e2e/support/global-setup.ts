import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from './web-build.js';

// The browser test files run in parallel, and each starts a server on web/dist. A build empties web/dist before
// it writes the new files, so a build started by one file pulled the assets (and their .br/.gz variants) from
// under another file's server. The build happens here, once, before any test file starts.
export default function setup(): void {
  ensureWebBuilt(join(dirname(fileURLToPath(import.meta.url)), '../../..'));
}
