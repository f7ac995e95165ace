import type { TestApp } from '../app.js';
import type { JsonSchema } from './arbitrary.js';
import type { QueryPairs } from './mutations.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One operation of the OpenAPI document: what the security tests iterate over. */
export interface Operation {
  method: string;
  /** The OpenAPI path, with {param} placeholders. */
  path: string;
  /** "METHOD path", the key of the access matrix. */
  key: string;
  pathParams: string[];
  /** The JSON body schema, when the operation takes a JSON body. */
  body?: JsonSchema;
  /** Other body media types it declares (multipart, CSV). */
  otherMediaTypes: string[];
  /** The query parameters as one object schema (required: those without a default). */
  query?: JsonSchema;
  /** Declared response media types of its 200 answer. */
  produces: string[];
  responseSchema?: JsonSchema;
  /** Whether the document says it needs a bearer token. */
  secured: boolean;
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface OpenApiOperation {
  security?: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/**
 * Every operation the running app documents. The document is generated from the registered routes' schemas,
 * so a route added by any feature appears here without anyone listing it.
 */
export async function loadOperations(t: TestApp): Promise<Operation[]> {
  const res = await t.request({ method: 'GET', url: '/docs/json' });
  if (res.statusCode !== 200) throw new Error(`GET /docs/json answered ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const content = op.requestBody?.content ?? {};
      const ok = op.responses?.['200']?.content ?? op.responses?.['201']?.content ?? {};
      ops.push({
        method: m.toUpperCase(),
        path,
        key: `${m.toUpperCase()} ${path}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        body: content['application/json']?.schema,
        otherMediaTypes: Object.keys(content).filter((c) => c !== 'application/json'),
        query: queryParams.length
          ? {
              type: 'object',
              properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
              // The generator marks defaulted parameters required; a caller may leave them out.
              required: queryParams.filter((p) => p.required && p.schema.default === undefined).map((p) => p.name),
            }
          : undefined,
        produces: Object.keys(ok),
        responseSchema: ok['application/json']?.schema,
        // A token is required when every alternative names a scheme: `{}` among them means "or none" (optional).
        secured: !!op.security?.length && op.security.every((alt) => Object.keys(alt).length > 0),
      });
    }
  }
  return ops;
}

/** The concrete URL of an operation for these path parameters and query pairs. */
export function urlFor(op: Pick<Operation, 'path'>, params: Record<string, string>, query: QueryPairs = []): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`No value for path parameter ${name} of ${op.path}`);
    return encodeURIComponent(params[name]);
  });
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Whether a schema (or anything inside it) declares this property name. */
export function schemaMentions(schema: unknown, property: string): boolean {
  if (!schema || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some((s) => schemaMentions(s, property));
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object' && property in (s.properties as object)) return true;
  return Object.values(s).some((v) => schemaMentions(v, property));
}
