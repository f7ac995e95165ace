import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { ACCESS, expectedFor } from './access-matrix.js';
import { validArbitrary, type JsonSchema } from './arbitrary.js';
import { mutatedBody, mutatedPathParam, mutatedQuery, toQueryPairs, type QueryPairs } from './mutations.js';
import { urlFor, type Operation } from './openapi.js';
import { jsonRequest, smallestValid } from './probe.js';
import { changedTables, snapshot, type Snapshot } from './snapshot.js';
import { CALLERS, type Caller, type Params, type World } from './world.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_302);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 40);

interface FuzzInput {
  body?: string;
  query: QueryPairs;
  path: [string, string] | null;
}

const encodable = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};
// The router refuses a longer path segment before any hook runs; that answer has a test of its own (attacks).
const MAX_PARAM_LENGTH = 100;

/** Valid requests (one in three) and spoiled ones, derived from the operation's body and query schemas. */
export function requestArbitrary(op: Operation): fc.Arbitrary<FuzzInput> {
  const body = op.body
    ? fc.oneof(
        { weight: 1, arbitrary: validArbitrary(op.body).map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: mutatedBody(op.body) },
      )
    : fc.constant(undefined);
  const query = op.query
    ? fc.oneof(
        { weight: 1, arbitrary: validArbitrary(op.query).map((v) => toQueryPairs(v as Record<string, unknown>)) },
        { weight: 2, arbitrary: mutatedQuery(op.query) },
      )
    : fc.constant([] as QueryPairs);
  const path = op.pathParams.length
    ? fc.option(
        fc.tuple(
          fc.constantFrom(...op.pathParams),
          mutatedPathParam.filter((s) => s.length <= MAX_PARAM_LENGTH && encodable(s)),
        ),
        { nil: null, freq: 6 },
      )
    : fc.constant(null);
  return fc.record({ body, query, path });
}

/** A caller the access matrix lets through, and the shared resource its first case names. */
export function authorisedCall(w: World, op: Operation): { caller: Caller; params: Params } {
  const rule = ACCESS[op.key];
  if (!rule)
    throw new Error(`${op.key} has no entry in the access matrix: add it to tests/helpers/security/access-matrix.ts`);
  const c = rule.cases?.[0] ?? {};
  const order: Caller[] = ['admin', 'seller', 'buyer', 'broker', ...CALLERS];
  const caller = order.find((k) => expectedFor(rule, c, k) === 'allowed');
  if (!caller) throw new Error(`No caller may use ${op.key}`);
  return { caller, params: c.resource ? w.params[c.resource] : {} };
}

const PROBLEM_CODE = /^[A-Z][A-Z_]+$/;

/** What is wrong with one answer, if anything. */
function verdict(res: LightMyRequestResponse, changed: string[]): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('text/html')) return `answered text/html (${res.statusCode})`;
  if (
    Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') ||
    ({} as Record<string, unknown>).polluted !== undefined
  ) {
    return 'Object.prototype was polluted';
  }
  if (res.statusCode < 400) return null;
  if (changed.length) return `refused with ${res.statusCode} but changed ${changed.join('; ')}`;
  if (!type.startsWith('application/problem+json'))
    return `refused with ${res.statusCode} as ${type || 'no content type'}, not problem+json`;
  const code = (res.json() as { code?: unknown }).code;
  if (typeof code !== 'string' || !PROBLEM_CODE.test(code))
    return `refused with ${res.statusCode} without a stable code`;
  return null;
}

/**
 * Sends FUZZ_RUNS generated requests to one operation as an authorised caller and fails on the first answer
 * that is a 5xx, HTML, a problem without a code, a polluted prototype, or a refusal that changed a table.
 */
export async function fuzzOperation(w: World, op: Operation, numRuns = FUZZ_RUNS): Promise<void> {
  const { caller, params } = authorisedCall(w, op);
  let last: Snapshot = await snapshot(w.t.ctx);
  await fc.assert(
    fc.asyncProperty(requestArbitrary(op), async (input) => {
      const url = urlFor(op, input.path ? { ...params, [input.path[0]]: input.path[1] } : params, input.query);
      const res = await w.as(caller, {
        method: op.method as 'GET',
        url,
        ...(input.body === undefined ? {} : { payload: input.body, headers: { 'content-type': 'application/json' } }),
      });
      const now = await snapshot(w.t.ctx);
      const problem = verdict(res, changedTables(last, now));
      last = now;
      if (problem) {
        throw new Error(
          `${op.key} as ${caller} ${problem} (FUZZ_SEED=${FUZZ_SEED})\n  ${op.method} ${url.slice(0, 500)}\n  body: ${(input.body ?? '').slice(0, 500)}\n  answer: ${res.body.slice(0, 300)}`,
        );
      }
    }),
    { numRuns, seed: FUZZ_SEED, endOnFailure: true },
  );
}

/** Characters that text columns may refuse: NUL (PostgreSQL text cannot hold it) and a lone surrogate. */
export const HOSTILE_TEXT = ['a\u0000b', 'a\uD800b'];

interface TextField {
  path: string[];
  minLength: number;
  pattern?: RegExp;
}

/** Every free-text string in a schema (no enum or format), through objects and arrays of strings. */
export function textFields(s: JsonSchema | undefined, prefix: string[] = []): TextField[] {
  if (!s) return [];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('string'))
    return s.enum || s.format
      ? []
      : [{ path: prefix, minLength: s.minLength ?? 0, pattern: s.pattern ? new RegExp(s.pattern) : undefined }];
  if (types.includes('array') && s.items) return textFields(s.items, [...prefix, '[]']);
  return Object.entries(s.properties ?? {}).flatMap(([k, v]) => textFields(v, [...prefix, k]));
}

function withValueAt(base: unknown, path: string[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '[]') return [withValueAt(undefined, rest, value)];
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  obj[head] = withValueAt(obj[head], rest, value);
  return obj;
}

/**
 * Puts each hostile text into each string field of a request that is otherwise the access matrix's good one,
 * one field at a time, so the text gets past validation to the service and the database. Returns the answers
 * that were 5xx.
 */
export async function sweepTextFields(w: World, op: Operation): Promise<string[]> {
  const { caller, params } = authorisedCall(w, op);
  const c = ACCESS[op.key].cases?.[0] ?? {};
  const failures: string[] = [];
  for (const part of ['body', 'query'] as const) {
    for (const { path, minLength, pattern } of textFields(part === 'body' ? op.body : op.query)) {
      for (const hostile of HOSTILE_TEXT) {
        const text = hostile.padEnd(minLength, 'x');
        if (pattern && !pattern.test(text)) continue;
        const body = c.body ? await c.body(w, params) : smallestValid(op.body);
        const query = c.query ?? ((smallestValid(op.query) ?? {}) as Record<string, unknown>);
        const req =
          part === 'body'
            ? { url: urlFor(op, params, toQueryPairs(query)), ...jsonRequest(withValueAt(body, path, text)) }
            : {
                url: urlFor(op, params, toQueryPairs(withValueAt(query, path, text) as Record<string, unknown>)),
                ...jsonRequest(body),
              };
        const res = await w.as(caller, { method: op.method as 'GET', ...req });
        if (res.statusCode >= 500)
          failures.push(`${part}.${path.join('.')} = ${JSON.stringify(text)}: ${res.statusCode}`);
      }
    }
  }
  return failures;
}
