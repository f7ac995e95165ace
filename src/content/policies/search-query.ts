import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG } from '../../../search/highlight.js';
import { policyIndexSettings } from '../../../search/settings.js';
import { isOneOf } from '../../shared/listing.js';
import {
  MAX_YEAR,
  MIN_YEAR,
  POLICY_CATEGORIES,
  POLICY_LEVELS,
  type PolicyCategory,
  type PolicyLevel,
} from '../../shared/content.js';

export const POLICY_FACETS = ['level', 'year', 'category'] as const;
export const POLICY_HIGHLIGHT_ATTRIBUTES = ['title', 'documentNumber', 'issuingBody'] as const;
export const MAX_POLICY_QUERY = 200;
export const MAX_POLICY_OFFSET = policyIndexSettings.pagination.maxTotalHits - 1;

export interface PolicySearchParams {
  q?: string;
  level?: PolicyLevel[];
  year?: number[];
  category?: PolicyCategory[];
  limit: number;
  offset: number;
}

/** A parameter that the route should have rejected reached the builder. */
export class PolicySearchParamError extends Error {
  constructor(
    readonly param: string,
    detail: string,
  ) {
    super(`${param}: ${detail}`);
  }
}

function checkedList<T>(param: string, values: unknown, valid: (v: unknown) => v is T, max: number): T[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new PolicySearchParamError(param, 'must be a list');
  if (values.length > max) throw new PolicySearchParamError(param, `at most ${max} values`);
  for (const v of values) if (!valid(v)) throw new PolicySearchParamError(param, `invalid value ${JSON.stringify(v)}`);
  return [...new Set(values as T[])];
}

const isYear = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR;

/**
 * Turns validated parameters into a Meilisearch query. As for listings, only closed-set values and integers
 * are written into the filter expression (enum strings quoted, years as bare integers); the user's text goes
 * only into `q`. Without query text the newest policies come first.
 */
export function buildPolicySearch(p: PolicySearchParams) {
  if (p.q !== undefined && typeof p.q !== 'string') throw new PolicySearchParamError('q', 'must be text');
  const q = (p.q ?? '').trim();
  if ([...q].length > MAX_POLICY_QUERY) throw new PolicySearchParamError('q', `at most ${MAX_POLICY_QUERY} characters`);
  if (!Number.isInteger(p.limit) || p.limit < 1 || p.limit > 100)
    throw new PolicySearchParamError('limit', 'must be an integer from 1 to 100');
  if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > MAX_POLICY_OFFSET)
    throw new PolicySearchParamError('cursor', `offset must be from 0 to ${MAX_POLICY_OFFSET}`);
  const levels = checkedList(
    'level',
    p.level,
    (v): v is PolicyLevel => isOneOf(POLICY_LEVELS, v),
    POLICY_LEVELS.length,
  );
  const categories = checkedList(
    'category',
    p.category,
    (v): v is PolicyCategory => isOneOf(POLICY_CATEGORIES, v),
    POLICY_CATEGORIES.length,
  );
  const years = checkedList('year', p.year, isYear, 20);
  const filter: string[] = [];
  if (levels.length) filter.push(`level IN [${levels.map((v) => `"${v}"`).join(', ')}]`);
  if (categories.length) filter.push(`category IN [${categories.map((v) => `"${v}"`).join(', ')}]`);
  if (years.length) filter.push(`year IN [${years.join(', ')}]`);
  return {
    q,
    options: {
      filter,
      ...(q === '' ? { sort: ['date:desc'] } : {}),
      facets: [...POLICY_FACETS],
      attributesToRetrieve: ['id'],
      attributesToHighlight: [...POLICY_HIGHLIGHT_ATTRIBUTES, 'body'],
      highlightPreTag: HIGHLIGHT_PRE_TAG,
      highlightPostTag: HIGHLIGHT_POST_TAG,
      attributesToCrop: ['body'],
      cropLength: 40,
      limit: p.limit,
      offset: p.offset,
    },
  };
}
