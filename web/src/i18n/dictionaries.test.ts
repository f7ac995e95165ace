import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { translate } from './I18nProvider.js';
import { zhCN, type MessageKey } from './zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys and, per key, the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      expect({ key, vars: placeholders(en[key]) }).toEqual({ key, vars: placeholders(zhCN[key]) });
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate(zhCN, 'search.total', { total: 45 })).toBe('共 45 项成果');
    expect(translate(en, 'pager.status', { page: 2, pages: 3 })).toBe('Page 2 of 3');
    expect(translate(en, 'pager.status', { page: 2 })).toBe('Page 2 of {pages}');
  });
});
