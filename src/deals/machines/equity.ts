import { and, assertEvent } from 'xstate';
import type { EquityTerms } from '../../shared/terms.js';
import { update } from './actions.js';
import { addEffects, agreedTerms, notify, othersThan, parties } from './effects.js';
import { deliveryActions, deliveryGuards, equityDeliveryEvents } from './delivery.js';
import type { GuardArgs } from './guards.js';
import {
  close,
  dealSetup,
  initialContext,
  postSigningEvents,
  preSigningEvents,
  preSigningStates,
  preSigningStatesV2,
  type FormRoute,
  t,
  terminalStates,
} from './shared.js';
import type { Appraisal, DealContext, EquityProgress } from './types.js';

const progress = (context: DealContext): EquityProgress => {
  if (!context.equity) throw new Error('not an equity deal');
  return context.equity;
};

const equitySetup = dealSetup.extend({
  guards: {
    ...deliveryGuards,
    // Company Law Art. 48: a non-monetary contribution is appraised and must not be overvalued. Reads the
    // payload to choose the branch; the seller may submit either way.
    overvalued: ({ context, event }: GuardArgs) =>
      event.type === 'SUBMIT_APPRAISAL' && agreedTerms<EquityTerms>(context).valuation > event.appraisedValue,
  },
  actions: {
    ...deliveryActions,
    recordAppraisal: update((context, event) => {
      assertEvent(event, 'SUBMIT_APPRAISAL');
      const valuation = agreedTerms<EquityTerms>(context).valuation;
      const outcome = valuation > event.appraisedValue ? 'overvalued' : 'confirmed';
      const appraisal: Appraisal = {
        appraiser: event.appraiser,
        reportNo: event.reportNo,
        appraisedValue: event.appraisedValue,
        valuation,
        outcome,
        submittedAt: event.at,
      };
      const equity = progress(context);
      return {
        equity: { ...equity, appraisals: [...equity.appraisals, appraisal] },
        // An overvalued agreement no longer stands: the parties negotiate a valuation the appraisal supports.
        ...(outcome === 'overvalued' ? { agreedTerms: null } : {}),
        effects: addEffects(
          context,
          notify(
            parties(context),
            outcome === 'overvalued' ? 'deal.appraisalBelowValuation' : 'deal.appraisalConfirmed',
          ),
        ),
      };
    }),
    // Company Law Art. 49: the contributor transfers the property right in the IP to the company.
    recordIpAssignment: update((context, event) => {
      assertEvent(event, 'RECORD_ASSIGNMENT');
      const ipAssignment = {
        registrationNo: event.registrationNo,
        registeredAt: event.registeredAt,
        recordedAt: event.at,
      };
      return {
        equity: { ...progress(context), ipAssignment },
        effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.assignmentRegistered')),
      };
    }),
    registerEquity: update((context, event) => {
      assertEvent(event, 'REGISTER_EQUITY');
      return {
        equity: {
          ...progress(context),
          equityRegistration: { registrationRef: event.registrationRef, recordedAt: event.at },
        },
        effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.equityRegistered')),
      };
    }),
  },
});

// Shares, not cash: apart from a broker's commission at signing, an equity deal issues no invoice.
const equityRoute: FormRoute = { afterAgreement: '#deal.appraisal', signed: '#deal.ipAssignment' };

// One builder for every machine version: 1 and 2 differ only in the states before signing (shared.ts); version 3
// hands the IP to the company by registration or by delivery, as its kind requires (shared/ip-formalities.ts).
function equityMachineWith(
  pre: ReturnType<typeof preSigningStates> | ReturnType<typeof preSigningStatesV2>,
  formalitiesByIpType = false,
) {
  const recordAssignment = t({ guard: 'isSeller', target: 'equityRegistration', actions: ['recordIpAssignment'] });
  return equitySetup.createMachine({
    id: 'deal',
    context: ({ input }) => initialContext(input),
    initial: 'inquiry',
    states: {
      ...pre,
      appraisal: {
        on: {
          SUBMIT_APPRAISAL: [
            t({ guard: and(['isSeller', 'overvalued']), target: 'negotiating', actions: ['recordAppraisal'] }),
            t({ guard: 'isSeller', target: 'contracting', actions: ['recordAppraisal'] }),
          ],
          ...preSigningEvents,
        },
      },
      ipAssignment: {
        on: formalitiesByIpType
          ? {
              ...postSigningEvents,
              ...equityDeliveryEvents,
              RECORD_ASSIGNMENT: [
                t({ ...recordAssignment, guard: and(['isSeller', 'registersAssignment']) }),
                equityDeliveryEvents.RECORD_ASSIGNMENT,
              ],
            }
          : { ...postSigningEvents, RECORD_ASSIGNMENT: recordAssignment },
      },
      // The change of shareholders is filed with the market regulator (工商变更) by whichever party handles it.
      equityRegistration: {
        on: {
          ...postSigningEvents,
          REGISTER_EQUITY: t({
            guard: 'isParty',
            target: 'completed',
            actions: ['registerEquity', close('completed')],
          }),
        },
      },
      ...terminalStates,
    },
  });
}

export const equityMachine = equityMachineWith(preSigningStates(equityRoute));
export const equityMachineV2 = equityMachineWith(preSigningStatesV2(equityRoute));
export const equityMachineV3 = equityMachineWith(preSigningStatesV2(equityRoute), true);
