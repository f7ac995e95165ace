import { describe, expect, it } from 'vitest';
import { buildPolicySearch, PolicySearchParamError } from '../../../src/content/policies/search-query.js';

// The filter expression is built from closed sets and integers only; no database or engine is needed to check it.
describe('policy search query', () => {
  it('writes enum values quoted and years as integers, AND across parameters', () => {
    const built = buildPolicySearch({
      q: ' 成果转化 ',
      level: ['corps', 'national', 'corps'],
      year: [2016, 2015],
      category: ['law'],
      limit: 20,
      offset: 40,
    });
    expect(built.q).toBe('成果转化');
    expect(built.options.filter).toEqual([
      'level IN ["corps", "national"]',
      'category IN ["law"]',
      'year IN [2016, 2015]',
    ]);
    expect(built.options).toMatchObject({ facets: ['level', 'year', 'category'], limit: 20, offset: 40 });
    expect(built.options).not.toHaveProperty('sort');
  });

  it('sorts by issue date, newest first, when there is no query text', () => {
    expect(buildPolicySearch({ limit: 5, offset: 0 }).options).toMatchObject({ filter: [], sort: ['date:desc'] });
  });

  it('keeps hostile text out of the filter and refuses values outside the closed sets', () => {
    const built = buildPolicySearch({ q: '" OR level = "national', limit: 5, offset: 0 });
    expect(built.options.filter).toEqual([]);
    const bad = [
      { level: ['corps" OR 1=1'] },
      { year: [1800] },
      { year: [2016.5] },
      { category: ['astrology'] },
      { level: 'corps' },
    ];
    for (const p of bad)
      expect(() => buildPolicySearch({ ...p, limit: 5, offset: 0 } as Parameters<typeof buildPolicySearch>[0])).toThrow(
        PolicySearchParamError,
      );
    expect(() => buildPolicySearch({ limit: 101, offset: 0 })).toThrow(/limit/);
    expect(() => buildPolicySearch({ limit: 5, offset: 5000 })).toThrow(/offset/);
    expect(() => buildPolicySearch({ q: '成'.repeat(201), limit: 5, offset: 0 })).toThrow(/at most 200/);
  });
});
