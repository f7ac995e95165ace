import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/shared/listing.js';
import {
  FIELD_SYNONYMS,
  SEGMENTATION_DICTIONARY,
  SYNONYM_GROUPS,
  TERM_SYNONYMS,
  synonymMap,
} from '../../../search/synonyms.js';

const map = synonymMap();

describe('synonyms', () => {
  it('are mutual: every synonym leads back', () => {
    for (const [term, others] of Object.entries(map)) {
      expect(others).not.toContain(term);
      for (const other of others) expect(map[other], `${other} → ${term}`).toContain(term);
    }
  });

  it('merge groups that share a term', () => {
    expect(
      synonymMap([
        { zh: ['甲'], en: ['a'] },
        { zh: ['甲'], en: ['b'] },
      ]),
    ).toEqual({ 甲: ['a', 'b'], a: ['甲'], b: ['甲'] });
  });

  it('cover the eight key fields in both languages', () => {
    for (const field of FIELDS) {
      const groups = FIELD_SYNONYMS[field];
      expect(groups.length, field).toBeGreaterThan(0);
      for (const group of groups) {
        expect(group.zh.length, field).toBeGreaterThan(0);
        expect(group.en.length, field).toBeGreaterThan(0);
      }
    }
    expect(map['智能制造']).toContain('intelligent manufacturing');
    expect(map['environmental protection']).toContain('生态环保');
    expect(map['smart city']).toContain('智慧城镇');
  });

  it('cover the common Corps terms', () => {
    expect(TERM_SYNONYMS.length).toBeGreaterThanOrEqual(40);
    const pairs: Array<[string, string]> = [
      ['滴灌', 'drip irrigation'],
      ['节水灌溉', 'water-saving irrigation'],
      ['棉花', 'cotton'],
      ['采棉机', 'cotton picker'],
      ['番茄', 'tomato'],
      ['红枣', 'jujube'],
      ['葡萄', 'grape'],
      ['盐碱地', 'saline-alkali land'],
      ['光伏', 'photovoltaic'],
      ['风电', 'wind power'],
      ['储能', 'energy storage'],
      ['无人机', 'drone'],
      ['无人机', 'uav'],
      ['北斗', 'beidou'],
      ['物联网', 'iot'],
      ['大数据', 'big data'],
      ['人工智能', 'ai'],
      ['专利', 'patent'],
      ['育种', 'breeding'],
      ['疫苗', 'vaccine'],
      ['石墨烯', 'graphene'],
      ['膜', 'membrane'],
    ];
    for (const [zh, en] of pairs) {
      expect(map[zh], zh).toContain(en);
      expect(map[en], en).toContain(zh);
    }
  });

  // The engine only matches synonyms of up to three words, and normalises case.
  it('are short enough for the engine to match, English in lower case', () => {
    for (const group of SYNONYM_GROUPS) {
      for (const en of group.en) {
        expect(en.split(/[\s-]+/).length, en).toBeLessThanOrEqual(3);
        expect(en, en).toBe(en.toLowerCase());
      }
      for (const zh of group.zh) expect(zh, zh).toMatch(/^\p{Script=Han}{1,6}$/u);
    }
  });
});

describe('segmentation dictionary', () => {
  it('keeps short Chinese terms whole but not compounds, whose parts must stay searchable', () => {
    expect(SEGMENTATION_DICTIONARY).toEqual(expect.arrayContaining(['智能', '采棉机', '滴灌', '无人机']));
    expect(SEGMENTATION_DICTIONARY).not.toContain('节水灌溉');
    expect(SEGMENTATION_DICTIONARY).not.toContain('膜');
    for (const word of SEGMENTATION_DICTIONARY) expect([...word].length).toBeGreaterThanOrEqual(2);
    expect(new Set(SEGMENTATION_DICTIONARY).size).toBe(SEGMENTATION_DICTIONARY.length);
  });
});
