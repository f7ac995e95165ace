import { describe, expect, it } from 'vitest';
import { REGIONS, REGION_CODES, isRegionCode, regionFromText, regionOf } from '../../../src/shared/regions.js';

describe('regions, a closed set', () => {
  it('holds the Corps, its 14 divisions with their cities, and the 34 provincial-level divisions, codes unique', () => {
    expect(new Set(REGION_CODES).size).toBe(REGIONS.length);
    const divisions = REGIONS.filter((r) => r.kind === 'division');
    expect(divisions.map((d) => d.code)).toEqual(
      Array.from({ length: 14 }, (_, i) => `66${String(i + 1).padStart(2, '0')}00`),
    );
    expect(REGIONS.filter((r) => r.kind === 'province')).toHaveLength(34);
    for (const r of REGIONS) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.zh).toMatch(/\p{Script=Han}/u);
      expect(r.en).toMatch(/^[A-Za-z0-9 ,().-]+$/);
    }
    expect(regionOf('660800')).toMatchObject({ zh: '第八师石河子市', en: '8th Division, Shihezi', cityCode: '659001' });
    expect(regionOf('661100')).toMatchObject({ zh: '第十一师' });
    expect(regionOf('661100')!.cityCode).toBeUndefined();
    for (const zh of ['第一师阿拉尔市', '第六师五家渠市', '第三师图木舒克市', '第十师北屯市', '第七师胡杨河市'])
      expect(divisions.map((d) => d.zh)).toContain(zh);
  });

  it('accepts only its codes', () => {
    expect(isRegionCode('660100')).toBe(true);
    expect(isRegionCode('320000')).toBe(true);
    for (const bad of ['第八师石河子市', '659001', '661500', '', null, 660100]) expect(isRegionCode(bad)).toBe(false);
  });

  it.each([
    ['第八师石河子市', '660800'],
    ['石河子', '660800'],
    ['石河子市', '660800'],
    ['第八师', '660800'],
    [' 第一师 阿拉尔市 ', '660100'],
    ['659002', '660100'],
    ['江苏省', '320000'],
    ['江苏', '320000'],
    ['新疆维吾尔自治区', '650000'],
    ['新疆生产建设兵团', '660000'],
    ['Beijing', '110000'],
    ['乌鲁木齐市', undefined],
    ['', undefined],
  ])('maps the old text %j to %j', (text, code) => {
    expect(regionFromText(text)).toBe(code);
  });
});
