import { Type, type Static } from 'typebox';
import { searchIndex } from '../../search/client.js';
import {
  buildListingSearch,
  LISTING_SORTS,
  MAX_OFFSET,
  SearchParamError,
  type ListingSearchParams,
} from '../../search/listing-query.js';
import { toHighlight } from '../../search/highlight.js';
import { LISTINGS_INDEX } from '../../search/settings.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { OneOf as E } from '../platform/http.js';
import { REGION_CODES } from '../shared/regions.js';
import {
  CATEGORIES,
  DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  type DealForm,
  type Field,
  type FundingSource,
  type IpType,
  type Level,
  type Stage,
} from '../shared/listing.js';

const many = (values: readonly string[]) => Type.Array(Type.Enum([...values]), { maxItems: 20 });

// Every filter is a closed set or a strict pattern, checked here and again by the query builder; user text
// reaches the engine only as the query string `q`, never inside a filter expression.
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(many(FIELDS)),
    dealType: Type.Optional(many(DEAL_FORMS)),
    ipType: Type.Optional(many(IP_TYPES)),
    stage: Type.Optional(many(STAGES)),
    level: Type.Optional(many(LEVELS)),
    category: Type.Optional(many(CATEGORIES)),
    form: Type.Optional(many(FORMS)),
    fundingSource: Type.Optional(many(FUNDING_SOURCES)),
    trl: Type.Optional(Type.String({ pattern: '^[1-9](-[1-9])?$', description: 'A level (7) or a range (4-7)' })),
    trlMin: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    trlMax: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    region: Type.Optional(many(REGION_CODES)),
    organizationId: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), { maxItems: 20 })),
    sort: Type.Optional(Type.Enum([...LISTING_SORTS])),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  },
  { additionalProperties: false },
);
export type SearchQueryInput = Static<typeof SearchQuery>;

const Facet = Type.Record(Type.String(), Type.Integer());
export const SearchResult = Type.Object({
  hits: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      titleEn: Type.Optional(Type.String()),
      summary: Type.String(),
      keywords: Type.Array(Type.String()),
      field: E(FIELDS),
      trl: Type.Integer(),
      stage: E(STAGES),
      level: E(LEVELS),
      ipType: E(IP_TYPES),
      dealTypes: Type.Array(E(DEAL_FORMS)),
      fundingSource: E(FUNDING_SOURCES),
      region: Type.Optional(E(REGION_CODES)),
      organization: Type.Object({ id: Type.String(), name: Type.String() }),
      askingPrice: Type.Union([Type.Integer(), Type.Null()]),
      currency: Type.Literal('CNY'),
      publishedAt: Type.String(),
      _highlight: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
    }),
  ),
  total: Type.Integer(),
  facets: Type.Object({
    field: Facet,
    trl: Facet,
    dealType: Facet,
    ipType: Facet,
    stage: Facet,
    level: Facet,
    fundingSource: Facet,
    region: Facet,
  }),
  processingTimeMs: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** Maps validated query parameters onto the builder's params (the `trl` shorthand becomes a range). */
export function toSearchParams(q: SearchQueryInput): ListingSearchParams {
  let { trlMin, trlMax } = q;
  if (q.trl) {
    const [a, b] = q.trl.split('-').map(Number);
    trlMin = a;
    trlMax = b ?? a;
  }
  return {
    q: q.q,
    field: q.field as ListingSearchParams['field'],
    dealType: q.dealType as ListingSearchParams['dealType'],
    ipType: q.ipType as ListingSearchParams['ipType'],
    stage: q.stage as ListingSearchParams['stage'],
    level: q.level as ListingSearchParams['level'],
    category: q.category as ListingSearchParams['category'],
    form: q.form as ListingSearchParams['form'],
    fundingSource: q.fundingSource as ListingSearchParams['fundingSource'],
    region: q.region,
    organizationId: q.organizationId,
    trlMin,
    trlMax,
    sort: q.sort,
    limit: q.limit,
    offset: q.offset,
  };
}

export const searchUnavailable = () =>
  new AppError('UNAVAILABLE', 'Search is temporarily unavailable; everything else works', {
    headers: { 'retry-after': '5' },
  });

/** Runs a query against the engine; answers 503 UNAVAILABLE when the engine does not (writes never wait on it). */
export async function runListingSearch(
  ctx: AppContext,
  params: ListingSearchParams,
  extra: { showRankingScore?: boolean; matchingStrategy?: 'last' | 'all' | 'frequency'; withFacets?: boolean } = {},
) {
  if (!ctx.search.client) throw searchUnavailable();
  let built;
  try {
    built = buildListingSearch(params);
  } catch (err) {
    if (err instanceof SearchParamError)
      throw new AppError('VALIDATION_FAILED', err.message, {
        errors: [{ path: `querystring.${err.param}`, message: err.message }],
      });
    throw err;
  }
  const client = ctx.search.client;
  const { withFacets = true, ...engineExtra } = extra;
  const facetSearches = withFacets ? built.facetSearches : [];
  const options = withFacets ? built.options : { ...built.options, facets: [] };
  try {
    const [res, ...own] = await Promise.all([
      searchIndex(client, LISTINGS_INDEX, built.q, { ...options, ...engineExtra }),
      ...facetSearches.map((f) => searchIndex(client, LISTINGS_INDEX, built.q, f.options)),
    ]);
    // Each filtered facet counts as if nothing were ticked in it (disjunctive facets).
    const facetDistribution = { ...res.facetDistribution };
    facetSearches.forEach((f, i) => (facetDistribution[f.facet] = own[i].facetDistribution?.[f.facet] ?? {}));
    return { ...res, facetDistribution };
  } catch (err) {
    ctx.log.warn({ err }, 'search failed');
    throw searchUnavailable();
  }
}

const FACET_NAMES = {
  field: 'field',
  trl: 'trl',
  dealType: 'dealTypes',
  ipType: 'ipType',
  stage: 'stage',
  level: 'level',
  fundingSource: 'fundingSource',
  region: 'region',
} as const;

export async function searchListings(ctx: AppContext, q: SearchQueryInput) {
  const params = toSearchParams(q);
  if (params.trlMin !== undefined && params.trlMax !== undefined && params.trlMin > params.trlMax) {
    throw new AppError('VALIDATION_FAILED', 'trlMin must not exceed trlMax', {
      errors: [{ path: 'querystring.trlMin', message: 'must not exceed trlMax' }],
    });
  }
  const res = await runListingSearch(ctx, params);
  const dist = res.facetDistribution ?? {};
  return {
    hits: res.hits.map((h) => ({
      id: String(h.id),
      title: String(h.title),
      ...(h.titleEn ? { titleEn: String(h.titleEn) } : {}),
      summary: String((h._formatted as Record<string, unknown> | undefined)?.summary ?? h.summary).replace(
        /[\uE000\uE001]/g,
        '',
      ),
      keywords: (h.keywords as string[]) ?? [],
      field: h.field as Field,
      trl: Number(h.trl),
      stage: h.stage as Stage,
      level: h.level as Level,
      ipType: h.ipType as IpType,
      dealTypes: h.dealTypes as DealForm[],
      fundingSource: h.fundingSource as FundingSource,
      ...(h.region ? { region: String(h.region) } : {}),
      organization: { id: String(h.organizationId), name: String(h.organizationName) },
      askingPrice: typeof h.askingPrice === 'number' ? h.askingPrice : null,
      currency: 'CNY' as const,
      publishedAt: new Date(Number(h.publishedAt)).toISOString(),
      _highlight: toHighlight(h._formatted as Record<string, unknown> | undefined),
    })),
    total: res.estimatedTotalHits ?? res.hits.length,
    facets: Object.fromEntries(Object.entries(FACET_NAMES).map(([name, attr]) => [name, dist[attr] ?? {}])) as Record<
      keyof typeof FACET_NAMES,
      Record<string, number>
    >,
    processingTimeMs: res.processingTimeMs,
    limit: params.limit,
    offset: params.offset,
  };
}
