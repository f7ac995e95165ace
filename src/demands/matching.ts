import { searchIndex } from '../../search/client.js';
import { LISTING_CONTENT_ATTRIBUTES, LISTINGS_INDEX } from '../../search/settings.js';
import type { demands } from '../db/schema/listings.js';
import { runListingSearch, searchUnavailable } from '../listings/search.js';
import type { AppContext } from '../platform/context.js';
import type { DealForm, Field } from '../shared/listing.js';
import type { MatchReason } from './schemas.js';
import { demandTerms } from './terms.js';

type Demand = typeof demands.$inferSelect;
interface Candidate {
  field: Field;
  dealTypes: DealForm[];
  askingPrice?: number;
  /** Text relevance 0–1 from the demand's words (0: no word in common). */
  _rankingScore?: number;
}

// The weights of a match score (0–100), as data so that the ranking is explainable: each part that applies is
// returned as a reason. The words decide first: the structured parts (field, deal form, budget) count in full
// only for a listing whose words fit the demand well (text relevance from FULL_FIT up), and 40% of their weight
// for a listing that shares no word with it, so a listing in the right field that is about something else
// (jujube processing for a drip-irrigation demand) falls behind the listings the demand's words describe.
export const MATCH_WEIGHTS = { text: 55, field: 20, dealType: 15, budget: 10 } as const;
const FULL_FIT = 0.3;
const NO_TEXT_SHARE = 0.4;
/** How many of a listing's matched words are named in its reasons. */
const NAMED_WORDS = 6;

export function scoreCandidate(
  d: Pick<Demand, 'field' | 'dealTypes' | 'budget'>,
  c: Candidate,
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const text = Math.max(0, Math.min(1, c._rankingScore ?? 0));
  let structured = 0;
  if (c.field === d.field) {
    structured += MATCH_WEIGHTS.field;
    reasons.push('field');
  }
  const shared = c.dealTypes.filter((t) => (d.dealTypes as string[]).includes(t)).length;
  if (shared > 0) {
    structured += MATCH_WEIGHTS.dealType * Math.min(1, shared / d.dealTypes.length);
    reasons.push('dealType');
  }
  if (d.budget !== null && c.askingPrice !== undefined && c.askingPrice <= d.budget) {
    structured += MATCH_WEIGHTS.budget;
    reasons.push('budget');
  }
  const fit = NO_TEXT_SHARE + (1 - NO_TEXT_SHARE) * Math.min(1, text / FULL_FIT);
  const score = Math.round((MATCH_WEIGHTS.text * text + structured * fit) * 10) / 10;
  return { score, reasons: text > 0 ? ['text', ...reasons] : reasons };
}

/** Text relevance per listing: each demand word weighs by its rarity (idf) times the engine's score for it. */
function textRelevance(
  terms: string[],
  answers: Array<{ hits: Array<Record<string, unknown>>; estimatedTotalHits?: number }>,
  published: number,
) {
  const weight = new Map<string, number>();
  const words = new Map<string, Array<[term: string, w: number]>>();
  let norm = 0;
  answers.forEach((answer, i) => {
    const df = answer.estimatedTotalHits ?? answer.hits.length;
    if (df === 0) return; // a word no listing uses says nothing about any listing
    const idf = Math.log(1 + published / df);
    norm += idf;
    for (const h of answer.hits) {
      const id = String(h.id);
      const w = idf * Number(h._rankingScore ?? 0);
      weight.set(id, (weight.get(id) ?? 0) + w);
      words.set(id, [...(words.get(id) ?? []), [terms[i], w]]);
    }
  });
  const text = (id: string) => (norm > 0 ? (weight.get(id) ?? 0) / norm : 0);
  const matchedWords = (id: string) =>
    (words.get(id) ?? [])
      .sort((a, b) => b[1] - a[1])
      .slice(0, NAMED_WORDS)
      .map(([term]) => term);
  return { text, matchedWords, ranked: [...weight.keys()].sort((a, b) => text(b) - text(a)) };
}

const CARD = [
  'id',
  'title',
  'summary',
  'field',
  'trl',
  'dealTypes',
  'askingPrice',
  'organizationId',
  'organizationName',
];

/**
 * Ranks published listings against a demand: each of the demand's words (terms.ts) is asked of the engine on
 * its own, with the engine's segmentation, synonyms and typo rules; a listing's text relevance sums its words,
 * rare words weighing more. Listings in the demand's field are fetched as well, so that one described in other
 * words is not missed; the structured fields then add to the score (scoreCandidate).
 */
export async function matchDemand(ctx: AppContext, d: Demand, limit = 20) {
  const client = ctx.search.client;
  if (!client) throw searchUnavailable();
  const terms = demandTerms(d.title, d.description);
  const term = (q: string) =>
    searchIndex(client, LISTINGS_INDEX, q, {
      limit: 100,
      attributesToRetrieve: ['id'],
      showRankingScore: true,
      matchingStrategy: 'all',
      attributesToSearchOn: [...LISTING_CONTENT_ATTRIBUTES],
    });
  let byField, all, answers;
  try {
    [byField, all, ...answers] = await Promise.all([
      runListingSearch(ctx, { field: [d.field], limit: 50, offset: 0 }, { withFacets: false }),
      searchIndex(client, LISTINGS_INDEX, '', { limit: 0 }),
      ...terms.map(term),
    ]);
  } catch (err) {
    ctx.log.warn({ err }, 'demand matching failed');
    throw searchUnavailable();
  }
  const relevance = textRelevance(terms, answers, all.estimatedTotalHits ?? 0);
  const ids = [...new Set([...relevance.ranked.slice(0, 50), ...byField.hits.map((h) => String(h.id))])];
  if (ids.length === 0) return [];
  // Listing ids are the platform's own (newId), quoted all the same.
  const cards = await searchIndex(client, LISTINGS_INDEX, '', {
    filter: [`id IN [${ids.map((id) => JSON.stringify(id)).join(', ')}]`],
    limit: ids.length,
    attributesToRetrieve: CARD,
  }).catch((err: unknown) => {
    ctx.log.warn({ err }, 'demand matching failed');
    throw searchUnavailable();
  });
  return cards.hits
    .map((h) => {
      const id = String(h.id);
      const { score, reasons } = scoreCandidate(d, {
        field: h.field as Field,
        dealTypes: h.dealTypes as DealForm[],
        askingPrice: typeof h.askingPrice === 'number' ? h.askingPrice : undefined,
        _rankingScore: relevance.text(id),
      });
      return {
        score,
        reasons,
        matchedWords: relevance.matchedWords(id),
        listing: {
          id,
          title: String(h.title),
          summary: String(h.summary),
          field: h.field as Field,
          trl: Number(h.trl),
          dealTypes: h.dealTypes as DealForm[],
          askingPrice: typeof h.askingPrice === 'number' ? h.askingPrice : null,
          organization: { id: String(h.organizationId), name: String(h.organizationName) },
        },
      };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.listing.id.localeCompare(b.listing.id))
    .slice(0, limit);
}
