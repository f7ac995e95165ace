import type { SwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { accessOf } from './auth.js';
import { ProblemSchema } from './errors.js';

// The OpenAPI document is finished here, once for every route, so a feature's routes get it for free: an
// operationId, the security its access hook needs, every error status the platform itself can answer, each as
// the one Problem component in application/problem+json, and optional what has a default. A route declares only
// what is its own (its body, its answers, a 409 of its rules).

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the document shows as the request body when the route validates it more loosely than it is. */
    openapiBody?: unknown;
  }
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  accounts: 'Registration, login, sessions and users',
  admin: 'The bureau’s administration (admin only)',
  cases: 'Success stories (典型案例)',
  deals: 'Deals: licences, transfers, equity and cooperation, event by event',
  demands: 'Technology demands (技术需求) and their matches',
  invoices: 'Invoices, payments and settlements',
  listings: 'Technologies offered (科技成果), their review and attachments',
  notifications: 'The caller’s notifications',
  organizations: 'Organizations and their members',
  packages: 'Technology packages (科技成果包)',
  platform: 'Liveness and readiness',
  policies: 'Policies (政策)',
  reports: 'Reports for the bureau',
  'saved searches': 'Saved searches and their alerts',
  search: 'Full-text search',
  stats: 'Dashboard figures',
  vouchers: 'Innovation vouchers (创新券)',
};

const STATUS_TEXT: Record<string, string> = {
  '400': 'The request is malformed or has invalid fields',
  '401': 'No valid access token, or its session has ended',
  '403': 'The caller may not do this',
  '404': 'Not found, or not visible to the caller',
  '405': 'Method not allowed',
  '409': 'Conflicts with the current state',
  '413': 'The request body is larger than allowed',
  '415': 'The request body is not in an accepted media type',
  '429': 'Too many requests; `retry-after` says when to try again',
  '503': 'A dependency (database, search) is unavailable; try again shortly',
};

/** `GET /api/deals/:id/events` → `getDealsByIdEvents`: unique because method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((s) => s && s !== 'api')
    .map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s))
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

type Doc = Record<string, unknown>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; required?: boolean; schema?: Doc }>;
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  'x-role-check'?: boolean;
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const problemResponse = (status: string) => ({
  description: STATUS_TEXT[status] ?? 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: PROBLEM_REF } },
});
const hooksOf = (route: RouteOptions) =>
  [route.onRequest, route.preValidation, route.preHandler].flat().filter((h) => typeof h === 'function');

/** Per route, before the document is built: operationId, security, the upload body. */
function transform({ schema, url, route }: { schema: Doc; url: string; route: RouteOptions }) {
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  const access = hooksOf(route)
    .map((h) => accessOf(h))
    .find(Boolean);
  const out: Doc = {
    ...schema,
    operationId: schema?.operationId ?? operationIdOf(method, url),
    security: !access ? [] : access === 'optional' ? [{ bearer: [] }, {}] : [{ bearer: [] }],
  };
  // A role check answers 403 to the wrong role; other 403s (ownership) are the route's own to declare.
  if (access === 'role') out['x-role-check'] = true;
  // An upload (platform/files.ts) consumes multipart/form-data and has no body schema: one required `file` part.
  if ((schema?.consumes as string[] | undefined)?.includes('multipart/form-data') && !schema.body) {
    out.body = {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The file' } },
    };
  }
  if (route.config?.openapiBody) out.body = route.config.openapiBody;
  return { schema: out, url };
}

/** A parameter or property with a default is not required of the client, whatever the server's schema says. */
function defaultsOptional(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as { properties?: Record<string, Doc>; required?: string[] };
  if (s.properties && s.required) {
    s.required = s.required.filter((k) => !(s.properties![k] && 'default' in s.properties![k]));
    if (s.required.length === 0) delete s.required;
  }
  for (const v of Object.values(s)) if (v && typeof v === 'object') defaultsOptional(v);
}

/** The statuses the platform answers for this operation, whatever its handler does. */
function platformStatuses(path: string, op: Operation): string[] {
  const statuses: string[] = [];
  const api = path.startsWith('/api/');
  if (api) statuses.push('400', '429', '503');
  if (path === '/ready') statuses.push('503');
  if (op.parameters?.some((p) => p.in === 'path')) statuses.push('400', '404');
  if (op.requestBody) statuses.push('400', '413', '415');
  if (op.security?.length) statuses.push('401');
  if (op['x-role-check']) statuses.push('403');
  return statuses;
}

function finishOperation(path: string, op: Operation) {
  for (const p of op.parameters ?? []) if (p.schema && 'default' in p.schema) p.required = false;
  for (const media of Object.values(op.requestBody?.content ?? {})) defaultsOptional(media);
  const statuses = new Set([
    ...Object.keys(op.responses).filter((s) => Number(s) >= 400),
    ...platformStatuses(path, op),
  ]);
  for (const status of [...statuses].sort()) op.responses[status] = problemResponse(status);
  delete op['x-role-check'];
}

/** A union told apart by a discriminator has exactly one matching member: oneOf, as OpenAPI expects. */
function discriminatedOneOf(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const s = node as Doc;
  if (s.discriminator && Array.isArray(s.anyOf)) {
    s.oneOf = s.anyOf;
    delete s.anyOf;
  }
  for (const v of Object.values(s)) discriminatedOneOf(v);
}

/** Components named after their schema's `$id` instead of `def-N`, and every `$ref` to them rewritten. */
function nameComponents(doc: Doc): Doc {
  const components = doc.components as { schemas: Record<string, Doc> };
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, schema] of Object.entries(components.schemas)) {
    const title = typeof schema.title === 'string' && /^[A-Za-z]+$/.test(schema.title) ? schema.title : null;
    const name = title && !taken.has(title) ? title : key;
    taken.add(name);
    renames.set(`#/components/schemas/${key}`, `#/components/schemas/${name}`);
  }
  const text = JSON.stringify(doc).replace(/"\$ref":"(#\/components\/schemas\/[^"]+)"/g, (m, ref: string) =>
    renames.has(ref) ? `"$ref":"${renames.get(ref)}"` : m,
  );
  const out = JSON.parse(text) as Doc;
  const schemas = (out.components as { schemas: Record<string, Doc> }).schemas;
  (out.components as { schemas: Record<string, Doc> }).schemas = Object.fromEntries(
    Object.entries(schemas).map(([key, s]) => [renames.get(`#/components/schemas/${key}`)!.split('/').pop()!, s]),
  );
  return out;
}

/** After the document is built: Problem, tags, servers, and every operation's error answers. */
function transformObject({ openapiObject }: { openapiObject: Doc }): Doc {
  const doc = nameComponents(openapiObject);
  const components = doc.components as { schemas: Record<string, Doc> };
  const { $id: _id, ...problem } = JSON.parse(JSON.stringify(ProblemSchema)) as Doc;
  components.schemas.Problem = { ...problem, title: 'Problem', description: 'RFC 9457 problem details' };
  discriminatedOneOf(doc);
  const used = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Operation>>))
    for (const op of Object.values(ops)) {
      finishOperation(path, op);
      for (const tag of op.tags ?? []) used.add(tag);
    }
  return {
    ...doc,
    servers: [{ url: '/', description: 'This server (the API and the web app share one origin)' }],
    tags: [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name}` })),
  };
}

export function swaggerOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tech Transfer Exchange API', description: '科技成果转移转化交易平台 HTTP API', version: '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: transform as never,
    transformObject: transformObject as never,
  };
}
