import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityRewardErrors, validateTerms } from '../../../src/shared/terms.ts';
import type { DealTerms, EquityTerms } from '../api/deal-types.js';
import type { DealForm } from '../api/types.js';
import {
  parseCooperation,
  parseEquity,
  parseLicense,
  parsePercentBp,
  parseTerms,
  parseTransfer,
  termsToValues,
  type LicenseValues,
} from './termsForm.js';

// The terms forms must accept exactly what the API accepts. The server's own validator (src/deals/terms.ts)
// is the judge: for any terms, reading them back through the form succeeds if and only if the server finds no
// problem, and then gives the same terms.

const licence: LicenseValues = {
  licenseType: 'exclusive',
  territory: '新疆维吾尔自治区',
  fieldOfUse: '棉花种植',
  termMonths: '60',
  upfrontFee: '200,000',
  royaltyRate: '3.5',
  minimumAnnualRoyalty: '',
  milestones: [{ name: '量产', amount: '50000.50' }],
};

describe('parsePercentBp', () => {
  it.each([
    ['5', 500],
    ['2.5', 250],
    ['0.25', 25],
    ['100', 10000],
    ['3%', 300],
    ['0', 0],
  ])('%s → %i bp', (text, bp) => expect(parsePercentBp(text)).toBe(bp));
  it.each(['', 'abc', '1.234', '-1', '1e2', '1000'])('rejects %j', (text) => expect(parsePercentBp(text)).toBeNull());
});

describe('the terms forms', () => {
  it('read a licence in fen and basis points', () => {
    expect(parseLicense(licence)).toEqual({
      errors: {},
      terms: {
        licenseType: 'exclusive',
        territory: '新疆维吾尔自治区',
        fieldOfUse: '棉花种植',
        termMonths: 60,
        upfrontFee: 20_000_000,
        royaltyRateBp: 350,
        milestones: [{ name: '量产', amount: 5_000_050 }],
      },
    });
  });

  it("put each problem under the API's path", () => {
    const { terms, errors } = parseLicense({
      ...licence,
      territory: '  ',
      termMonths: '0',
      royaltyRate: '120',
      milestones: [{ name: '', amount: '0' }],
    });
    expect(terms).toBeNull();
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key]))).toEqual({
      territory: 'form.required',
      termMonths: 'terms.integerRange',
      royaltyRateBp: 'terms.percent',
      'milestones.0.name': 'form.required',
      'milestones.0.amount': 'terms.moneyPositive',
    });
  });

  it("want a transfer's instalments to add up to the price", () => {
    const { errors } = parseTransfer({
      price: '100',
      payments: [
        { name: '首付', amount: '60', dueDays: '0' },
        { name: '尾款', amount: '30', dueDays: '90' },
      ],
    });
    expect(errors.payments).toEqual({ key: 'terms.paymentsSum', vars: { sum: '¥90.00', total: '¥100.00' } });
  });

  it("want at least half of a public institution's equity for the inventors (Law Art. 45), not an enterprise's", () => {
    const values = {
      valuation: '1000000',
      equityPercent: '20',
      companyName: '节水科技',
      registeredCapital: '5000000',
      inventorReward: '49.99',
    };
    expect(parseEquity(values, true).errors.inventorRewardBp?.key).toBe('terms.inventorRewardMin');
    const enterprise = parseEquity(values, false);
    expect(enterprise.errors).toEqual({});
    expect(enterprise.terms?.inventorRewardBp).toBe(4_999);
  });

  it('want cooperation milestones with real dates that add up to the budget', () => {
    const { errors } = parseCooperation({
      scope: '开发',
      budget: '100',
      ipOwnership: 'joint',
      milestones: [{ name: 'a', amount: '100', deliverable: 'b', dueDate: '2026-02-30' }],
    });
    expect(errors['milestones.0.dueDate']?.key).toBe('terms.date');
  });
});

// Strings as a person types them: no padding (the form trims), sometimes blank, sometimes too long.
const words = (max: number) =>
  fc.oneof(
    fc
      .string({ minLength: 1, maxLength: max + 5 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    fc.constant(''),
  );
const fen = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(0), fc.constant(100_000_000_000_001));
const bp = fc.integer({ min: 0, max: 12_000 });
const licenceTerms = fc.record(
  {
    licenseType: fc.constantFrom('exclusive', 'sole', 'non_exclusive'),
    territory: words(200),
    fieldOfUse: words(500),
    termMonths: fc.integer({ min: 0, max: 700 }),
    upfrontFee: fen,
    royaltyRateBp: bp,
    minimumAnnualRoyalty: fc.option(fen, { nil: undefined }),
    milestones: fc.option(fc.array(fc.record({ name: words(200), amount: fen }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
  },
  { requiredKeys: ['licenseType', 'territory', 'fieldOfUse', 'termMonths', 'upfrontFee', 'royaltyRateBp'] },
);
const transferTerms = fc
  .array(fc.record({ name: words(200), amount: fen, dueDays: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 3 })
  .chain((payments) =>
    fc.record({
      price: fc.oneof(fc.constant(payments.reduce((s, p) => s + p.amount, 0)), fen),
      payments: fc.constant(payments),
    }),
  );
const equityTerms = fc.record({
  valuation: fen,
  equityPercentBp: bp,
  companyName: words(200),
  registeredCapital: fen,
  inventorRewardBp: bp,
});
const cooperationTerms = fc
  .array(
    fc.record({
      name: words(200),
      amount: fen,
      deliverable: words(1000),
      dueDate: fc.oneof(
        fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constant('2026-13-01'),
      ),
    }),
    { maxLength: 3 },
  )
  .chain((milestones) =>
    fc.record({
      scope: words(2000),
      budget: fc.oneof(fc.constant(milestones.reduce((s, m) => s + m.amount, 0)), fen),
      ipOwnership: fc.constantFrom('buyer', 'seller', 'joint'),
      milestones: fc.constant(milestones),
    }),
  );

const agreesWithServer = (form: DealForm) => (terms: DealTerms) => {
  // The seller-bound rule (the inventors' equity floor) is compared with the precondition's own function.
  const publicInstitution = terms !== null && 'inventorRewardBp' in terms && terms.inventorRewardBp % 2 === 0;
  const server = [
    ...validateTerms(form, terms),
    ...(form === 'equity' ? equityRewardErrors(terms as EquityTerms, publicInstitution) : []),
  ];
  const parsed = parseTerms(form, termsToValues(form, terms), publicInstitution);
  expect({ webAccepts: parsed.terms !== null, serverErrors: server }).toEqual({
    webAccepts: server.length === 0,
    serverErrors: server,
  });
  if (parsed.terms) expect(parsed.terms).toEqual(terms);
};

describe('the terms forms and the API agree', () => {
  it('on licences', () =>
    fc.assert(fc.property(licenceTerms as fc.Arbitrary<DealTerms>, agreesWithServer('license')), { numRuns: 400 }));
  it('on transfers', () =>
    fc.assert(fc.property(transferTerms as fc.Arbitrary<DealTerms>, agreesWithServer('transfer')), { numRuns: 400 }));
  it('on equity', () =>
    fc.assert(fc.property(equityTerms as fc.Arbitrary<DealTerms>, agreesWithServer('equity')), { numRuns: 400 }));
  it('on cooperation', () =>
    fc.assert(fc.property(cooperationTerms as fc.Arbitrary<DealTerms>, agreesWithServer('cooperation')), {
      numRuns: 400,
    }));
});
