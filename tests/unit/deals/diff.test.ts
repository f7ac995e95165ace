import { describe, expect, it } from 'vitest';
import { diffTerms } from '../../../src/deals/diff.js';
import { cooperationTerms, licenseTerms } from './fixtures.js';

describe('diffTerms', () => {
  it('is empty for equal terms, including deep copies', () => {
    expect(diffTerms(licenseTerms, structuredClone(licenseTerms))).toEqual([]);
  });

  it('names each changed leaf with a dotted path, arrays by index', () => {
    const next = structuredClone(cooperationTerms);
    next.budget = 13_000_000;
    next.milestones[1].amount = 9_000_000;
    next.milestones[0].dueDate = '2026-07-31';
    expect(diffTerms(cooperationTerms, next)).toEqual([
      { path: 'budget', from: 12_000_000, to: 13_000_000 },
      { path: 'milestones.0.dueDate', from: '2026-06-30', to: '2026-07-31' },
      { path: 'milestones.1.amount', from: 8_000_000, to: 9_000_000 },
    ]);
  });

  it('reports added and removed keys and array elements', () => {
    const next = { ...licenseTerms, minimumAnnualRoyalty: 1_000_000, milestones: [licenseTerms.milestones![0]] };
    expect(diffTerms(licenseTerms, next)).toEqual([
      { path: 'milestones.1', from: licenseTerms.milestones![1], to: undefined },
      { path: 'minimumAnnualRoyalty', from: undefined, to: 1_000_000 },
    ]);
    expect(diffTerms({ milestones: [] }, { milestones: [{ name: 'a', amount: 1 }] })).toEqual([
      { path: 'milestones.0', from: undefined, to: { name: 'a', amount: 1 } },
    ]);
  });

  it('reports a change of kind at the path where it happens, and the whole value at the root', () => {
    expect(diffTerms({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', from: [1], to: { 0: 1 } }]);
    expect(diffTerms(null, licenseTerms)).toEqual([{ path: '', from: null, to: licenseTerms }]);
  });
});
