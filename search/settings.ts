import type { Meilisearch, Settings, Task } from 'meilisearch';
import { SEGMENTATION_DICTIONARY, synonymMap } from './synonyms.js';

export const LISTINGS_INDEX = 'listings';
export const POLICIES_INDEX = 'policies';

// `sort` comes right after `words`: a buyer who sorts by price expects price order among the listings that
// match the query, not relevance order with price as a tie-break. Without a sort it is a no-op.
const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'];

// Typos are forgiven from five characters (one) and nine (two): that serves English ("irigation") while
// Chinese words, two to four characters, always match exactly. Numbers (patent and registration numbers,
// years) must match exactly: a typo there is a different document.
const TYPO_TOLERANCE = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  disableOnNumbers: true,
} as const;

// The engine guesses each text's language, and short Chinese texts are sometimes taken for Japanese and cut
// with the Japanese segmenter, after which 节水 no longer matches 节水灌溉. Naming the locales of each
// attribute removes the guess; texts that may be in either language get both.
const MIXED_LANGUAGE = ['cmn', 'eng'];

// Words that carry no meaning in a query and, in a demand's prose (需要…希望获得…), would otherwise occupy the
// engine's first query terms and match nothing.
export const STOP_WORDS = [
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '是',
  '有',
  '对',
  '将',
  '把',
  '为',
  '等',
  '我',
  '我们',
  '我公司',
  '本公司',
  '公司',
  '需要',
  '希望',
  '获得',
  '寻求',
  '寻找',
  '一种',
  '进行',
  '相关',
  '要求',
  'a',
  'an',
  'the',
  'of',
  'for',
  'and',
  'or',
  'with',
  'to',
  'in',
  'on',
  'we',
  'our',
  'need',
  'needs',
  'looking',
];

// What a listing says about itself: every searchable attribute but the region's names. Demand matching asks only
// these, so a demand that mentions where it is (我公司在第八师…) does not match every listing of that region.
export const LISTING_CONTENT_ATTRIBUTES = [
  'title',
  'titleEn',
  'keywords',
  'summary',
  'description',
  'organizationName',
  'inventors',
] as const;

export const listingIndexSettings = {
  // Rank order: a match in the title outweighs one in the summary, which outweighs the long description.
  searchableAttributes: [...LISTING_CONTENT_ATTRIBUTES, 'regionName'],
  // `id` is filterable so that a saved search can ask "does this one new listing match?".
  filterableAttributes: [
    'id',
    'field',
    'trl',
    'dealTypes',
    'ipType',
    'stage',
    'level',
    'region',
    'fundingSource',
    'organizationId',
    'category',
    'form',
  ],
  sortableAttributes: ['publishedAt', 'askingPrice', 'trl'],
  rankingRules: RANKING_RULES,
  synonyms: synonymMap(),
  stopWords: STOP_WORDS,
  dictionary: [...SEGMENTATION_DICTIONARY],
  typoTolerance: TYPO_TOLERANCE,
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 5000 },
  localizedAttributes: [
    { attributePatterns: ['titleEn'], locales: ['eng'] },
    {
      attributePatterns: ['title', 'keywords', 'summary', 'description', 'organizationName', 'inventors', 'regionName'],
      locales: MIXED_LANGUAGE,
    },
  ],
} satisfies Settings;

export const policyIndexSettings = {
  searchableAttributes: ['title', 'documentNumber', 'issuingBody', 'body', 'tags'],
  filterableAttributes: ['level', 'year', 'category'],
  sortableAttributes: ['date'],
  rankingRules: RANKING_RULES,
  synonyms: synonymMap(),
  dictionary: [...SEGMENTATION_DICTIONARY],
  // A document number (新兵发〔2016〕12号) is an identifier: near misses are other documents.
  typoTolerance: { ...TYPO_TOLERANCE, disableOnAttributes: ['documentNumber'] },
  pagination: { maxTotalHits: 5000 },
  localizedAttributes: [{ attributePatterns: ['*'], locales: MIXED_LANGUAGE }],
} satisfies Settings;

export const INDEXES: ReadonlyArray<{ uid: string; settings: Settings }> = [
  { uid: LISTINGS_INDEX, settings: listingIndexSettings },
  { uid: POLICIES_INDEX, settings: policyIndexSettings },
];

export class SearchTaskError extends Error {
  constructor(task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type} on ${task.indexUid}) ${task.status}: ${task.error?.message ?? 'no detail'}`,
    );
  }
}

/**
 * Creates the indexes (primary key `id`) and applies their settings, waiting for each task. Safe to run at
 * every start and from several processes at once: an index that already exists is not an error, and settings
 * that did not change cost the engine nothing. A settings change that re-indexes many documents can take a
 * while, hence the generous wait.
 */
export async function applyIndexSettings(client: Meilisearch, { timeoutMs = 120_000 } = {}): Promise<void> {
  for (const { uid, settings } of INDEXES) {
    const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: timeoutMs });
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists')
      throw new SearchTaskError(created);
    const updated = await client.index(uid).updateSettings(settings).waitTask({ timeout: timeoutMs });
    if (updated.status !== 'succeeded') throw new SearchTaskError(updated);
  }
}
