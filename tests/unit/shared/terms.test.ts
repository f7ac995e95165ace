import { describe, expect, it } from 'vitest';
import { validateEventPayload } from '../../../src/shared/deal-events.js';
import { contractValue, equityRewardErrors, validateTerms } from '../../../src/shared/terms.js';
import { cooperationTerms, equityTerms, licenseTerms, TERMS, transferTerms } from '../deals/fixtures.js';
import type { DealForm } from '../../../src/deals/machines/index.js';

const paths = (errors: Array<{ path: string }>) => errors.map((e) => e.path);

describe('validateTerms', () => {
  it('accepts the terms of every form as API.md shapes them', () => {
    for (const form of Object.keys(TERMS) as DealForm[]) expect(validateTerms(form, TERMS[form]), form).toEqual([]);
    expect(validateTerms('license', { ...licenseTerms, milestones: undefined, minimumAnnualRoyalty: 0 })).toEqual([]);
  });

  it('names each field that is missing, unknown, out of range or of the wrong kind', () => {
    const errors = validateTerms('license', {
      licenseType: 'exclusiv',
      territory: '',
      termMonths: 601,
      upfrontFee: -1,
      extra: true,
      milestones: [{ name: 'x', amount: 0.5 }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'fieldOfUse', message: 'is required' },
        { path: 'extra', message: 'is not an allowed property' },
        { path: 'licenseType', message: 'must be one of exclusive, sole, non_exclusive' },
      ]),
    );
    expect(paths(errors)).toEqual([
      'fieldOfUse',
      'royaltyRateBp',
      'extra',
      'licenseType',
      'territory',
      'termMonths',
      'upfrontFee',
      'milestones.0.amount',
    ]);
    expect(paths(validateTerms('license', { ...licenseTerms, royaltyRateBp: 10_001 }))).toEqual(['royaltyRateBp']);
    expect(paths(validateTerms('license', { ...licenseTerms, termMonths: 0 }))).toEqual(['termMonths']);
    expect(validateTerms('license', { ...licenseTerms, fieldOfUse: '   ' })).toEqual([
      { path: 'fieldOfUse', message: 'must not be blank' },
    ]);
    expect(paths(validateTerms('license', { ...licenseTerms, territory: 'x'.repeat(201) }))).toEqual(['territory']);
    expect(paths(validateTerms('license', { ...licenseTerms, upfrontFee: '100' }))).toEqual(['upfrontFee']);
    expect(validateTerms('license', null)).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('requires transfer payments to add up to the price', () => {
    const payments = [
      { name: 'Deposit', amount: 9_000_000, dueDays: 0 },
      { name: 'Balance', amount: 20_999_999, dueDays: 90 },
    ];
    expect(validateTerms('transfer', { ...transferTerms, payments })).toEqual([
      { path: 'payments', message: 'the payments add up to 29999999 fen, not the price of 30000000 fen' },
    ]);
    expect(paths(validateTerms('transfer', { price: 1, payments: [] }))).toEqual(['payments']);
    expect(
      paths(
        validateTerms('transfer', { ...transferTerms, payments: [{ name: 'All', amount: 30_000_000, dueDays: -1 }] }),
      ),
    ).toEqual(['payments.0.dueDays']);
  });

  it('requires cooperation milestones to add up to the budget, with calendar due dates', () => {
    expect(paths(validateTerms('cooperation', { ...cooperationTerms, budget: 12_000_001 }))).toEqual(['milestones']);
    const badDate = structuredClone(cooperationTerms);
    badDate.milestones[1].dueDate = '2026-02-30';
    expect(validateTerms('cooperation', badDate)).toEqual([
      { path: 'milestones.1.dueDate', message: 'must be a calendar date (YYYY-MM-DD)' },
    ]);
    expect(paths(validateTerms('cooperation', { ...cooperationTerms, ipOwnership: 'state' }))).toEqual(['ipOwnership']);
  });

  it("gives inventors at least half of a public institution's equity, and leaves others free (Law Arts. 44–45)", () => {
    expect(validateTerms('equity', { ...equityTerms, inventorRewardBp: 4_999 })).toEqual([]);
    expect(equityRewardErrors({ inventorRewardBp: 5_000 }, true)).toEqual([]);
    const [error] = equityRewardErrors({ inventorRewardBp: 4_999 }, true);
    expect(error.path).toBe('inventorRewardBp');
    expect(error.message).toMatch(/Art\. 45/);
    expect(equityRewardErrors({ inventorRewardBp: 0 }, false)).toEqual([]);
    expect(paths(validateTerms('equity', { ...equityTerms, equityPercentBp: 10_001 }))).toEqual(['equityPercentBp']);
    expect(paths(validateTerms('equity', { ...equityTerms, equityPercentBp: 0 }))).toEqual(['equityPercentBp']);
  });
});

describe('contractValue', () => {
  it('is the upfront fee plus milestones, the price, the valuation or the budget', () => {
    expect(contractValue('license', licenseTerms)).toBe(35_000_000);
    expect(contractValue('license', { ...licenseTerms, milestones: undefined })).toBe(20_000_000);
    expect(contractValue('transfer', transferTerms)).toBe(30_000_000);
    expect(contractValue('equity', equityTerms)).toBe(50_000_000);
    expect(contractValue('cooperation', cooperationTerms)).toBe(12_000_000);
  });
});

describe('validateEventPayload', () => {
  const envelope = { actor: { userId: 'u', role: 'buyer' }, at: '2026-03-02T02:00:00.000Z' };

  it('validates proposed terms under `terms.`', () => {
    expect(validateEventPayload('transfer', { type: 'PROPOSE_TERMS', ...envelope, terms: transferTerms })).toEqual([]);
    expect(validateEventPayload('transfer', { type: 'PROPOSE_TERMS', ...envelope })).toEqual([
      { path: 'terms', message: 'is required' },
    ]);
    expect(
      paths(
        validateEventPayload('transfer', { type: 'PROPOSE_TERMS', ...envelope, terms: { ...transferTerms, price: 1 } }),
      ),
    ).toEqual(['terms.payments']);
    // The form decides the shape: licence terms are not transfer terms.
    expect(
      paths(validateEventPayload('transfer', { type: 'PROPOSE_TERMS', ...envelope, terms: licenseTerms })),
    ).toContain('terms.price');
  });

  it('names the fields of every other payload', () => {
    expect(
      paths(
        validateEventPayload('license', { type: 'REPORT_ROYALTIES', ...envelope, period: '2026H3', netSales: 1.5 }),
      ),
    ).toEqual(['period', 'netSales']);
    expect(
      validateEventPayload('license', { type: 'REPORT_ROYALTIES', ...envelope, period: '2026-13', netSales: 1 })[0]
        .message,
    ).toMatch(/2026H1/);
    expect(
      validateEventPayload('license', { type: 'REPORT_ROYALTIES', ...envelope, period: '2026Q4', netSales: 0 }),
    ).toEqual([]);
    expect(paths(validateEventPayload('license', { type: 'TERMINATE', ...envelope }))).toEqual(['reason']);
    expect(
      paths(
        validateEventPayload('license', {
          type: 'ASSIGN_BROKER',
          ...envelope,
          brokerId: 'us_000000000000000broker',
          commissionRateBp: 20_000,
        }),
      ),
    ).toEqual(['commissionRateBp']);
    expect(
      paths(
        validateEventPayload('transfer', {
          type: 'RECORD_ASSIGNMENT',
          ...envelope,
          registrationNo: 'ZL-1',
          registeredAt: '2026/05/01',
        }),
      ),
    ).toEqual(['registeredAt']);
    expect(
      paths(
        validateEventPayload('equity', {
          type: 'SUBMIT_APPRAISAL',
          ...envelope,
          appraiser: 'A',
          reportNo: 'R',
          appraisedValue: -1,
        }),
      ),
    ).toEqual(['appraisedValue']);
    expect(
      paths(validateEventPayload('cooperation', { type: 'REQUEST_CHANGES', ...envelope, index: 0, reason: ' ' })),
    ).toEqual(['reason']);
    expect(paths(validateEventPayload('license', { type: 'SIGN_CONTRACT', ...envelope, note: 'x' }))).toEqual(['note']);
    expect(validateEventPayload('license', { type: 'DECLINE', ...envelope })).toEqual([]);
    expect(validateEventPayload('license', { type: 'HACK', ...envelope })).toEqual([
      { path: 'type', message: 'is not a deal event' },
    ]);
    expect(validateEventPayload('license', { type: 'toString', ...envelope })).toEqual([
      { path: 'type', message: 'is not a deal event' },
    ]);
  });
});
