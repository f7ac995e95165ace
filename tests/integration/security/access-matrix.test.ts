import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/app.js';
import { startTestSearch } from '../../helpers/search.js';
import { ACCESS } from '../../helpers/security/access-matrix.js';
import { loadOperations, urlFor } from '../../helpers/security/openapi.js';
import { probeRoute } from '../../helpers/security/probe.js';
import { ROLE_OF, buildWorld, type World } from '../../helpers/security/world.js';

// The routes come from the running app's OpenAPI document, so a route that any feature adds is probed (and fails
// until the access matrix says who may call it).
const search = await startTestSearch();
const t = await buildTestApp({ search: search.port });
const operations = (await loadOperations(t)).filter((op) => op.path.startsWith('/api/'));

let w: World;
beforeAll(async () => {
  w = await buildWorld(t);
}, 180_000);
afterAll(async () => {
  await t.close();
  await search.stop();
});

describe('the access matrix', () => {
  it('has an entry for every /api route, and none for a route that is gone', () => {
    const missing = operations.filter((op) => !ACCESS[op.key]).map((op) => op.key);
    expect(missing, 'add these routes to tests/helpers/security/access-matrix.ts').toEqual([]);
    const gone = Object.keys(ACCESS).filter((key) => !operations.some((op) => op.key === key));
    expect(gone, 'remove these entries from tests/helpers/security/access-matrix.ts').toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });

  it('documents a bearer token exactly on the routes that require one', () => {
    const wrong = operations
      .filter((op) => ACCESS[op.key] && op.secured !== (ACCESS[op.key].auth !== 'public'))
      .map(
        (op) =>
          `${op.key}: ${op.secured ? 'documents a token it does not require' : 'requires a token it does not document'}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe("access by route, role and ownership (401 anonymous, 403 wrong role, 404 another party's resource)", () => {
  for (const op of operations) {
    it(op.key, async () => {
      const rule = ACCESS[op.key];
      expect(rule, `${op.key} has no entry in the access matrix`).toBeDefined();
      expect(await probeRoute(w, op, rule)).toEqual([]);
    });
  }
});

describe('a caller is refused before its input is read', () => {
  // Fastify validates before preHandler hooks: an anonymous caller or a wrong role sending a malformed request
  // would get 400 (and the schema's error details) instead of 401/403, and an anonymous client could make the
  // server parse and validate any body. Authentication belongs before validation.
  it('answers 401 to the anonymous and 403 to a wrong role even when the request is malformed', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const rule = ACCESS[op.key];
      if (!rule || rule.auth === 'public' || !(op.body || op.query || op.pathParams.length)) continue;
      const params = Object.fromEntries(op.pathParams.map((p) => [p, 'not an id']));
      const malformed = {
        method: op.method as 'GET',
        url: urlFor(
          op,
          params,
          op.query
            ? [
                ['unknownParameter', '1'],
                ['limit', '-1'],
              ]
            : [],
        ),
        ...(op.body ? { payload: '"not the expected body"', headers: { 'content-type': 'application/json' } } : {}),
      };
      const anonymous = await w.as('anonymous', malformed);
      if (anonymous.statusCode !== 401) wrong.push(`${op.key} anonymous: ${anonymous.statusCode}`);
      const outsider = Array.isArray(rule.auth)
        ? (['admin', 'seller', 'buyer', 'broker'] as const).find((c) => !rule.auth.includes(ROLE_OF[c]))
        : undefined;
      if (!outsider) continue;
      const res = await w.as(outsider, malformed);
      if (res.statusCode !== 403) wrong.push(`${op.key} ${outsider}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
