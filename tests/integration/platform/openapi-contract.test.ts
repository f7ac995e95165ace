import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAL_EVENT_TYPES } from '../../../src/shared/deal-events.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

// What a generated client relies on in the document: every operation named, tagged and secured as it runs,
// every error the one Problem component in application/problem+json, every status the platform answers
// declared, optional what has a default, uploads and deal events typed.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Media = Record<string, { schema?: Record<string, unknown> }>;
interface Op {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { content: Media };
  responses: Record<string, { content?: Media }>;
}
interface Doc {
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string; description?: string }>;
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Op>>>;
}

let t: TestApp;
let doc: Doc;
let ops: Array<{ name: string; path: string; method: string; op: Op }>;
beforeAll(async () => {
  t = await buildTestApp({ env: { SERVE_WEB: 'false' } });
  doc = (await t.request({ method: 'GET', url: '/docs/json' })).json();
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    METHODS.filter((m) => byMethod[m]).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      op: byMethod[method]!,
    })),
  );
});
afterAll(async () => {
  await t.close();
});

const missing = (pred: (o: (typeof ops)[number]) => boolean) => ops.filter(pred).map((o) => o.name);

describe('the OpenAPI document a generated client can trust', () => {
  it('names, tags and serves: unique operationIds, declared tags with descriptions, a server', () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    expect(missing((o) => !o.op.tags?.length || o.op.tags.some((tag) => !declared.get(tag)))).toEqual([]);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('every error answer is the one Problem component, as application/problem+json', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['code']),
    });
    const wrong: string[] = [];
    for (const { name, op } of ops)
      for (const [status, res] of Object.entries(op.responses))
        if (Number(status) >= 400 && JSON.stringify(res.content) !== JSON.stringify(PROBLEM))
          wrong.push(`${name} ${status}`);
    expect(wrong).toEqual([]);
  });

  it('declares the statuses the platform answers: 429 and 503 under /api, 400/404 on path ids, 413/415 on bodies', () => {
    const has = (op: Op, ...statuses: string[]) => statuses.every((s) => op.responses[s]);
    const api = ops.filter((o) => o.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(80);
    expect(missing((o) => o.path.startsWith('/api/') && !has(o.op, '400', '429', '503'))).toEqual([]);
    expect(missing((o) => o.path.includes('{') && !has(o.op, '400', '404'))).toEqual([]);
    expect(missing((o) => !!o.op.requestBody && !has(o.op, '413', '415'))).toEqual([]);
    expect(missing((o) => !!o.op.security?.length && !has(o.op, '401'))).toEqual([]);
  });

  it('declares security exactly where a token is checked: anonymous calls get 401 there and nowhere else', async () => {
    const wrong: string[] = [];
    for (const { name, path, method, op } of ops) {
      if (!path.startsWith('/api/')) continue;
      const url = path.replace(/\{[^}]+\}/g, 'lst_000000000000000000000');
      const res = await t.request({ method: method.toUpperCase() as 'GET', url, remoteAddress: '10.77.0.1' });
      const bearerRefusal = res.statusCode === 401 && String(res.headers['www-authenticate']).startsWith('Bearer');
      const required = op.security?.length === 1 && Object.keys(op.security[0]).includes('bearer');
      if (required !== bearerRefusal)
        wrong.push(`${name}: declared ${JSON.stringify(op.security)}, got ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('does not require what has a default', () => {
    const required = ops.flatMap(({ name, op }) =>
      (op.parameters ?? [])
        .filter((p) => p.required && p.schema && 'default' in p.schema)
        .map((p) => `${name} ${p.name}`),
    );
    expect(required).toEqual([]);
    const search = doc.paths['/api/search/listings']!.get!.parameters!;
    expect(search.filter((p) => ['limit', 'offset'].includes(p.name)).map((p) => p.required)).toEqual([false, false]);
  });

  it('types uploads as multipart with a file part, and downloads by their media type', () => {
    const uploads = ops.filter((o) => o.op.requestBody?.content['multipart/form-data']);
    expect(uploads.map((o) => o.name).sort()).toEqual([
      'POST /api/deals/{id}/documents',
      'POST /api/invoices/{id}/receipts',
      'POST /api/listings/{id}/attachments',
    ]);
    for (const u of uploads)
      expect(u.op.requestBody!.content['multipart/form-data'].schema).toMatchObject({
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      });
    const pdf = doc.paths['/api/invoices/{id}/pdf']!.get!.responses['200'].content!;
    expect(Object.keys(pdf)).toEqual(['application/pdf']);
  });

  it('shows deal events as a union told apart by type, one member per event of the shared core', () => {
    const body = doc.paths['/api/deals/{id}/events']!.post!.requestBody!.content['application/json'].schema as {
      oneOf: Array<{ $ref: string }>;
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(body.discriminator.propertyName).toBe('type');
    expect(Object.keys(body.discriminator.mapping).sort()).toEqual([...DEAL_EVENT_TYPES].sort());
    expect(body.oneOf).toHaveLength(DEAL_EVENT_TYPES.length);
    for (const [type, ref] of Object.entries(body.discriminator.mapping)) {
      const member = doc.components.schemas[ref.split('/').pop()!] as {
        properties: Record<string, { enum?: string[] }>;
      };
      expect(member.properties.type.enum ?? [(member.properties.type as { const?: string }).const]).toEqual([type]);
    }
    const propose = doc.components.schemas.DealEventProposeTerms as { properties: { terms: { anyOf?: unknown[] } } };
    expect(propose.properties.terms.anyOf).toHaveLength(4);
  });
});

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
