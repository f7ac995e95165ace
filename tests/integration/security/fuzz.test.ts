import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/app.js';
import { startTestSearch } from '../../helpers/search.js';
import { FUZZ_RUNS, FUZZ_SEED, fuzzOperation, sweepTextFields, textFields } from '../../helpers/security/fuzz.js';
import { loadOperations } from '../../helpers/security/openapi.js';
import { buildWorld, type World } from '../../helpers/security/world.js';

// Every /api operation with a body or a query string, from the running app's OpenAPI document; search runs on a
// real engine so that its routes answer rather than 503. Reproduce a failure with FUZZ_SEED (printed with it).
const search = await startTestSearch();
const t = await buildTestApp({ search: search.port });
const operations = (await loadOperations(t)).filter((op) => op.path.startsWith('/api/') && (op.body || op.query));

let w: World;
beforeAll(async () => {
  w = await buildWorld(t);
}, 180_000);
afterAll(async () => {
  await t.close();
  await search.stop();
});

describe(`schema-driven fuzzing (${FUZZ_RUNS} requests per route, seed ${FUZZ_SEED}): never a 5xx, never a change from a refused request`, () => {
  for (const op of operations) it(op.key, () => fuzzOperation(w, op), 120_000);
});

describe('control characters in every free-text field: stored or refused, never a 5xx', () => {
  for (const op of operations.filter((o) => textFields(o.body).length || textFields(o.query).length)) {
    it(
      op.key,
      async () => {
        expect(await sweepTextFields(w, op)).toEqual([]);
      },
      120_000,
    );
  }
});
