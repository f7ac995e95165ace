import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

const OPEN_SCHEMA_PATHS: string[] = [];
// The Swagger UI serves the document and its own assets; they are not part of the API it describes.
const UNDOCUMENTED_PREFIXES = ['/docs'];
// @fastify/cors answers every preflight through one hidden route.
const FRAMEWORK_ROUTES = ['OPTIONS *'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Doc = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  // The web app's files (served when web/dist is built) are not part of the API the document describes.
  t = await buildTestApp({ env: { SERVE_WEB: 'false' } });
  doc = (await t.request({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(async () => {
  await t.close();
});

/** Every "METHOD /path" the router holds, read from Fastify's route tree (HEAD routes are Fastify's own). */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.push(`${method} ${path}`);
  }
  return out;
}

/** Where a schema promises nothing: `{}` (Unknown) or a record of anything. */
function openParts(schema: unknown, at = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  const keys = Object.keys(s).filter((k) => k !== 'description' && k !== 'title');
  if (keys.length === 0) return [at];
  const found: string[] = [];
  const ap = s.additionalProperties;
  if (!s.properties && (ap === true || (ap && typeof ap === 'object' && Object.keys(ap).length === 0)))
    found.push(`${at}{*}`);
  else if (ap && typeof ap === 'object') found.push(...openParts(ap, `${at}{*}`));
  for (const [k, v] of Object.entries((s.properties ?? {}) as Schema)) found.push(...openParts(v, `${at}.${k}`));
  if (s.items) found.push(...openParts(s.items, `${at}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const [i, v] of ((s[key] ?? []) as unknown[]).entries()) found.push(...openParts(v, `${at}<${key}${i}>`));
  return found;
}

describe('the OpenAPI document', () => {
  it('lists every route the app registers, and nothing else', () => {
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter(
      (r) => !FRAMEWORK_ROUTES.includes(r) && !UNDOCUMENTED_PREFIXES.some((p) => r.split(' ')[1].startsWith(p)),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(50);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
  });

  it('describes a 2xx answer of every operation, with no open part outside the listed exceptions', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (OPEN_SCHEMA_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) continue;
      for (const method of METHODS) {
        const op = ops[method];
        if (!op) continue;
        const name = `${method.toUpperCase()} ${path}`;
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (ok.length === 0) problems.push(`${name}: no 2xx response`);
        for (const [status, response] of ok) {
          const content = Object.entries(response.content ?? {});
          // 204 No Content and a bodiless 202 Accepted (the password-reset request, API.md) declare no content.
          if (content.length === 0 && status !== '204' && status !== '202')
            problems.push(`${name} ${status}: no schema`);
          for (const [type, media] of content)
            for (const part of openParts(media.schema)) problems.push(`${name} ${status} ${type}: ${part} is open`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads the route tree and finds open parts as the checks above rely on', () => {
    expect(registeredRoutes('├── /a (GET, HEAD)\n│   ├── /:id (POST)\n│   │   └── /x (DELETE)\n└── /b (PUT)')).toEqual([
      'GET /a',
      'POST /a/{id}',
      'DELETE /a/{id}/x',
      'PUT /b',
    ]);
    const open = {
      type: 'object',
      properties: {
        a: {},
        b: { type: 'object', additionalProperties: {} },
        c: { type: 'array', items: { anyOf: [{ type: 'string' }, { description: 'x' }] } },
      },
    };
    expect(openParts(open)).toEqual(['$.a', '$.b{*}', '$.c[]<anyOf1>']);
    expect(openParts({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false })).toEqual(
      [],
    );
  });
});
