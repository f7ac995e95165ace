import type { ListingSearchParams } from '../../search/listing-query.js';
import type { AppContext } from '../platform/context.js';
import { runListingSearch } from '../listings/search.js';
import type { demands } from '../db/schema/listings.js';
import type { DealForm, Field } from '../shared/listing.js';
import type { MatchReason } from './schemas.js';

type Demand = typeof demands.$inferSelect;
interface Candidate {
  id: string;
  field: Field;
  dealTypes: DealForm[];
  askingPrice?: number;
  _rankingScore?: number;
}

// The weights of a match score (0–100). Text relevance dominates; a listing in the demand's key field, offering
// a deal form the enterprise wants, at a price within its budget, ranks higher. Written as data so the
// ranking is explainable: each part that applies is returned as a reason.
export const MATCH_WEIGHTS = { text: 55, field: 20, dealType: 15, budget: 10 } as const;

export function scoreCandidate(
  d: Pick<Demand, 'field' | 'dealTypes' | 'budget'>,
  c: Candidate,
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const text = Math.max(0, Math.min(1, c._rankingScore ?? 0));
  let score = MATCH_WEIGHTS.text * text;
  if (text > 0) reasons.push('text');
  if (c.field === d.field) {
    score += MATCH_WEIGHTS.field;
    reasons.push('field');
  }
  const shared = c.dealTypes.filter((t) => (d.dealTypes as string[]).includes(t)).length;
  if (shared > 0) {
    score += MATCH_WEIGHTS.dealType * Math.min(1, shared / d.dealTypes.length);
    reasons.push('dealType');
  }
  if (d.budget !== null && c.askingPrice !== undefined && c.askingPrice <= d.budget) {
    score += MATCH_WEIGHTS.budget;
    reasons.push('budget');
  }
  return { score: Math.round(score * 10) / 10, reasons };
}

/**
 * Ranks published listings against a demand: the engine finds text candidates (any word may match, so a
 * long description still finds listings), then each candidate is scored. Candidates in the demand's field are
 * fetched as well, so a listing described in other words but in the right field is not missed.
 */
export async function matchDemand(ctx: AppContext, d: Demand, limit = 20) {
  // The engine reads at most ten words of a query, so title and description are asked separately.
  const base: ListingSearchParams = { limit: 50, offset: 0 };
  const scored = { showRankingScore: true };
  const [byTitle, byDescription, byField] = await Promise.all([
    runListingSearch(ctx, { ...base, q: d.title.slice(0, 200) }, scored),
    runListingSearch(ctx, { ...base, q: d.description.slice(0, 200) }, scored),
    runListingSearch(ctx, { ...base, field: [d.field] }, scored),
  ]);
  const byText = { hits: [...byTitle.hits, ...byDescription.hits] };
  const seen = new Map<string, Candidate & Record<string, unknown>>();
  for (const h of [...byText.hits, ...byField.hits]) {
    const prev = seen.get(String(h.id));
    if (!prev || (h._rankingScore ?? 0) > (prev._rankingScore ?? 0))
      seen.set(String(h.id), h as Candidate & Record<string, unknown>);
  }
  // Hits found only through the field filter carry no text relevance.
  const textIds = new Set(byText.hits.map((h) => String(h.id)));
  return [...seen.values()]
    .map((h) => {
      const { score, reasons } = scoreCandidate(d, {
        ...h,
        _rankingScore: textIds.has(String(h.id)) ? h._rankingScore : 0,
      });
      return {
        score,
        reasons,
        listing: {
          id: String(h.id),
          title: String(h.title),
          summary: String(h.summary),
          field: h.field,
          trl: Number(h.trl),
          dealTypes: h.dealTypes,
          askingPrice: typeof h.askingPrice === 'number' ? h.askingPrice : null,
          organization: { id: String(h.organizationId), name: String(h.organizationName) },
        },
      };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.listing.id.localeCompare(b.listing.id))
    .slice(0, limit);
}
