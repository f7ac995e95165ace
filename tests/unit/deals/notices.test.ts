import { describe, expect, it } from 'vitest';
import { DEAL_NOTICE_KEYS, dealNotice } from '../../../src/shared/deal-notices.js';

const CJK = /[\u4e00-\u9fff]/;

describe('deal notification texts', () => {
  it('give every notice a Chinese and an English sentence, never the raw key', () => {
    expect(DEAL_NOTICE_KEYS.length).toBeGreaterThan(30);
    for (const key of DEAL_NOTICE_KEYS) {
      const [zh, en] = dealNotice(key, '红枣深加工');
      expect(zh, key).toMatch(/^.*[\u4e00-\u9fff].*：红枣深加工$/);
      expect(en, key).toMatch(/^[A-Z].*: 红枣深加工$/);
      expect(CJK.test(en.replace(': 红枣深加工', '')), `${key}: English text has Chinese`).toBe(false);
      for (const text of [zh, en]) expect(text, key).not.toContain(key);
    }
  });
});
