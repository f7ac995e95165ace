import { describe, expect, it } from 'vitest';
import { landingAfterLogin, safeNext } from './next.js';

describe('landingAfterLogin', () => {
  it("lands on each role's work", () => {
    expect(landingAfterLogin('seller', null)).toBe('/seller');
    expect(landingAfterLogin('buyer', null)).toBe('/deals');
    expect(landingAfterLogin('broker', null)).toBe('/broker');
    expect(landingAfterLogin('admin', null)).toBe('/admin/review');
  });
  it('lets a next target on this site win', () => {
    expect(landingAfterLogin('admin', '/demands/dmd_1?tab=answers')).toBe('/demands/dmd_1?tab=answers');
    expect(landingAfterLogin('seller', '/deals/d1')).toBe('/deals/d1');
  });
  it('ignores a next target off the site', () => {
    for (const bad of ['//evil.example', 'https://evil.example', 'javascript:alert(1)', '/\\evil.example', ''])
      expect(landingAfterLogin('buyer', bad)).toBe('/deals');
  });
  it('keeps the profile as the default of a plain safeNext', () => {
    expect(safeNext(null)).toBe('/profile');
  });
});
