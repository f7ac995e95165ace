import { isRegionCode } from './regions.js';
import { DEAL_FORMS, FIELDS, IP_TYPES, TRL_MAX, TRL_MIN, type DealForm, type Field, type IpType } from './listing.js';

// The search page keeps its whole state in the URL, so that a result page can be bookmarked and shared and
// the back button steps through earlier searches. These functions are the only translation between the two:
// parse never trusts the URL (unknown values are dropped), and serialising is canonical (fixed key order,
// values in enum order, defaults left out), so that equal states give equal URLs.

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'trl_desc', 'trl_asc'] as const;
export type Sort = (typeof SORTS)[number];

// Bounds of GET /api/search/listings: offset ≤ 9,999, q ≤ 200 characters (a region is a code of the set).
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;
const Q_MAX = 200;
export const TRLS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);

export interface SearchState {
  q: string;
  field: Field[];
  /** The readiness range; TRL_MIN..TRL_MAX means "any". */
  trlMin: number;
  trlMax: number;
  dealType: DealForm[];
  ipType: IpType[];
  region: string;
  sort: Sort;
  page: number;
}

/** The facets whose values the page toggles, with the order their values keep. */
export const FACET_VALUES = { field: FIELDS, dealType: DEAL_FORMS, ipType: IP_TYPES } as const;
export type FacetKey = keyof typeof FACET_VALUES;
export const FACET_KEYS = Object.keys(FACET_VALUES) as FacetKey[];

export const EMPTY_SEARCH: SearchState = {
  q: '',
  field: [],
  trlMin: TRL_MIN,
  trlMax: TRL_MAX,
  dealType: [],
  ipType: [],
  region: '',
  sort: 'relevance',
  page: 1,
};

/** Keeps the allowed values among `raw`, once each, in the order of `allowed`. */
function pick<T extends string>(allowed: readonly T[], raw: string[]): T[] {
  const given = new Set(raw);
  return allowed.filter((value) => given.has(value));
}

function trlParam(raw: string | null, fallback: number): number {
  const trl = Number(raw);
  return raw && Number.isInteger(trl) && trl >= TRL_MIN && trl <= TRL_MAX ? trl : fallback;
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const trlA = trlParam(params.get('trlMin'), TRL_MIN);
  const trlB = trlParam(params.get('trlMax'), TRL_MAX);
  return {
    q: (params.get('q') ?? '').trim().slice(0, Q_MAX),
    field: pick(FIELDS, params.getAll('field')),
    // A reversed range is read the way it was surely meant.
    trlMin: Math.min(trlA, trlB),
    trlMax: Math.max(trlA, trlB),
    dealType: pick(DEAL_FORMS, params.getAll('dealType')),
    ipType: pick(IP_TYPES, params.getAll('ipType')),
    region: isRegionCode(params.get('region')) ? params.get('region')! : '',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

function appendFilters(params: URLSearchParams, state: SearchState) {
  if (state.q) params.set('q', state.q);
  for (const key of FACET_KEYS) for (const value of state[key]) params.append(key, value);
  if (state.trlMin !== TRL_MIN) params.set('trlMin', String(state.trlMin));
  if (state.trlMax !== TRL_MAX) params.set('trlMax', String(state.trlMax));
  if (state.region) params.set('region', state.region);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
}

/** The page's URL query for a state. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  appendFilters(params, state);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The listing search's address: the web app's client and the server's shell (which inlines its first answer). */
export const LISTING_SEARCH_PATH = '/api/search/listings';

/** The query for GET /api/search/listings: the same filters, with the page turned into limit and offset. */
export function toApiQuery(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  appendFilters(params, state);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return params;
}

/** A new search with some filters changed: it starts again at page 1. */
export function refine(state: SearchState, patch: Partial<Omit<SearchState, 'page'>>): SearchState {
  return { ...state, ...patch, page: 1 };
}

/** Adds or removes one facet value, keeping the canonical order. */
export function toggleFacet(state: SearchState, key: FacetKey, value: string): SearchState {
  const current = state[key] as readonly string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const ordered = (FACET_VALUES[key] as readonly string[]).filter((v) => next.includes(v));
  return refine(state, { [key]: ordered } as Partial<SearchState>);
}

/** How many filters narrow the search (the readiness range counts as one). */
export function activeFilterCount(state: SearchState): number {
  const trl = state.trlMin !== TRL_MIN || state.trlMax !== TRL_MAX ? 1 : 0;
  return trl + (state.region ? 1 : 0) + FACET_KEYS.reduce((n, key) => n + state[key].length, 0);
}

export function pageCount(total: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
}

/** A search as POST /api/saved-searches keeps it: the filters without sort or page (a region is a list there). */
export function toSavedQuery(state: SearchState): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (state.q) query.q = state.q;
  for (const key of FACET_KEYS) if (state[key].length) query[key] = [...state[key]];
  if (state.trlMin !== TRL_MIN) query.trlMin = state.trlMin;
  if (state.trlMax !== TRL_MAX) query.trlMax = state.trlMax;
  if (state.region) query.region = [state.region];
  return query;
}

/** A saved query back into a search, through the same distrustful parser as a URL. */
export function fromSavedQuery(query: Record<string, unknown>): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    // The page takes one region; the first one saved stands for the search.
    for (const v of key === 'region' ? values.slice(0, 1) : values)
      if (typeof v === 'string' || typeof v === 'number') params.append(key, String(v));
  }
  return parseSearchParams(params);
}

/**
 * The API address a search page asks for (path and canonical query): the key under which the server inlines the
 * first answer in the page's HTML and the web app's prefetch looks it up (web/src/api/prefetch.ts).
 */
export function searchApiUrl(pageQuery: URLSearchParams): string {
  return `${LISTING_SEARCH_PATH}?${toApiQuery(parseSearchParams(pageQuery)).toString()}`;
}
