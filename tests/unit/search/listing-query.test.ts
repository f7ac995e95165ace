import { REGION_CODES } from '../../../src/shared/regions.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG, LISTING_HIGHLIGHT_ATTRIBUTES } from '../../../search/highlight.js';
import {
  LISTING_FACETS,
  LISTING_SORTS,
  MAX_OFFSET,
  SearchParamError,
  buildListingSearch,
  type ListingSearchParams,
} from '../../../search/listing-query.js';
import { listingIndexSettings } from '../../../search/settings.js';

const build = (p: Partial<ListingSearchParams>) => buildListingSearch({ limit: 20, offset: 0, ...p });
const filterOf = (p: Partial<ListingSearchParams>) => build(p).options.filter;
// Parameters arrive typed from the route; hostile values are what a bypassed or buggy route could pass.
const hostile = (p: Record<string, unknown>) => () => build(p as Partial<ListingSearchParams>);

describe('buildListingSearch: filters', () => {
  it('emits no filter without parameters', () => {
    expect(filterOf({})).toEqual([]);
  });

  it('maps each enum parameter onto its attribute, quoted', () => {
    expect(filterOf({ field: ['modern_agriculture'] })).toEqual(['field IN ["modern_agriculture"]']);
    expect(filterOf({ dealType: ['license', 'equity'] })).toEqual(['dealTypes IN ["license", "equity"]']);
    expect(filterOf({ ipType: ['invention_patent'] })).toEqual(['ipType IN ["invention_patent"]']);
    expect(filterOf({ stage: ['pilot'] })).toEqual(['stage IN ["pilot"]']);
    expect(filterOf({ level: ['domestic_leading'] })).toEqual(['level IN ["domestic_leading"]']);
    expect(filterOf({ category: ['soft_science'] })).toEqual(['category IN ["soft_science"]']);
    expect(filterOf({ form: ['new_variety'] })).toEqual(['form IN ["new_variety"]']);
    expect(filterOf({ fundingSource: ['fiscal_corps'] })).toEqual(['fundingSource IN ["fiscal_corps"]']);
  });

  it('accepts region codes of the closed set, and organization ids', () => {
    expect(filterOf({ region: ['660800'] })).toEqual(['region IN ["660800"]']);
    expect(filterOf({ region: ['660800', '320000'] })).toEqual(['region IN ["660800", "320000"]']);
    expect(filterOf({ organizationId: ['org_01hzx9k2a8b7c6d5e4f3g2h1'] })).toEqual([
      'organizationId IN ["org_01hzx9k2a8b7c6d5e4f3g2h1"]',
    ]);
  });

  it('ORs within a parameter, ANDs across parameters, and drops duplicates', () => {
    expect(
      filterOf({ field: ['new_energy', 'new_materials', 'new_energy'], dealType: ['license'], trlMin: 5 }),
    ).toEqual(['field IN ["new_energy", "new_materials"]', 'dealTypes IN ["license"]', 'trl >= 5']);
  });

  it('builds TRL ranges from numbers only', () => {
    expect(filterOf({ trlMin: 4, trlMax: 7 })).toEqual(['trl 4 TO 7']);
    expect(filterOf({ trlMin: 3, trlMax: 3 })).toEqual(['trl 3 TO 3']);
    expect(filterOf({ trlMin: 6 })).toEqual(['trl >= 6']);
    expect(filterOf({ trlMax: 2 })).toEqual(['trl <= 2']);
    expect(() => build({ trlMin: 7, trlMax: 4 })).toThrow(SearchParamError);
    for (const bad of [0, 10, 4.5, Number.NaN, Infinity])
      expect(() => build({ trlMin: bad })).toThrow(SearchParamError);
    expect(hostile({ trlMax: '7 OR trl > 0' })).toThrow(SearchParamError);
  });
});

describe('buildListingSearch: hostile values never reach a filter', () => {
  it('rejects values outside the enums', () => {
    expect(hostile({ field: ['modern_agriculture" OR field != "x'] })).toThrow(SearchParamError);
    expect(hostile({ dealType: ['license OR trl > 0'] })).toThrow(SearchParamError);
    expect(hostile({ ipType: ['Invention_Patent'] })).toThrow(SearchParamError);
    expect(hostile({ stage: [''] })).toThrow(SearchParamError);
    expect(hostile({ level: [1] })).toThrow(SearchParamError);
    expect(hostile({ field: 'modern_agriculture' })).toThrow(/must be a list/);
  });

  it('rejects regions outside the set: names, city codes, quotes, backslashes, control characters, operators', () => {
    for (const region of [
      '第八师石河子市',
      '659001',
      '661500',
      '第八师" OR region != "',
      'a\\"b',
      '第八师\n',
      'x\u0000',
      'a = b',
      '第八师;',
      '(',
      '--',
      ' 第八师',
      '第八师 ',
      '',
      'x'.repeat(51),
      '65900',
    ]) {
      expect(hostile({ region: [region] }), JSON.stringify(region)).toThrow(SearchParamError);
    }
  });

  it('rejects organization ids outside the id pattern', () => {
    for (const id of ['org 1', 'org"1', 'org\\1', 'org_1 OR 1', '', 'a'.repeat(65), 'org_一']) {
      expect(hostile({ organizationId: [id] }), JSON.stringify(id)).toThrow(SearchParamError);
    }
  });

  it('bounds the number of values', () => {
    expect(() => build({ region: REGION_CODES.slice(0, 21) })).toThrow(/at most 20/);
  });

  it('never emits a region that could leave its quotes, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (region) => {
        let filter: string[];
        try {
          filter = filterOf({ region: [region] });
        } catch (err) {
          expect(err).toBeInstanceOf(SearchParamError);
          return;
        }
        expect(filter).toEqual([`region IN ["${region}"]`]);
        expect(REGION_CODES).toContain(region);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('buildListingSearch: query, sort, paging, presentation', () => {
  it('trims the query and bounds its length', () => {
    expect(build({ q: '  节水灌溉  ' }).q).toBe('节水灌溉');
    expect(build({ q: '节'.repeat(200) }).q).toHaveLength(200);
    expect(() => build({ q: '节'.repeat(201) })).toThrow(SearchParamError);
    expect(hostile({ q: 42 })).toThrow(SearchParamError);
  });

  it('maps every sort onto sortable attributes, with a stable tie-break', () => {
    expect(build({ q: '滴灌', sort: 'relevance' }).options.sort).toBeUndefined();
    expect(build({ q: '滴灌' }).options.sort).toBeUndefined();
    expect(build({ sort: 'newest' }).options.sort).toEqual(['publishedAt:desc']);
    expect(build({ sort: 'price_asc' }).options.sort).toEqual(['askingPrice:asc', 'publishedAt:desc']);
    expect(build({ sort: 'price_desc' }).options.sort).toEqual(['askingPrice:desc', 'publishedAt:desc']);
    expect(build({ sort: 'trl_desc' }).options.sort).toEqual(['trl:desc', 'publishedAt:desc']);
    expect(build({ sort: 'trl_asc' }).options.sort).toEqual(['trl:asc', 'publishedAt:desc']);
    expect(hostile({ sort: 'askingPrice:asc' })).toThrow(SearchParamError);
  });

  it('shows the newest first when there is no query to be relevant to', () => {
    expect(build({ q: '   ' }).options.sort).toEqual(['publishedAt:desc']);
  });

  it('checks limit and offset', () => {
    expect(build({ limit: 100, offset: MAX_OFFSET }).options).toMatchObject({ limit: 100, offset: MAX_OFFSET });
    for (const limit of [0, 101, 2.5]) expect(() => build({ limit })).toThrow(/limit/);
    for (const offset of [-1, MAX_OFFSET + 1, 0.5]) expect(() => build({ offset })).toThrow(/offset/);
  });

  it('asks for facets, highlights in private markers, and a cropped summary', () => {
    const { options } = build({ q: '棉花' });
    expect(options.facets).toEqual([...LISTING_FACETS]);
    expect(options.highlightPreTag).toBe(HIGHLIGHT_PRE_TAG);
    expect(options.highlightPostTag).toBe(HIGHLIGHT_POST_TAG);
    expect(options.attributesToHighlight).toEqual(['title', 'titleEn', 'summary', 'keywords']);
    expect(options.attributesToCrop).toEqual(['summary']);
    expect(options.attributesToRetrieve).not.toContain('description');
  });

  it("adds a count-only search per filtered facet, without that facet's own filter", () => {
    expect(build({ q: '棉花' }).facetSearches).toEqual([]);
    const { options, facetSearches } = build({ field: ['modern_agriculture'], dealType: ['license'], trlMin: 5 });
    expect(options.filter).toHaveLength(3);
    expect(facetSearches.map((f) => f.facet)).toEqual(['field', 'trl', 'dealTypes']);
    for (const f of facetSearches) {
      expect(f.options.facets).toEqual([f.facet]);
      expect(f.options.limit).toBe(0);
      expect(f.options.filter).toHaveLength(2);
      expect(f.options.filter.some((e) => e.startsWith(`${f.facet} `))).toBe(false);
    }
    // A filter that is not a facet (category) narrows every count.
    const byCategory = build({ category: ['applied_technology'], field: ['modern_agriculture'] });
    expect(byCategory.facetSearches[0].options.filter).toEqual([byCategory.options.filter[1]]);
  });

  it('only uses attributes that the index settings declare', () => {
    const filterable: string[] = listingIndexSettings.filterableAttributes;
    const sortable: string[] = listingIndexSettings.sortableAttributes;
    const everyFilter = filterOf({
      field: ['new_energy'],
      dealType: ['license'],
      ipType: ['none'],
      stage: ['early'],
      level: ['not_evaluated'],
      category: ['basic_theory'],
      form: ['standard'],
      fundingSource: ['other'],
      region: ['660800'],
      organizationId: ['org_1'],
      trlMin: 1,
      trlMax: 9,
    });
    expect(everyFilter).toHaveLength(11);
    for (const expr of everyFilter) expect(filterable).toContain(expr.split(' ')[0]);
    for (const facet of LISTING_FACETS) expect(filterable).toContain(facet);
    for (const sort of LISTING_SORTS)
      for (const s of build({ q: 'x', sort }).options.sort ?? []) expect(sortable).toContain(s.split(':')[0]);
    for (const attribute of LISTING_HIGHLIGHT_ATTRIBUTES)
      expect(listingIndexSettings.searchableAttributes).toContain(attribute);
  });
});
