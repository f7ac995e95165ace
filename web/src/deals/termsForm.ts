import type { DealForm } from '../api/types.js';
import type { CooperationTerms, DealTerms, EquityTerms, LicenseTerms, TransferTerms } from '../api/deal-types.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import type { Problem } from '../lib/problems.js';
import { IP_OWNERSHIPS, LICENSE_TYPES, MAX_FEN, MIN_INVENTOR_REWARD_BP } from '../../../src/shared/deal.ts';
import { equityRewardErrors } from '../../../src/shared/terms.ts';

// The terms forms, one per deal form, as typed (strings), and the checks of src/shared/terms.ts mirrored: bounds,
// blanks, schedules that add up, the inventors' statutory share
// (a public-institution seller's). Money is typed in yuan and sent in fen; rates
// and shares are typed in percent and sent in basis points. Errors are keyed by the API's path
// (`payments.1.amount`), so that the server's own answer lands on the same field.

export { IP_OWNERSHIPS, LICENSE_TYPES, MAX_FEN, MIN_INVENTOR_REWARD_BP };

export interface LicenseValues {
  licenseType: string;
  territory: string;
  fieldOfUse: string;
  termMonths: string;
  upfrontFee: string;
  royaltyRate: string;
  minimumAnnualRoyalty: string;
  milestones: Array<{ name: string; amount: string }>;
}
export interface TransferValues {
  price: string;
  payments: Array<{ name: string; amount: string; dueDays: string }>;
}
export interface EquityValues {
  valuation: string;
  equityPercent: string;
  companyName: string;
  registeredCapital: string;
  inventorReward: string;
}
export interface CooperationValues {
  scope: string;
  budget: string;
  ipOwnership: string;
  milestones: Array<{ name: string; amount: string; deliverable: string; dueDate: string }>;
}
export interface TermsValuesByForm {
  license: LicenseValues;
  transfer: TransferValues;
  equity: EquityValues;
  cooperation: CooperationValues;
}
export type TermsValues = TermsValuesByForm[DealForm];
export type TermsErrors = Record<string, Problem>;
export interface Parsed<T> {
  terms: T | null;
  errors: TermsErrors;
}

/** Percent with at most two decimals ("5", "2.5", "0.25") as basis points; null when it is not such a number. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[%％]$/, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}
export const bpToPercent = (bp: number) => String(bp / 100);
const fenToYuan = (fen: number) => formatFen(fen).slice(1);

/** A small reader that collects problems under API paths while it parses each field. */
function reader() {
  const errors: TermsErrors = {};
  const fail = (path: string, problem: Problem) => {
    if (!errors[path]) errors[path] = problem;
    return null;
  };
  return {
    errors,
    fail,
    text(path: string, value: string, max: number): string | null {
      const v = value.trim();
      if (!v) return fail(path, { key: 'form.required' });
      return v.length > max ? fail(path, { key: 'listingForm.tooLong', vars: { max } }) : v;
    },
    money(path: string, value: string, min: number, optional = false): number | null | undefined {
      if (!value.trim()) return optional ? undefined : fail(path, { key: 'form.required' });
      const fen = parseYuan(value);
      if (fen === null) return fail(path, { key: 'listingForm.money' });
      if (fen > MAX_FEN) return fail(path, { key: 'listingForm.moneyMax' });
      return fen < min ? fail(path, { key: 'terms.moneyPositive' }) : fen;
    },
    integer(path: string, value: string, min: number, max: number): number | null {
      if (!value.trim()) return fail(path, { key: 'form.required' });
      const n = Number(value.trim());
      return /^\d+$/.test(value.trim()) && n >= min && n <= max
        ? n
        : fail(path, { key: 'terms.integerRange', vars: { min, max } });
    },
    percent(path: string, value: string, minBp: number): number | null {
      if (!value.trim()) return fail(path, { key: 'form.required' });
      const bp = parsePercentBp(value);
      if (bp === null || bp > 10_000) return fail(path, { key: 'terms.percent' });
      return bp < minBp ? fail(path, { key: 'terms.percentPositive' }) : bp;
    },
    date(path: string, value: string): string | null {
      const v = value.trim();
      if (!v) return fail(path, { key: 'form.required' });
      const d = new Date(`${v}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
        ? v
        : fail(path, { key: 'terms.date' });
    },
    choice<T extends string>(path: string, value: string, options: readonly T[]): T | null {
      return (options as readonly string[]).includes(value) ? (value as T) : fail(path, { key: 'form.required' });
    },
  };
}

const ok = <T>(errors: TermsErrors, terms: () => T): Parsed<T> =>
  Object.keys(errors).length ? { terms: null, errors } : { terms: terms(), errors };
const sum = (items: Array<{ amount: number | null | undefined }>) =>
  items.reduce((total, i) => total + (i.amount ?? 0), 0);

export function parseLicense(v: LicenseValues): Parsed<LicenseTerms> {
  const r = reader();
  const licenseType = r.choice('licenseType', v.licenseType, LICENSE_TYPES);
  const territory = r.text('territory', v.territory, 200);
  const fieldOfUse = r.text('fieldOfUse', v.fieldOfUse, 500);
  const termMonths = r.integer('termMonths', v.termMonths, 1, 600);
  const upfrontFee = r.money('upfrontFee', v.upfrontFee, 0);
  const royaltyRateBp = r.percent('royaltyRateBp', v.royaltyRate, 0);
  const minimumAnnualRoyalty = r.money('minimumAnnualRoyalty', v.minimumAnnualRoyalty, 0, true);
  if (v.milestones.length > 50) r.fail('milestones', { key: 'listingForm.tooMany', vars: { max: 50 } });
  const milestones = v.milestones.map((m, i) => ({
    name: r.text(`milestones.${i}.name`, m.name, 200),
    amount: r.money(`milestones.${i}.amount`, m.amount, 1),
  }));
  return ok(r.errors, () => ({
    licenseType: licenseType!,
    territory: territory!,
    fieldOfUse: fieldOfUse!,
    termMonths: termMonths!,
    upfrontFee: upfrontFee!,
    royaltyRateBp: royaltyRateBp!,
    ...(minimumAnnualRoyalty === undefined ? {} : { minimumAnnualRoyalty: minimumAnnualRoyalty! }),
    ...(milestones.length ? { milestones: milestones.map((m) => ({ name: m.name!, amount: m.amount! })) } : {}),
  }));
}

export function parseTransfer(v: TransferValues): Parsed<TransferTerms> {
  const r = reader();
  const price = r.money('price', v.price, 1);
  if (v.payments.length === 0) r.fail('payments', { key: 'terms.rowsMin' });
  if (v.payments.length > 24) r.fail('payments', { key: 'listingForm.tooMany', vars: { max: 24 } });
  const payments = v.payments.map((p, i) => ({
    name: r.text(`payments.${i}.name`, p.name, 200),
    amount: r.money(`payments.${i}.amount`, p.amount, 1),
    dueDays: r.integer(`payments.${i}.dueDays`, p.dueDays, 0, 3650),
  }));
  if (!Object.keys(r.errors).length && sum(payments) !== price) {
    r.fail('payments', { key: 'terms.paymentsSum', vars: { sum: formatFen(sum(payments)), total: formatFen(price!) } });
  }
  return ok(r.errors, () => ({
    price: price!,
    payments: payments.map((p) => ({ name: p.name!, amount: p.amount!, dueDays: p.dueDays! })),
  }));
}

/** `publicInstitution`: whether the seller is bound by the inventors' 50% floor (shared/terms.ts equityRewardErrors). */
export function parseEquity(v: EquityValues, publicInstitution = true): Parsed<EquityTerms> {
  const r = reader();
  const valuation = r.money('valuation', v.valuation, 1);
  const equityPercentBp = r.percent('equityPercentBp', v.equityPercent, 1);
  const companyName = r.text('companyName', v.companyName, 200);
  const registeredCapital = r.money('registeredCapital', v.registeredCapital, 1);
  const inventorRewardBp = r.percent('inventorRewardBp', v.inventorReward, 0);
  if (inventorRewardBp !== null && equityRewardErrors({ inventorRewardBp }, publicInstitution).length > 0)
    r.fail('inventorRewardBp', { key: 'terms.inventorRewardMin' });
  return ok(r.errors, () => ({
    valuation: valuation!,
    equityPercentBp: equityPercentBp!,
    companyName: companyName!,
    registeredCapital: registeredCapital!,
    inventorRewardBp: inventorRewardBp!,
  }));
}

export function parseCooperation(v: CooperationValues): Parsed<CooperationTerms> {
  const r = reader();
  const scope = r.text('scope', v.scope, 2000);
  const budget = r.money('budget', v.budget, 0);
  const ipOwnership = r.choice('ipOwnership', v.ipOwnership, IP_OWNERSHIPS);
  if (v.milestones.length === 0) r.fail('milestones', { key: 'terms.rowsMin' });
  if (v.milestones.length > 50) r.fail('milestones', { key: 'listingForm.tooMany', vars: { max: 50 } });
  const milestones = v.milestones.map((m, i) => ({
    name: r.text(`milestones.${i}.name`, m.name, 200),
    amount: r.money(`milestones.${i}.amount`, m.amount, 0),
    deliverable: r.text(`milestones.${i}.deliverable`, m.deliverable, 1000),
    dueDate: r.date(`milestones.${i}.dueDate`, m.dueDate),
  }));
  if (!Object.keys(r.errors).length && sum(milestones) !== budget) {
    r.fail('milestones', {
      key: 'terms.milestonesSum',
      vars: { sum: formatFen(sum(milestones)), total: formatFen(budget!) },
    });
  }
  return ok(r.errors, () => ({
    scope: scope!,
    budget: budget!,
    ipOwnership: ipOwnership!,
    milestones: milestones.map((m) => ({
      name: m.name!,
      amount: m.amount!,
      deliverable: m.deliverable!,
      dueDate: m.dueDate!,
    })),
  }));
}

export function parseTerms(form: DealForm, values: TermsValues, publicInstitution = true): Parsed<DealTerms> {
  switch (form) {
    case 'license':
      return parseLicense(values as LicenseValues);
    case 'transfer':
      return parseTransfer(values as TransferValues);
    case 'equity':
      return parseEquity(values as EquityValues, publicInstitution);
    case 'cooperation':
      return parseCooperation(values as CooperationValues);
  }
}

/** The form filled from earlier terms (a counter-offer starts from the proposal on the table), or empty. */
export function termsToValues(form: DealForm, terms: DealTerms | null): TermsValues {
  switch (form) {
    case 'license': {
      const t = terms as LicenseTerms | null;
      return {
        licenseType: t?.licenseType ?? 'non_exclusive',
        territory: t?.territory ?? '',
        fieldOfUse: t?.fieldOfUse ?? '',
        termMonths: t ? String(t.termMonths) : '',
        upfrontFee: t ? fenToYuan(t.upfrontFee) : '',
        royaltyRate: t ? bpToPercent(t.royaltyRateBp) : '',
        minimumAnnualRoyalty: t?.minimumAnnualRoyalty === undefined ? '' : fenToYuan(t.minimumAnnualRoyalty),
        milestones: (t?.milestones ?? []).map((m) => ({ name: m.name, amount: fenToYuan(m.amount) })),
      };
    }
    case 'transfer': {
      const t = terms as TransferTerms | null;
      return {
        price: t ? fenToYuan(t.price) : '',
        payments: t
          ? t.payments.map((p) => ({ name: p.name, amount: fenToYuan(p.amount), dueDays: String(p.dueDays) }))
          : [{ name: '', amount: '', dueDays: '30' }],
      };
    }
    case 'equity': {
      const t = terms as EquityTerms | null;
      return {
        valuation: t ? fenToYuan(t.valuation) : '',
        equityPercent: t ? bpToPercent(t.equityPercentBp) : '',
        companyName: t?.companyName ?? '',
        registeredCapital: t ? fenToYuan(t.registeredCapital) : '',
        inventorReward: t ? bpToPercent(t.inventorRewardBp) : '70',
      };
    }
    case 'cooperation': {
      const t = terms as CooperationTerms | null;
      return {
        scope: t?.scope ?? '',
        budget: t ? fenToYuan(t.budget) : '',
        ipOwnership: t?.ipOwnership ?? 'joint',
        milestones: t
          ? t.milestones.map((m) => ({
              name: m.name,
              amount: fenToYuan(m.amount),
              deliverable: m.deliverable,
              dueDate: m.dueDate,
            }))
          : [{ name: '', amount: '', deliverable: '', dueDate: '' }],
      };
    }
  }
}
