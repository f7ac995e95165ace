import { STOP_WORDS } from '../../search/settings.js';
import { SEGMENTATION_DICTIONARY, SYNONYM_GROUPS } from '../../search/synonyms.js';

// The words of a demand that are worth looking for. A demand is prose (我公司……需要……希望……), and the engine
// treats a query as words that should all match, dropping words from the end when none does: the prose's first
// word (求购, 我公司) then decides, and it matches nothing. So matching asks the engine for each word on its own
// (the engine applies its own segmentation, synonyms and typo rules to each) and weighs the answers itself.
//
// Words come from two places: the platform's vocabulary (synonym terms and the segmentation dictionary, found
// as substrings, so 滴灌 is found inside 棉田滴灌智能控制 without a segmenter that knows it), and the words
// of the text as ICU's segmenter (Intl.Segmenter, built into Node) cuts them, where runs of single Han
// characters are read in pairs (ICU cuts unknown compounds such as 滴头 into 滴·头).

const HAN = /\p{Script=Han}/u;
/**
 * Words every demand and most listings use (技术 "technology", 产品 "product", the verbs of asking): they say
 * what kind of text it is, not what it is about, and a listing sharing only them is no match. The engine's own
 * stop words (search/settings.ts) are left out too.
 */
export const DEMAND_BOILERPLATE = [
  '技术',
  '产品',
  '求购',
  '需求',
  '征集',
  '方式',
  '引进',
  '指导',
  '用于',
  '提高',
  '改造',
  '经营',
  '合作',
  '方案',
  'technology',
  'technologies',
  'product',
  'products',
  'solution',
  'company',
];
const STOP = new Set([...STOP_WORDS, ...DEMAND_BOILERPLATE].map((w) => w.toLowerCase()));
/** The most words one demand is matched by: each is one engine query. */
export const MAX_DEMAND_TERMS = 24;

const VOCABULARY_ZH = [
  ...new Set([...SYNONYM_GROUPS.flatMap((g) => g.zh), ...SEGMENTATION_DICTIONARY].filter((t) => [...t].length >= 2)),
].sort((a, b) => [...b].length - [...a].length);
const VOCABULARY_EN = [...new Set(SYNONYM_GROUPS.flatMap((g) => g.en))];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function vocabularyIn(text: string): string[] {
  const lower = text.toLowerCase();
  const zh = VOCABULARY_ZH.filter((term) => text.includes(term));
  const en = VOCABULARY_EN.filter((term) => new RegExp(`(^|[^a-z])${escape(term)}($|[^a-z])`).test(lower));
  return [...zh, ...en];
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function segmentsOf(text: string): string[] {
  const words: string[] = [];
  let run = '';
  // A run of single Han characters is an unknown compound or several: its two-character windows are tried
  // (红·枣·冷·链 → 红枣, 枣冷, 冷链); a window that is no word matches nothing and weighs nothing.
  const flush = () => {
    const chars = [...run];
    for (let i = 0; i + 2 <= chars.length; i++) words.push(chars[i] + chars[i + 1]);
    run = '';
  };
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) {
      flush();
      continue;
    }
    const chars = [...s.segment];
    if (chars.length === 1 && HAN.test(s.segment)) {
      if (STOP.has(s.segment)) flush();
      else run += s.segment;
      continue;
    }
    flush();
    if (HAN.test(s.segment)) words.push(s.segment);
    else if (/^[a-z][a-z-]{2,}$/i.test(s.segment)) words.push(s.segment.toLowerCase());
  }
  flush();
  return words;
}

/**
 * The demand's words to match by, vocabulary first, then the longer words first, without stop words, numbers or
 * repeats, at most MAX_DEMAND_TERMS. A word inside a longer vocabulary term is kept too (节水 in 节水灌溉): a
 * listing may use either.
 */
export function demandTerms(...texts: string[]): string[] {
  const text = texts.join('\n');
  const segments = segmentsOf(text).sort((a, b) => [...b].length - [...a].length);
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of [...vocabularyIn(text), ...segments]) {
    const key = term.toLowerCase();
    if (seen.has(key) || STOP.has(key) || (HAN.test(term) && [...term].every((c) => STOP.has(c)))) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === MAX_DEMAND_TERMS) break;
  }
  return terms;
}
