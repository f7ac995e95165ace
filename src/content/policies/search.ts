import { inArray } from 'drizzle-orm';
import { searchIndex } from '../../../search/client.js';
import { markHighlights, toHighlight } from '../../../search/highlight.js';
import { POLICIES_INDEX } from '../../../search/settings.js';
import { policies } from '../../db/schema/content.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { isPublic, type PolicyRow } from './indexing.js';
import type { ListPoliciesInput } from './schemas.js';
import {
  buildPolicySearch,
  MAX_POLICY_OFFSET,
  POLICY_FACETS,
  POLICY_HIGHLIGHT_ATTRIBUTES,
  PolicySearchParamError,
} from './search-query.js';
import { policySummary } from './view.js';

const unavailable = () =>
  new AppError('UNAVAILABLE', 'Policy search is temporarily unavailable; browsing without a query still works', {
    headers: { 'retry-after': '5' },
  });

// Engine results page by offset; the cursor handed out is `@<offset>`, which the database browse never makes.
function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^@(\d{1,5})$/.exec(cursor);
  if (!m)
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list gave out', {
      errors: [{ path: 'querystring.cursor', message: 'is invalid' }],
    });
  return Number(m[1]);
}

/** Rows for search hits, in hit order; a hit whose policy is no longer public (index not yet caught up) is dropped. */
async function publicPoliciesByIds(db: DbOrTx, ids: string[]): Promise<PolicyRow[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(policies).where(inArray(policies.id, ids));
  const byId = new Map(rows.filter(isPublic).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Searches the public library in the engine, with facets by level, year and category. The engine finds and
 * ranks; the rows shown are read from the database, so an edit that the index has not caught up with yet is
 * never shown stale, and a policy removed since is left out.
 */
export async function searchPolicies(ctx: AppContext, q: ListPoliciesInput) {
  if (!ctx.search.client) throw unavailable();
  const offset = offsetOf(q.cursor);
  let built;
  try {
    built = buildPolicySearch({ q: q.q, level: q.level, year: q.year, category: q.category, limit: q.limit, offset });
  } catch (err) {
    if (err instanceof PolicySearchParamError)
      throw new AppError('VALIDATION_FAILED', err.message, {
        errors: [{ path: `querystring.${err.param}`, message: err.message }],
      });
    throw err;
  }
  let res;
  try {
    res = await searchIndex(ctx.search.client, POLICIES_INDEX, built.q, built.options);
  } catch (err) {
    ctx.log.warn({ err }, 'policy search failed');
    throw unavailable();
  }
  const hits = new Map(res.hits.map((h) => [String(h.id), h._formatted as Record<string, unknown> | undefined]));
  const rows = await publicPoliciesByIds(ctx.db, [...hits.keys()]);
  const total = res.estimatedTotalHits ?? res.hits.length;
  const dist = res.facetDistribution ?? {};
  return {
    items: rows.map((row) => {
      const formatted = hits.get(row.id);
      const excerpt = typeof formatted?.body === 'string' ? markHighlights(formatted.body) : undefined;
      return {
        ...policySummary(row),
        ...(excerpt ? { excerpt } : {}),
        _highlight: toHighlight(formatted, POLICY_HIGHLIGHT_ATTRIBUTES),
      };
    }),
    nextCursor: offset + q.limit < total && offset + q.limit <= MAX_POLICY_OFFSET ? `@${offset + q.limit}` : null,
    total,
    facets: Object.fromEntries(POLICY_FACETS.map((f) => [f, dist[f] ?? {}])) as Record<
      (typeof POLICY_FACETS)[number],
      Record<string, number>
    >,
  };
}
