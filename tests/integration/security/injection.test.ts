import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/content/exchange/csv.js';
import { buildTestApp } from '../../helpers/app.js';
import { startTestSearch } from '../../helpers/search.js';
import { loadOperations, schemaMentions, type Operation } from '../../helpers/security/openapi.js';
import { CSV_RECIPES, HIGHLIGHT_RECIPES } from '../../helpers/security/recipes.js';
import { buildWorld, type World } from '../../helpers/security/world.js';

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

const offersCsv = (op: Operation) =>
  op.produces.includes('text/csv') || (op.query?.properties?.format?.enum ?? []).includes('csv');
const csvExports = operations.filter(offersCsv);
const highlighting = operations.filter(
  (op) => schemaMentions(op.responseSchema, '_highlight') || schemaMentions(op.responseSchema, 'excerpt'),
);

// A spreadsheet runs a cell that starts with one of these (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV formula injection, in every CSV export', () => {
  it('finds the exports in the OpenAPI document, each with a recipe', () => {
    expect(csvExports.map((op) => op.key).sort()).toEqual(Object.keys(CSV_RECIPES).sort());
  });

  for (const op of csvExports) {
    it(`${op.key}: a cell that would run as a formula is written as text`, async () => {
      const recipe = CSV_RECIPES[op.key];
      expect(recipe, `add a recipe for ${op.key} to tests/helpers/security/recipes.ts`).toBeDefined();
      const planted = await recipe(w);
      const res = await w.as('admin', { method: 'GET', url: planted.url });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/csv');
      const cells = parseCsv(res.body).flat();
      expect(
        cells.filter((c) => FORMULA_START.test(c)),
        'cells a spreadsheet would run',
      ).toEqual([]);
      for (const value of planted.values) expect(cells, `the planted ${JSON.stringify(value)}`).toContain(`'${value}`);
    });
  }
});

// Whatever a highlight holds, only the exact <mark> and </mark> tags may be markup.
const MARKUP = /<\/?mark>/g;
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('HTML in user text is never returned as markup, in every highlighting search', () => {
  it('finds the highlighting searches in the OpenAPI document, each with a recipe', () => {
    expect(highlighting.map((op) => op.key).sort()).toEqual(Object.keys(HIGHLIGHT_RECIPES).sort());
  });

  for (const op of highlighting) {
    it(`${op.key}: highlights and excerpts escape everything but <mark>`, async () => {
      const recipe = HIGHLIGHT_RECIPES[op.key];
      expect(recipe, `add a recipe for ${op.key} to tests/helpers/security/recipes.ts`).toBeDefined();
      const planted = await recipe(w);
      const res = await w.as('anonymous', { method: 'GET', url: planted.url });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { hits?: unknown[]; items?: unknown[] };
      const hits = (body.hits ?? body.items ?? []) as { _highlight?: unknown; excerpt?: unknown }[];
      const marked = hits.flatMap((h) => strings([h._highlight, h.excerpt]));
      expect(
        marked.some((s) => s.includes('<mark>') && planted.values.some((v) => s.includes(v))),
        'the planted text is highlighted',
      ).toBe(true);
      expect(
        marked.some((s) => s.includes('&lt;')),
        'the planted tags come back escaped',
      ).toBe(true);
      expect(
        marked.filter((s) => /[<>]/.test(s.replace(MARKUP, ''))),
        'markup other than <mark>',
      ).toEqual([]);
      expect(
        marked.filter((s) => (s.match(/<mark>/g) ?? []).length !== (s.match(/<\/mark>/g) ?? []).length),
        'unbalanced <mark>',
      ).toEqual([]);
    });
  }
});

const WEB_SRC = join(dirname(fileURLToPath(import.meta.url)), '../../../web/src');
const sources = (readdirSync(WEB_SRC, { recursive: true }) as string[]).filter(
  (f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.|[\\/]testing[\\/]/.test(f),
);

describe('the web app renders user text as text', () => {
  it('puts HTML into the page only through the highlight sanitiser', () => {
    const unsafe: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(WEB_SRC, file), 'utf8');
      for (const m of text.matchAll(/dangerouslySetInnerHTML=\{\{\s*__html:\s*([^}]*)\}\}/g)) {
        if (!/^sanitizeHighlight\(/.test(m[1].trim())) unsafe.push(`${file}: ${m[0]}`);
      }
      const all = text.match(/dangerouslySetInnerHTML/g)?.length ?? 0;
      const checked = [...text.matchAll(/dangerouslySetInnerHTML=\{\{\s*__html:/g)].length;
      if (all !== checked)
        unsafe.push(`${file}: dangerouslySetInnerHTML not in the form {{ __html: sanitizeHighlight(...) }}`);
      for (const m of text.matchAll(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(/g))
        unsafe.push(`${file}: ${m[0]}`);
    }
    expect(sources.length).toBeGreaterThan(10);
    expect(unsafe).toEqual([]);
  });
});
