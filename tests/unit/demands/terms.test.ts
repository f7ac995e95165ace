import { describe, expect, it } from 'vitest';
import { MAX_DEMAND_TERMS, demandTerms } from '../../../src/demands/terms.js';

describe('the words a demand is matched by', () => {
  it('finds the vocabulary inside unsegmented Chinese and pairs the characters ICU leaves single', () => {
    const terms = demandTerms('求购棉田滴灌智能控制技术', '需要滴灌水肥一体化及远程智能控制技术。');
    expect(terms).toEqual(expect.arrayContaining(['滴灌', '水肥一体化', '智能', '控制', '远程', '棉田']));
    // 滴头 is no dictionary word; ICU cuts it into 滴·头, and the pair is tried.
    expect(demandTerms('抗堵塞滴头', '')).toContain('滴头');
  });

  it('leaves out stop words, boilerplate, numbers and repeats', () => {
    const terms = demandTerms('我公司需要红枣保鲜技术', '希望以许可方式引进红枣保鲜产品，8 万亩。');
    for (const word of ['我公司', '需要', '希望', '技术', '产品', '方式', '引进', '8'])
      expect(terms).not.toContain(word);
    expect(terms.filter((t) => t === '红枣')).toHaveLength(1);
    expect(terms).toEqual(expect.arrayContaining(['红枣', '保鲜']));
  });

  it('reads English words and the English vocabulary, lower-cased', () => {
    const terms = demandTerms('Drip irrigation emitters', 'We need clog-resistant emitters for cotton fields.');
    expect(terms).toEqual(expect.arrayContaining(['drip irrigation', 'cotton', 'emitters']));
    for (const word of ['we', 'need', 'for']) expect(terms).not.toContain(word);
  });

  it('asks at most MAX_DEMAND_TERMS words, the vocabulary first', () => {
    const long = Array.from(
      { length: 60 },
      (_, i) => `词${String.fromCodePoint(0x4e00 + i * 7)}${String.fromCodePoint(0x4e00 + i * 11)}`,
    ).join('，');
    const terms = demandTerms('滴灌', long);
    expect(terms).toHaveLength(MAX_DEMAND_TERMS);
    expect(terms[0]).toBe('滴灌');
  });
});
