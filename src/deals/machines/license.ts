import { assertEvent } from 'xstate';
import type { LicenseTerms } from '../../shared/terms.js';
import { nextHalfYearStart } from '../../shared/china-time.js';
import { addDays, addMonths } from './dates.js';
import { addEffects, agreedTerms, invoiceForBuyer, notify, othersThan } from './effects.js';
import { update } from './actions.js';
import type { GuardArgs } from './guards.js';
import { mulBpHalfUp } from '../../shared/money.js';
import {
  close,
  dealSetup,
  initialContext,
  postSigningEvents,
  preSigningStates,
  preSigningStatesV2,
  type FormRoute,
  t,
  terminalStates,
  withMarketEntry,
} from './shared.js';
import {
  performanceActions,
  performanceEvents,
  performanceGuards,
  performanceStart,
  performanceTimers,
} from './license-performance.js';
import type { DealContext, Effect, LicenseProgress } from './types.js';

const progress = (args: { context: { license: LicenseProgress | null } }): LicenseProgress => {
  if (!args.context.license) throw new Error('the licence is not active');
  return args.context.license;
};

// Royalties are reported per half year (period 2026H1, 2026H2): when a half year ends, the licensee is reminded
// to report its net sales. The reminder is a timer row like any other, fired through the engine as `system`.
const royaltyReminder = (terms: LicenseTerms, at: string): Effect[] =>
  terms.royaltyRateBp > 0
    ? [
        {
          type: 'startTimer',
          name: 'royaltyReminder',
          dueAt: nextHalfYearStart(at),
          event: { type: 'REMIND_ROYALTIES' },
        },
      ]
    : [];

// The licence takes effect at signing: the upfront fee (入门费) falls due, and the clock for the CNIPA filing of the
// licence contract starts (3 months, Implementing Rules of the Patent Law, Art. 15).
function activation(context: DealContext): { license: LicenseProgress; effects: Effect[] } {
  const terms = agreedTerms<LicenseTerms>(context);
  const signedAt = context.contract.signedAt as string;
  const upfront =
    terms.upfrontFee > 0
      ? [
          invoiceForBuyer({
            kind: 'upfront_fee',
            lineKind: 'license_fee',
            description: '技术许可入门费 Upfront licence fee',
            amount: terms.upfrontFee,
            ref: 'upfront',
            dueAt: addDays(signedAt, context.invoiceDueDays),
          }),
        ]
      : [];
  return {
    license: {
      activatedAt: signedAt,
      filingDueAt: addMonths(signedAt, 3),
      filing: null,
      royaltyReports: [],
      milestones: (terms.milestones ?? []).map((m) => ({ name: m.name, amount: m.amount, invoicedAt: null })),
    },
    effects: addEffects(context, ...upfront, ...royaltyReminder(terms, signedAt)),
  };
}

const licenseSetup = dealSetup.extend({
  guards: {
    mayInvoiceMilestone: (args: GuardArgs) =>
      args.event.actor.role === 'seller' && progress(args).milestones.some((m) => m.invoicedAt === null),
    mayRecordFiling: (args: GuardArgs) => args.event.actor.role === 'seller' && progress(args).filing === null,
    ...performanceGuards,
  },
  actions: {
    ...performanceActions,
    // The licence takes effect at signing: the upfront fee (入门费) falls due, and the clock for the CNIPA filing
    // of the licence contract starts (3 months, Implementing Rules of the Patent Law, Art. 15).
    activateLicense: update(activation),
    // Version 3: the same, with the term's end, the filing's reminders (patents only) and the licence years.
    activateLicenseV3: update((context) => {
      const signedAt = context.contract.signedAt as string;
      const { license, effects } = activation(context);
      return {
        license: { ...license, ...performanceStart(context, signedAt) },
        effects: [...effects, ...performanceTimers(context, signedAt)],
      };
    }),
    remindRoyalties: update((context, event) => ({
      effects: addEffects(
        context,
        notify(['buyer'], 'deal.royaltyReportDue'),
        ...royaltyReminder(agreedTerms<LicenseTerms>(context), event.at),
      ),
    })),
    recordRoyaltyReport: update((context, event) => {
      assertEvent(event, 'REPORT_ROYALTIES');
      const license = progress({ context });
      const royalty = mulBpHalfUp(event.netSales, agreedTerms<LicenseTerms>(context).royaltyRateBp);
      const invoice =
        royalty > 0
          ? [
              invoiceForBuyer({
                kind: 'royalty',
                lineKind: 'license_fee',
                description: `许可使用费提成 Royalty ${event.period}`,
                amount: royalty,
                ref: `royalty:${event.period}`,
                dueAt: addDays(event.at, context.invoiceDueDays),
              }),
            ]
          : [];
      const report = {
        period: event.period,
        netSales: event.netSales,
        royalty,
        reportedBy: event.actor.userId,
        reportedAt: event.at,
      };
      return {
        license: { ...license, royaltyReports: [...license.royaltyReports, report] },
        effects: addEffects(context, ...invoice, notify(othersThan(context, 'buyer'), 'deal.royaltiesReported')),
      };
    }),
    invoiceMilestone: update((context, event) => {
      assertEvent(event, 'INVOICE_MILESTONE');
      const license = progress({ context });
      const milestone = license.milestones[event.index];
      return {
        license: {
          ...license,
          milestones: license.milestones.map((m, i) => (i === event.index ? { ...m, invoicedAt: event.at } : m)),
        },
        effects: addEffects(
          context,
          invoiceForBuyer({
            kind: 'milestone',
            lineKind: 'license_fee',
            description: `许可里程碑付款 Licence milestone: ${milestone.name}`,
            amount: milestone.amount,
            ref: `milestone:${event.index}`,
            dueAt: addDays(event.at, context.invoiceDueDays),
          }),
        ),
      };
    }),
    recordFiling: update((context, event) => {
      assertEvent(event, 'RECORD_FILING');
      const license = progress({ context });
      return {
        license: { ...license, filing: { filingNo: event.filingNo, filedAt: event.filedAt, recordedAt: event.at } },
        effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.licenseFiled')),
      };
    }),
  },
});

const licenseRoute: FormRoute = { afterAgreement: '#deal.contracting', signed: '#deal.active' };

const v2Performance = {
  RECORD_FILING: t({ guard: 'mayRecordFiling', actions: ['recordFiling'] }),
  // The term has run its course (or the licensor and the bureau close it): ends the licence without breach.
  COMPLETE: t({ guard: 'isSellerOrAdmin', target: 'completed', actions: [close('completed')] }),
};

// One builder for every machine version: 1 and 2 differ only in the states before signing (shared.ts); version 3
// has the performance rules of license-performance.ts.
function licenseMachineWith(
  pre: ReturnType<typeof preSigningStates> | ReturnType<typeof preSigningStatesV2>,
  performanceRules = false,
) {
  return licenseSetup.createMachine({
    id: 'deal',
    context: ({ input }) => initialContext(input),
    initial: 'inquiry',
    states: {
      ...pre,
      active: {
        entry: performanceRules ? 'activateLicenseV3' : 'activateLicense',
        on: {
          ...postSigningEvents,
          REPORT_ROYALTIES: t({ guard: 'isBuyer', actions: ['recordRoyaltyReport'] }),
          INVOICE_MILESTONE: t({ guard: 'mayInvoiceMilestone', actions: ['invoiceMilestone'] }),
          REMIND_ROYALTIES: t({ guard: 'isSystem', actions: ['remindRoyalties'] }),
          ...(performanceRules ? performanceEvents : v2Performance),
        },
      },
      ...terminalStates,
    },
  });
}

export const licenseMachine = licenseMachineWith(preSigningStates(licenseRoute));
export const licenseMachineV2 = licenseMachineWith(preSigningStatesV2(licenseRoute));
export const licenseMachineV3 = licenseMachineWith(preSigningStatesV2(licenseRoute), true);
export const licenseMachineV4 = licenseMachineWith(withMarketEntry(preSigningStatesV2(licenseRoute)), true);
