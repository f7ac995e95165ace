import fc from 'fast-check';
import { expectedFor, uploadRequest, type AccessRule } from './access-matrix.js';
import { validArbitrary, type JsonSchema } from './arbitrary.js';
import { toQueryPairs } from './mutations.js';
import { urlFor, type Operation } from './openapi.js';
import { changedTables, snapshot } from './snapshot.js';
import { CALLERS, type World } from './world.js';

export const SAMPLE_SEED = 20_260_302;

/** The smallest value the schema accepts (deterministic), or undefined without a schema. */
export function smallestValid(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  return fc.sample(validArbitrary(schema, { requiredOnly: true }), { seed: SAMPLE_SEED, numRuns: 1 })[0];
}

export const jsonRequest = (body: unknown) =>
  body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } };

const ACCESS_DENIED = [401, 403, 404];
const brief = (body: string) => body.replace(/\s+/g, ' ').slice(0, 160);

/**
 * Calls one route as every caller, for each resource case of its rule, and returns what differs from the rule:
 * a wrong status, or a refused request that changed a table. A caller who may act on a resource gets a new
 * one of the same kind (same owners) when the request may change it, so that the shared world stays as the
 * rule describes it for the probes that follow.
 */
export async function probeRoute(w: World, op: Operation, rule: AccessRule): Promise<string[]> {
  const problems: string[] = [];
  for (const c of rule.cases ?? [{}]) {
    for (const caller of CALLERS) {
      const expected = expectedFor(rule, c, caller);
      const mayChange = expected === 'allowed' && op.method !== 'GET';
      const params = c.resource ? (mayChange ? await w.fresh(c.resource) : w.params[c.resource]) : {};
      const query = c.query
        ? Object.entries(c.query)
        : toQueryPairs((smallestValid(op.query) ?? {}) as Record<string, unknown>);
      const request = c.upload
        ? uploadRequest()
        : jsonRequest(c.body ? await c.body(w, params) : smallestValid(op.body));
      const before = expected === 'allowed' ? null : await snapshot(w.t.ctx);
      const res = await w.as(caller, { method: op.method as 'GET', url: urlFor(op, params, query), ...request });
      const who = `${caller}${c.resource ? ` on ${c.resource}` : ''}`;
      if (expected === 'allowed') {
        if (ACCESS_DENIED.includes(res.statusCode) || res.statusCode >= 500)
          problems.push(`${who}: expected access, got ${res.statusCode} ${brief(res.body)}`);
        continue;
      }
      if (res.statusCode !== expected)
        problems.push(`${who}: expected ${expected}, got ${res.statusCode} ${brief(res.body)}`);
      const changed = changedTables(before!, await snapshot(w.t.ctx));
      if (changed.length) problems.push(`${who}: the refused request changed ${changed.join('; ')}`);
    }
  }
  return problems;
}
