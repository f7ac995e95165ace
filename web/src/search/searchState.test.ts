import { REGION_CODES } from '../../../src/shared/regions.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEAL_FORMS, FIELDS, IP_TYPES, TRL_MAX, TRL_MIN } from '../../../src/shared/listing.ts';
import {
  EMPTY_SEARCH,
  MAX_PAGE,
  activeFilterCount,
  PAGE_SIZE,
  SORTS,
  pageCount,
  parseSearchParams,
  refine,
  toApiQuery,
  toSearchParams,
  toggleFacet,
  type SearchState,
} from './searchState.js';

/** A subset of `values`, in their canonical order: what a parsed state holds. */
const subsetOf = <T>(values: readonly T[]) => fc.subarray([...values]);

const trl = fc.integer({ min: TRL_MIN, max: TRL_MAX });

const searchStates: fc.Arbitrary<SearchState> = fc
  .record({
    // Text as a reader could type it: trimmed (the parser trims) and within the bounds.
    q: fc.string({ maxLength: 200 }).map((s) => s.trim()),
    field: subsetOf(FIELDS),
    trlRange: fc.tuple(trl, trl).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
    dealType: subsetOf(DEAL_FORMS),
    ipType: subsetOf(IP_TYPES),
    region: fc.constantFrom('', ...REGION_CODES),
    sort: fc.constantFrom(...SORTS),
    page: fc.integer({ min: 1, max: MAX_PAGE }),
  })
  .map(({ trlRange: [trlMin, trlMax], ...rest }) => ({ ...rest, trlMin, trlMax }));

describe('search state in the URL', () => {
  it('round-trips: state → URL params → state gives the same state', () => {
    fc.assert(
      fc.property(searchStates, (state) => {
        expect(parseSearchParams(new URLSearchParams(toSearchParams(state).toString()))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('is canonical: any URL, once parsed, serialises to a fixed point', () => {
    const anyParams = fc.array(
      fc.tuple(
        fc.constantFrom('q', 'field', 'trlMin', 'trlMax', 'dealType', 'ipType', 'region', 'sort', 'page', 'other'),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(anyParams, (entries) => {
        const once = toSearchParams(parseSearchParams(new URLSearchParams(entries))).toString();
        const twice = toSearchParams(parseSearchParams(new URLSearchParams(once))).toString();
        expect(twice).toBe(once);
      }),
    );
  });

  it('reads a shared URL, dropping unknown and repeated values and ordering facets', () => {
    const params = new URLSearchParams(
      'q=+%E8%8A%82%E6%B0%B4+&field=smart_city&field=bogus&field=new_energy&field=smart_city&trlMin=6' +
        '&dealType=license&ipType=none&region=660800&sort=price_desc&page=3&utm=x',
    );
    expect(parseSearchParams(params)).toEqual({
      q: '节水',
      field: ['new_energy', 'smart_city'],
      trlMin: 6,
      trlMax: TRL_MAX,
      dealType: ['license'],
      ipType: ['none'],
      region: '660800',
      sort: 'price_desc',
      page: 3,
    });
  });

  it.each([
    ['trlMin=8&trlMax=3', 3, 8],
    ['trlMin=0&trlMax=10', TRL_MIN, TRL_MAX],
    ['trlMin=5.5&trlMax=x', TRL_MIN, TRL_MAX],
    ['trlMax=4', TRL_MIN, 4],
  ])('reads the readiness range of %s as %i..%i', (query, min, max) => {
    expect(parseSearchParams(new URLSearchParams(query))).toMatchObject({ trlMin: min, trlMax: max });
  });

  it.each(['0', '-2', '1.5', 'abc', String(MAX_PAGE + 1)])('falls back to page 1 for page=%s', (page) => {
    expect(parseSearchParams(new URLSearchParams({ page })).page).toBe(1);
  });

  it('falls back to relevance for an unknown sort', () => {
    expect(parseSearchParams(new URLSearchParams({ sort: 'price;DROP' })).sort).toBe('relevance');
  });

  it('leaves defaults out of the URL', () => {
    expect(toSearchParams(EMPTY_SEARCH).toString()).toBe('');
    expect(toSearchParams({ ...EMPTY_SEARCH, q: 'cotton', page: 2 }).toString()).toBe('q=cotton&page=2');
  });
});

describe('search state changes', () => {
  const state: SearchState = { ...EMPTY_SEARCH, q: '棉花', field: ['new_energy'], page: 4 };

  it('starts a refined search at page 1', () => {
    expect(refine(state, { sort: 'newest' })).toEqual({ ...state, sort: 'newest', page: 1 });
  });

  it('toggles facet values on and off in canonical order', () => {
    const added = toggleFacet(state, 'field', 'modern_agriculture');
    expect(added.field).toEqual(['modern_agriculture', 'new_energy']);
    expect(added.page).toBe(1);
    expect(toggleFacet(added, 'field', 'new_energy').field).toEqual(['modern_agriculture']);
    expect(toggleFacet(state, 'ipType', 'none').ipType).toEqual(['none']);
  });

  it('counts active filters, the readiness range as one', () => {
    expect(activeFilterCount(EMPTY_SEARCH)).toBe(0);
    expect(activeFilterCount({ ...state, trlMin: 4, trlMax: 7, region: '660800' })).toBe(3);
  });

  it('asks the API for the page as limit and offset', () => {
    const query = toApiQuery({ ...state, trlMin: 6, sort: 'trl_desc' });
    expect(query.toString()).toBe(
      `q=%E6%A3%89%E8%8A%B1&field=new_energy&trlMin=6&sort=trl_desc&limit=${PAGE_SIZE}&offset=${3 * PAGE_SIZE}`,
    );
  });

  it.each([
    [0, 1],
    [1, 1],
    [20, 1],
    [21, 2],
    [10_000_000, MAX_PAGE],
  ])('counts %i hits as %i pages', (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});
