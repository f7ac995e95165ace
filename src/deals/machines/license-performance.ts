import { assertEvent } from 'xstate';
import { licenceFilingRequired } from '../../shared/ip-formalities.js';
import type { LicenseTerms } from '../../shared/terms.js';
import { update } from './actions.js';
import { addDays, addMonths, isNotBefore } from './dates.js';
import { addEffects, agreedTerms, invoiceForBuyer, notify, othersThan, parties } from './effects.js';
import type { GuardArgs } from './guards.js';
import { close, t } from './shared.js';
import type { DealContext, Effect, LicenceYear, LicenseProgress, PartyRole, StartTimerEffect } from './types.js';

// Machine version 3 of a licence's performance (DOMAIN.md "After agreement", "Performance"):
// - the licence ends by a timer at the end of its term (activation + termMonths); before that, only both parties
//   together complete it (COMPLETE by each), or a party terminates it with a reason;
// - a patent licence's CNIPA filing (Implementing Rules of the Patent Law, Art. 15: within 3 months) is reminded
//   30 days before its deadline and flagged late after it; other IP has no filing and no deadline;
// - a minimum annual royalty (保底许可使用费) is invoiced for the shortfall after each licence year.

const progress = (context: DealContext): LicenseProgress => {
  if (!context.license) throw new Error('the licence is not active');
  return context.license;
};

const FILING_REMINDER_DAYS = 30;

const timer = (name: StartTimerEffect['name'], dueAt: string, event: StartTimerEffect['event']): Effect => ({
  type: 'startTimer',
  name,
  dueAt,
  event,
});

/** The timers a version-3 licence starts at signing, besides the royalty reminder every version has. */
export function performanceTimers(context: DealContext, signedAt: string): Effect[] {
  const terms = agreedTerms<LicenseTerms>(context);
  const endsAt = addMonths(signedAt, terms.termMonths);
  const timers = [timer('termEnd', endsAt, { type: 'TERM_ENDED' })];
  if (licenceFilingRequired(context.ipType)) {
    const dueAt = addMonths(signedAt, 3);
    timers.push(timer('filingReminder', addDays(dueAt, -FILING_REMINDER_DAYS), { type: 'REMIND_FILING' }));
    timers.push(timer('filingOverdue', dueAt, { type: 'FILING_OVERDUE' }));
  }
  const firstYearEnd = addMonths(signedAt, 12);
  if ((terms.minimumAnnualRoyalty ?? 0) > 0 && firstYearEnd < endsAt)
    timers.push(timer('licenceYear', firstYearEnd, { type: 'LICENCE_YEAR_ENDED', year: 1 }));
  return timers;
}

/** The v3 fields of the progress at activation. */
export function performanceStart(context: DealContext, signedAt: string): Partial<LicenseProgress> {
  const terms = agreedTerms<LicenseTerms>(context);
  return {
    filingDueAt: licenceFilingRequired(context.ipType) ? addMonths(signedAt, 3) : null,
    filingLate: false,
    endsAt: addMonths(signedAt, terms.termMonths),
    completionAgreedBy: [],
    licenceYears: [],
  };
}

/**
 * Settles licence year `year` ending at `endsAt`: the royalties invoiced for reports made during that year
 * (royalty reports are attributed by the date they were reported, the choice recorded here: periods are calendar
 * half-years and do not align with licence years) against the minimum, pro rata by months for a last, shorter
 * year (`months` < 12). A shortfall is invoiced to the licensee.
 */
function settleYear(context: DealContext, year: number, endsAt: string, months: number, at: string) {
  const license = progress(context);
  const minimum = Math.round(((agreedTerms<LicenseTerms>(context).minimumAnnualRoyalty ?? 0) * months) / 12);
  const startsAt = addMonths(license.activatedAt, 12 * (year - 1));
  const royalties = license.royaltyReports
    .filter((r) => isNotBefore(r.reportedAt, startsAt) && !isNotBefore(r.reportedAt, endsAt))
    .reduce((sum, r) => sum + r.royalty, 0);
  const shortfall = Math.max(0, minimum - royalties);
  const entry: LicenceYear = { year, endsAt, royalties, shortfall };
  const invoice =
    shortfall > 0
      ? [
          invoiceForBuyer({
            kind: 'royalty',
            lineKind: 'license_fee',
            description: `最低年度许可使用费差额 Minimum annual royalty shortfall, licence year ${year}`,
            amount: shortfall,
            ref: `minimumRoyalty:${year}`,
            dueAt: addDays(at, context.invoiceDueDays),
          }),
          notify(parties(context), 'deal.minimumRoyaltyInvoiced'),
        ]
      : [];
  return { entry, effects: invoice };
}

const yearsSettled = (context: DealContext) => progress(context).licenceYears?.length ?? 0;

export const performanceGuards = {
  // Reads `at`: a term-end timer fires at the end of the term, never before.
  termOver: ({ context, event }: GuardArgs) =>
    event.actor.role === 'system' && isNotBefore(event.at, progress(context).endsAt as string),
  filingOpen: ({ context, event }: GuardArgs) =>
    event.actor.role === 'system' && progress(context).filingDueAt != null && progress(context).filing === null,
  mayRecordFilingV3: ({ context, event }: GuardArgs) =>
    event.actor.role === 'seller' && progress(context).filingDueAt != null && progress(context).filing === null,
  // Reads the payload: the timer of the next licence year to settle, not a repeat.
  nextLicenceYear: ({ context, event }: GuardArgs) =>
    event.actor.role === 'system' && event.type === 'LICENCE_YEAR_ENDED' && event.year === yearsSettled(context) + 1,
  mayAgreeCompletion: ({ context, event }: GuardArgs) =>
    (event.actor.role === 'buyer' || event.actor.role === 'seller') &&
    !(progress(context).completionAgreedBy ?? []).includes(event.actor.role),
  // This agreement is the second one.
  completionAgreed: ({ context, event }: GuardArgs) => {
    const agreed = progress(context).completionAgreedBy ?? [];
    const other: PartyRole = event.actor.role === 'buyer' ? 'seller' : 'buyer';
    return (event.actor.role === 'buyer' || event.actor.role === 'seller') && agreed.includes(other);
  },
};

export const performanceActions = {
  remindFiling: update((context) => ({ effects: addEffects(context, notify(['seller'], 'deal.filingDueSoon')) })),
  flagFilingLate: update((context) => ({
    license: { ...progress(context), filingLate: true },
    effects: addEffects(context, notify(parties(context), 'deal.filingLate')),
  })),
  agreeCompletion: update((context, event) => {
    const license = progress(context);
    const role = event.actor.role as PartyRole;
    return {
      license: { ...license, completionAgreedBy: [...(license.completionAgreedBy ?? []), role] },
      effects: addEffects(context, notify(othersThan(context, role), 'deal.completionProposed')),
    };
  }),
  settleLicenceYear: update((context, event) => {
    assertEvent(event, 'LICENCE_YEAR_ENDED');
    const license = progress(context);
    const { entry, effects } = settleYear(context, event.year, event.at, 12, event.at);
    const nextEnd = addMonths(license.activatedAt, 12 * (event.year + 1));
    const next =
      nextEnd < (license.endsAt as string)
        ? [timer('licenceYear', nextEnd, { type: 'LICENCE_YEAR_ENDED', year: event.year + 1 })]
        : [];
    return {
      license: { ...license, licenceYears: [...(license.licenceYears ?? []), entry] },
      effects: addEffects(context, ...effects, ...next),
    };
  }),
  // The term's end settles the last licence year, pro rata where the term is not a whole number of years.
  settleFinalYear: update((context, event) => {
    const license = progress(context);
    const terms = agreedTerms<LicenseTerms>(context);
    if ((terms.minimumAnnualRoyalty ?? 0) === 0) return {};
    const year = yearsSettled(context) + 1;
    const months = terms.termMonths - 12 * (year - 1);
    const { entry, effects } = settleYear(context, year, license.endsAt as string, months, event.at);
    return {
      license: { ...license, licenceYears: [...(license.licenceYears ?? []), entry] },
      effects: addEffects(context, ...effects),
    };
  }),
};

/** The events of a version-3 licence in force, besides those every version has. */
export const performanceEvents = {
  RECORD_FILING: t({ guard: 'mayRecordFilingV3', actions: ['recordFiling'] }),
  REMIND_FILING: t({ guard: 'filingOpen', actions: ['remindFiling'] }),
  FILING_OVERDUE: t({ guard: 'filingOpen', actions: ['flagFilingLate'] }),
  LICENCE_YEAR_ENDED: t({ guard: 'nextLicenceYear', actions: ['settleLicenceYear'] }),
  TERM_ENDED: t({ guard: 'termOver', target: 'completed', actions: ['settleFinalYear', close('completed')] }),
  COMPLETE: [
    t({ guard: 'completionAgreed', target: 'completed', actions: ['agreeCompletion', close('completed')] }),
    t({ guard: 'mayAgreeCompletion', actions: ['agreeCompletion'] }),
  ],
};
