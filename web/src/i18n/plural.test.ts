import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { pluralKey } from './plural.js';
import { zhCN } from './zh-CN.js';

const fill = (text: string, count: number) => text.replace('{count}', String(count));

describe('pluralKey', () => {
  it('picks the singular for one in English and the plural otherwise', () => {
    expect(pluralKey('en', 'packages.count', 1)).toBe('packages.count.one');
    for (const n of [0, 2, 11, 1.5]) expect(pluralKey('en', 'packages.count', n)).toBe('packages.count.other');
  });
  it('has one form in Chinese', () => {
    for (const n of [0, 1, 2]) expect(pluralKey('zh-CN', 'packages.count', n)).toBe('packages.count.other');
  });
  it('reads right with the dictionaries', () => {
    expect(fill(en[pluralKey('en', 'packages.count', 1)], 1)).toBe('1 technology');
    expect(fill(en[pluralKey('en', 'packages.count', 2)], 2)).toBe('2 technologies');
    expect(fill(zhCN[pluralKey('zh-CN', 'packages.count', 1)], 1)).toBe('1 项成果');
  });
});
