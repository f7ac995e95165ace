import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInChineseCapitals } from '../../../src/invoices/amount-words.js';

describe('amountInChineseCapitals', () => {
  // The worked examples of 《正确填写票据和结算凭证的基本规定》 (支付结算办法 附件一), in fen.
  it.each([
    [168_032, '壹仟陆佰捌拾元零叁角贰分'],
    [10_700_053, '壹拾万柒仟元零伍角叁分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [600_714, '陆仟零柒元壹角肆分'],
  ])('PBoC example %i fen → %s', (fen, words) => {
    expect(amountInChineseCapitals(fen)).toBe(words);
  });

  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [1_000, '壹拾元整'], // a leading ten is 壹拾, never 拾
    [1_050, '壹拾元零伍角'],
    [1_100, '壹拾壹元整'],
    [100_000, '壹仟元整'],
    [101_000, '壹仟零壹拾元整'],
    [100_100, '壹仟零壹元整'],
    [1_000_000, '壹万元整'],
    [1_001_000, '壹万零壹拾元整'],
    [10_000_000, '壹拾万元整'],
    [10_070_000, '壹拾万零柒佰元整'],
    [100_000_000, '壹佰万元整'],
    [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [10_000_000_000, '壹亿元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [11_000_000_000, '壹亿壹仟万元整'],
    [100_000_000_100, '壹拾亿零壹元整'],
    [105_000_000_000, '壹拾亿伍仟万元整'],
    [100_000_000_000_000, '壹万亿元整'],
    [100_005_000_000_000, '壹万亿零伍仟万元整'],
    [9_007_199_254_740_991, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInChineseCapitals(fen)).toBe(words);
  });

  it.each([
    [-12_345, '负壹佰贰拾叁元肆角伍分'],
    [-500_000, '负伍仟元整'],
    [-5, '负伍分'],
  ])('negative %i fen → %s', (fen, words) => {
    expect(amountInChineseCapitals(fen)).toBe(words);
  });

  it('never writes two 零 in a row or 零 before a unit, and ends 整 exactly when there are no jiao or fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const words = amountInChineseCapitals(fen);
        expect(words).not.toMatch(/零零/);
        expect(words).not.toMatch(/零[元角分万亿]|零整|零$/);
        expect(words.endsWith('整')).toBe(fen % 100 === 0);
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
      }),
    );
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s', (fen) => {
    expect(() => amountInChineseCapitals(fen)).toThrow(RangeError);
  });
});
