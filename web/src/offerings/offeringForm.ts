import type { Problem } from '../lib/problems.js';
import { parseYuan } from '../i18n/format.js';
import { parseLicense, parsePercentBp, type LicenseValues, type TermsErrors } from '../deals/termsForm.js';
import { MAX_FEN, PRICING_BASIS_KINDS, type PricingBasisKind } from '../../../src/shared/deal.ts';
import { LISTING_DAYS_DEFAULT, LISTING_DAYS_MAX, LISTING_DAYS_MIN } from '../../../src/shared/offering.ts';
import type { OfferingForm, OfferingInput, OfferingTerms, PricingBasis, RelistInput } from './types.js';

// The offering form as typed (strings) and its checks: money in yuan sent as integer fen, the listing period in
// days. Errors are keyed by the API's body paths (`basePrice`, `terms.territory`) so that the server's own
// field errors land on the same inputs.

// The listing period's default and bounds are the server's (src/shared/offering.ts, where the choice is recorded).
export {
  LISTING_DAYS_DEFAULT as DEFAULT_LISTING_DAYS,
  LISTING_DAYS_MAX as MAX_LISTING_DAYS,
  LISTING_DAYS_MIN as MIN_LISTING_DAYS,
};
export const BASIS_REFERENCE_MAX = 200;

export interface PricingValues {
  basePrice: string;
  basisKind: string;
  basisReference: string;
  listingDays: string;
}
export interface ShareRow {
  name: string;
  share: string;
  dueDays: string;
}
export interface OfferingValues extends PricingValues {
  form: OfferingForm;
  license: Omit<LicenseValues, 'upfrontFee'>;
  transfer: { payments: ShareRow[] };
  deposit: string;
  increment: string;
}
export type OfferingErrors = Record<string, Problem>;

export const emptyPricing = (): PricingValues => ({
  basePrice: '',
  basisKind: 'appraisal',
  basisReference: '',
  listingDays: String(LISTING_DAYS_DEFAULT),
});

export const emptyOffering = (form: OfferingForm): OfferingValues => ({
  ...emptyPricing(),
  form,
  license: {
    licenseType: 'non_exclusive',
    territory: '',
    fieldOfUse: '',
    termMonths: '',
    royaltyRate: '0',
    minimumAnnualRoyalty: '',
    milestones: [],
  },
  transfer: { payments: [{ name: '', share: '100', dueDays: '30' }] },
  deposit: '',
  increment: '',
});

/** An amount typed in yuan, as fen; at least one fen unless `min` is 0 (a deposit may be waived). */
function money(errors: OfferingErrors, path: string, text: string, min = 1): number | null {
  if (!text.trim()) return ((errors[path] = { key: 'form.required' }), null);
  const fen = parseYuan(text);
  if (fen === null) return ((errors[path] = { key: 'listingForm.money' }), null);
  if (fen > MAX_FEN) return ((errors[path] = { key: 'listingForm.moneyMax' }), null);
  if (fen < min) return ((errors[path] = { key: 'offerings.error.positive' }), null);
  return fen;
}

export function parsePricing(v: PricingValues): { input: RelistInput | null; errors: OfferingErrors } {
  const errors: OfferingErrors = {};
  const basePrice = money(errors, 'basePrice', v.basePrice);
  const kind = (PRICING_BASIS_KINDS as readonly string[]).includes(v.basisKind)
    ? (v.basisKind as PricingBasisKind)
    : null;
  if (!kind) errors['basis.kind'] = { key: 'form.required' };
  const reference = v.basisReference.trim();
  if (!reference) errors['basis.reference'] = { key: 'form.required' };
  else if (reference.length > BASIS_REFERENCE_MAX)
    errors['basis.reference'] = { key: 'listingForm.tooLong', vars: { max: BASIS_REFERENCE_MAX } };
  const days = Number(v.listingDays.trim());
  if (!/^\d+$/.test(v.listingDays.trim()) || days < LISTING_DAYS_MIN || days > LISTING_DAYS_MAX)
    errors.listingDays = { key: 'offerings.error.listingDays', vars: { min: LISTING_DAYS_MIN, max: LISTING_DAYS_MAX } };
  if (Object.keys(errors).length) return { input: null, errors };
  const basis: PricingBasis = { kind: kind!, reference };
  return { input: { basePrice: basePrice!, basis, listingDays: days }, errors };
}

/** The licence terms without the upfront fee: the fee is what the market prices (the backend fills it in). */
function licenceTerms(v: OfferingValues['license'], errors: OfferingErrors): OfferingTerms | null {
  const parsed = parseLicense({ ...v, upfrontFee: '0' } as LicenseValues);
  for (const [path, problem] of Object.entries(parsed.errors as TermsErrors)) errors[`terms.${path}`] = problem;
  if (!parsed.terms) return null;
  const { upfrontFee: _fee, ...terms } = parsed.terms;
  return terms;
}

/**
 * A transfer's payment schedule with each instalment's share of the price (typed in percent, sent in basis
 * points, adding up to 100%): the amounts follow from the price the market forms.
 */
function transferTerms(v: OfferingValues['transfer'], errors: OfferingErrors): OfferingTerms | null {
  const before = Object.keys(errors).length;
  const fail = (path: string, problem: Problem) => {
    if (!errors[path]) errors[path] = problem;
  };
  if (v.payments.length === 0) fail('terms.payments', { key: 'terms.rowsMin' });
  if (v.payments.length > 24) fail('terms.payments', { key: 'listingForm.tooMany', vars: { max: 24 } });
  const payments = v.payments.map((p, i) => {
    const at = `terms.payments.${i}`;
    const name = p.name.trim();
    if (!name) fail(`${at}.name`, { key: 'form.required' });
    else if (name.length > 200) fail(`${at}.name`, { key: 'listingForm.tooLong', vars: { max: 200 } });
    const shareBp = parsePercentBp(p.share);
    if (shareBp === null || shareBp < 1 || shareBp > 10_000) fail(`${at}.shareBp`, { key: 'terms.percentPositive' });
    const dueDays = Number(p.dueDays.trim());
    if (!/^\d+$/.test(p.dueDays.trim()) || dueDays > 3650)
      fail(`${at}.dueDays`, { key: 'terms.integerRange', vars: { min: 0, max: 3650 } });
    return { name, shareBp: shareBp ?? 0, dueDays };
  });
  if (Object.keys(errors).length > before) return null;
  const total = payments.reduce((sum, p) => sum + p.shareBp, 0);
  if (total !== 10_000) {
    fail('terms.payments', { key: 'offerings.error.sharesSum', vars: { sum: total / 100 } });
    return null;
  }
  return { payments };
}

export function parseOffering(
  listingId: string,
  v: OfferingValues,
): { input: OfferingInput | null; errors: OfferingErrors } {
  const { input: pricing, errors } = parsePricing(v);
  const deposit = money(errors, 'deposit', v.deposit, 0);
  const increment = money(errors, 'increment', v.increment);
  const terms = v.form === 'license' ? licenceTerms(v.license, errors) : transferTerms(v.transfer, errors);
  if (Object.keys(errors).length || !pricing || !terms) return { input: null, errors };
  return {
    input: { listingId, form: v.form, terms, ...pricing, deposit: deposit!, increment: increment! },
    errors,
  };
}
