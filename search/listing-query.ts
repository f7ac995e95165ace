import {
  CATEGORIES,
  DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  isOneOf,
  isTrl,
  type Category,
  type DealForm,
  type Field,
  type Form,
  type FundingSource,
  type IpType,
  type Level,
  type Stage,
} from '../src/shared/listing.js';
import { REGION_CODES, type RegionCode } from '../src/shared/regions.js';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG, LISTING_HIGHLIGHT_ATTRIBUTES } from './highlight.js';
import { listingIndexSettings } from './settings.js';

export const LISTING_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'trl_desc', 'trl_asc'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

/** Facets computed on every search; the names are index attributes (`dealTypes`, plural, holds deal types). */
export const LISTING_FACETS = [
  'field',
  'trl',
  'dealTypes',
  'ipType',
  'stage',
  'level',
  'fundingSource',
  'region',
] as const;

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 100;
export const MAX_FILTER_VALUES = 20;
/** The engine counts and pages through at most `maxTotalHits` results; a route should bound `offset` by this. */
export const MAX_OFFSET = listingIndexSettings.pagination.maxTotalHits - 1;

export const ORGANIZATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Already-validated search parameters (the route's schema checked them); checked again here all the same. */
export interface ListingSearchParams {
  q?: string;
  field?: Field[];
  trlMin?: number;
  trlMax?: number;
  dealType?: DealForm[];
  ipType?: IpType[];
  stage?: Stage[];
  level?: Level[];
  category?: Category[];
  form?: Form[];
  fundingSource?: FundingSource[];
  region?: RegionCode[];
  organizationId?: string[];
  sort?: ListingSort;
  limit: number;
  offset: number;
}

export interface ListingSearchOptions {
  filter: string[];
  sort?: string[];
  facets: string[];
  attributesToRetrieve: string[];
  attributesToHighlight: string[];
  highlightPreTag: string;
  highlightPostTag: string;
  attributesToCrop: string[];
  cropLength: number;
  limit: number;
  offset: number;
}

export interface ListingSearch {
  q: string;
  options: ListingSearchOptions;
  /**
   * Disjunctive facets: for every facet the search filters on, a count-only search without that facet's own
   * filter, so that ticking one field still shows how many results each other field would add (the main
   * search's counts for that facet would all be 0 but the ticked ones). Empty when no facet is filtered.
   */
  facetSearches: Array<{ facet: string; options: Pick<ListingSearchOptions, 'filter' | 'facets' | 'limit'> }>;
}

/** A parameter that the route should have rejected reached the query builder. */
export class SearchParamError extends Error {
  constructor(
    readonly param: string,
    detail: string,
  ) {
    super(`${param}: ${detail}`);
  }
}

// Tie-breaks make paging stable: equal prices or levels are otherwise returned in an arbitrary order.
const SORTS: Record<ListingSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  price_asc: ['askingPrice:asc', 'publishedAt:desc'],
  price_desc: ['askingPrice:desc', 'publishedAt:desc'],
  trl_desc: ['trl:desc', 'publishedAt:desc'],
  trl_asc: ['trl:asc', 'publishedAt:desc'],
};

// What a result card shows; the long description and the inventors are searched but not sent back.
const RETRIEVED = [
  'id',
  'title',
  'titleEn',
  'summary',
  'keywords',
  'category',
  'field',
  'form',
  'trl',
  'stage',
  'level',
  'ipType',
  'dealTypes',
  'fundingSource',
  'region',
  'organizationId',
  'organizationName',
  'askingPrice',
  'publishedAt',
];

// Values are emitted only after a pattern that excludes quotes and backslashes; this is the last line.
function quote(param: string, value: string): string {
  if (/["\\\p{Cc}]/u.test(value)) throw new SearchParamError(param, 'contains a character that cannot be filtered on');
  return `"${value}"`;
}

function inFilter(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map((v) => quote(attribute, v)).join(', ')}]`;
}

function checked<T extends string>(param: string, values: unknown, valid: (v: unknown) => v is T): T[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new SearchParamError(param, 'must be a list');
  if (values.length > MAX_FILTER_VALUES) throw new SearchParamError(param, `at most ${MAX_FILTER_VALUES} values`);
  for (const v of values) if (!valid(v)) throw new SearchParamError(param, `invalid value ${JSON.stringify(v)}`);
  return [...new Set(values as T[])];
}

const enumOf =
  <T extends string>(set: readonly T[]) =>
  (v: unknown): v is T =>
    isOneOf(set, v);
const matching =
  (pattern: RegExp) =>
  (v: unknown): v is string =>
    typeof v === 'string' && pattern.test(v);

function trlFilter(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && !isTrl(min)) throw new SearchParamError('trlMin', 'must be an integer from 1 to 9');
  if (max !== undefined && !isTrl(max)) throw new SearchParamError('trlMax', 'must be an integer from 1 to 9');
  if (min !== undefined && max !== undefined) {
    if (min > max) throw new SearchParamError('trlMin', 'must not exceed trlMax');
    return `trl ${min} TO ${max}`;
  }
  if (min !== undefined) return `trl >= ${min}`;
  if (max !== undefined) return `trl <= ${max}`;
  return undefined;
}

/** Each parameter's filter expression, by the index attribute it filters on. */
function buildFilters(p: ListingSearchParams): Array<[attribute: string, expression: string]> {
  const lists: Array<[attribute: string, values: string[]]> = [
    ['field', checked('field', p.field, enumOf(FIELDS))],
    ['dealTypes', checked('dealType', p.dealType, enumOf(DEAL_FORMS))],
    ['ipType', checked('ipType', p.ipType, enumOf(IP_TYPES))],
    ['stage', checked('stage', p.stage, enumOf(STAGES))],
    ['level', checked('level', p.level, enumOf(LEVELS))],
    ['category', checked('category', p.category, enumOf(CATEGORIES))],
    ['form', checked('form', p.form, enumOf(FORMS))],
    ['fundingSource', checked('fundingSource', p.fundingSource, enumOf(FUNDING_SOURCES))],
    ['region', checked('region', p.region, enumOf(REGION_CODES))],
    ['organizationId', checked('organizationId', p.organizationId, matching(ORGANIZATION_ID_PATTERN))],
  ];
  const filters: Array<[string, string]> = [];
  for (const [attribute, values] of lists)
    if (values.length > 0) filters.push([attribute, inFilter(attribute, values)]);
  const trl = trlFilter(p.trlMin, p.trlMax);
  if (trl) filters.push(['trl', trl]);
  return filters;
}

function checkPage(limit: unknown, offset: unknown): void {
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT) {
    throw new SearchParamError('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(offset) || (offset as number) < 0 || (offset as number) > MAX_OFFSET) {
    throw new SearchParamError('offset', `must be an integer from 0 to ${MAX_OFFSET}`);
  }
}

/**
 * Turns validated search parameters into a Meilisearch query. Filters are AND-ed across parameters and OR-ed
 * within one (`field=a&field=b`). With no query text, "relevance" means nothing, so the newest come first.
 */
export function buildListingSearch(params: ListingSearchParams): ListingSearch {
  const q = typeof params.q === 'string' ? params.q.trim() : '';
  if (params.q !== undefined && typeof params.q !== 'string') throw new SearchParamError('q', 'must be text');
  if ([...q].length > MAX_QUERY_LENGTH) throw new SearchParamError('q', `at most ${MAX_QUERY_LENGTH} characters`);
  const sortKey = params.sort ?? 'relevance';
  if (!isOneOf(LISTING_SORTS, sortKey)) throw new SearchParamError('sort', `invalid value ${JSON.stringify(sortKey)}`);
  checkPage(params.limit, params.offset);
  const sort = sortKey === 'relevance' && q === '' ? SORTS.newest : SORTS[sortKey];
  const filters = buildFilters(params);
  const facetSearches = LISTING_FACETS.filter((facet) => filters.some(([attribute]) => attribute === facet)).map(
    (facet) => ({
      facet,
      options: { filter: filters.filter(([a]) => a !== facet).map(([, e]) => e), facets: [facet], limit: 0 },
    }),
  );
  return {
    q,
    facetSearches,
    options: {
      filter: filters.map(([, expression]) => expression),
      ...(sort ? { sort } : {}),
      facets: [...LISTING_FACETS],
      attributesToRetrieve: RETRIEVED,
      attributesToHighlight: [...LISTING_HIGHLIGHT_ATTRIBUTES],
      highlightPreTag: HIGHLIGHT_PRE_TAG,
      highlightPostTag: HIGHLIGHT_POST_TAG,
      attributesToCrop: ['summary'],
      cropLength: 60,
      limit: params.limit,
      offset: params.offset,
    },
  };
}
