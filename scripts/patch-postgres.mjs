// postgres.js 3.4.9 can throw `Cannot read properties of null (reading 'write')` from nextWrite when a
// connection drops while a write is queued (upstream issues #1154 and #1208; fixes proposed in PRs #1168 and
// #1209, not yet released). The throw happens in a timer callback, so it takes the whole API process down
// during a PostgreSQL restart. Until a release carries the fix, this postinstall step applies the same guard:
// a write to a closed socket fails that connection's queries instead. Idempotent; does nothing on other versions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json: walk up from its entry point.
let root;
try {
  root = dirname(require.resolve('postgres'));
} catch {
  process.exit(0);
}
const isPackageRoot = (dir) =>
  existsSync(join(dir, 'package.json')) &&
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'postgres';
while (!isPackageRoot(root) && dirname(root) !== root) root = dirname(root);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (version !== '3.4.9') process.exit(0);

const original = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
const patched =
  "  function nextWrite(fn) {\n    if (!socket) { chunk = nextWriteTimer = null; error(Errors.connection('CONNECTION_CLOSED', options)); return false }\n    const x = socket.write(chunk, fn)";
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (text.includes(patched)) continue;
  if (!text.includes(original)) {
    console.warn(`patch-postgres: ${file} does not look like postgres 3.4.9; not patched`);
    continue;
  }
  writeFileSync(path, text.replace(original, patched));
  console.log(`patch-postgres: guarded nextWrite in ${file}`);
}
