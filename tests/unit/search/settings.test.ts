import { describe, expect, it } from 'vitest';
import { OutputTail } from '../../../search/meili-process.js';
import {
  INDEXES,
  LISTINGS_INDEX,
  POLICIES_INDEX,
  listingIndexSettings,
  policyIndexSettings,
} from '../../../search/settings.js';
import { SEGMENTATION_DICTIONARY } from '../../../search/synonyms.js';

describe('index settings', () => {
  it('rank listing attributes title first, description late', () => {
    expect(listingIndexSettings.searchableAttributes).toEqual([
      'title',
      'titleEn',
      'keywords',
      'summary',
      'description',
      'organizationName',
      'inventors',
      // Last: a region's names (石河子 finds 第八师石河子市's listings) rank below every word of the listing.
      'regionName',
    ]);
    expect(listingIndexSettings.sortableAttributes).toEqual(['publishedAt', 'askingPrice', 'trl']);
  });

  it('name a locale for every searchable attribute, so the engine never guesses Japanese for Chinese', () => {
    for (const { settings } of INDEXES) {
      const patterns = settings.localizedAttributes?.flatMap((a) => a.attributePatterns) ?? [];
      for (const attribute of settings.searchableAttributes ?? []) {
        expect(patterns.includes(attribute) || patterns.includes('*'), attribute).toBe(true);
      }
    }
  });

  it('share synonyms and the segmentation dictionary between indexes', () => {
    expect(INDEXES.map((i) => i.uid)).toEqual([LISTINGS_INDEX, POLICIES_INDEX]);
    expect(policyIndexSettings.synonyms).toEqual(listingIndexSettings.synonyms);
    expect(policyIndexSettings.dictionary).toEqual([...SEGMENTATION_DICTIONARY]);
    expect(policyIndexSettings.filterableAttributes).toEqual(['level', 'year', 'category']);
    expect(policyIndexSettings.typoTolerance.disableOnAttributes).toEqual(['documentNumber']);
  });

  it('put sort right after words, so a price sort orders the matching listings by price', () => {
    expect(listingIndexSettings.rankingRules.slice(0, 2)).toEqual(['words', 'sort']);
  });
});

describe('OutputTail', () => {
  it('keeps the last lines, without colour codes, across chunk boundaries', () => {
    const seen: string[] = [];
    const tail = new OutputTail(2, (line) => seen.push(line));
    tail.push('one\ntw');
    tail.push('o\n\x1b[31mERROR\x1b[0m bad\n');
    tail.push('partial');
    expect(seen).toEqual(['one', 'two', 'ERROR bad']);
    expect(tail.text()).toBe('ERROR bad\npartial');
    expect(tail.text(1)).toBe('partial');
    const log = new OutputTail();
    log.push('888b     d888\nDatabase path: "x"\n2026-01-05T10:00:00.000Z WARN meilisearch: slow\n');
    expect(log.records(8)).toBe('2026-01-05T10:00:00.000Z WARN meilisearch: slow');
  });
});
