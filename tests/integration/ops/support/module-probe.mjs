// Preloaded with `node --import` into a server under test: writes every module URL the process resolves (ESM
// resolution, which tsx's loader, its API and `import.meta.resolve` all go through) to MODULE_PROBE_FILE, one
// URL a line, so a test can tell which code a process loaded without asking the process itself.
import { register } from 'node:module';

const HOOKS = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(file, r.url + '\\n');
  return r;
}
`;

const file = process.env.MODULE_PROBE_FILE;
if (!file) throw new Error('module-probe: set MODULE_PROBE_FILE');
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, import.meta.url, { data: { file } });
