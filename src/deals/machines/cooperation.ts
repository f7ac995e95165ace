import { and, assertEvent } from 'xstate';
import type { CooperationTerms } from '../../shared/terms.js';
import { update } from './actions.js';
import { addDays } from './dates.js';
import { addEffects, agreedTerms, invoiceForBuyer, notify, othersThan } from './effects.js';
import type { GuardArgs } from './guards.js';
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
} from './shared.js';
import type { CooperationMilestone, CooperationProgress, DealContext } from './types.js';

const progress = (context: DealContext): CooperationProgress => {
  if (!context.cooperation) throw new Error('the development contract is not signed');
  return context.cooperation;
};
const anyMilestone = (context: DealContext, status: CooperationMilestone['status']) =>
  context.cooperation !== null && context.cooperation.milestones.some((m) => m.status === status);

function changeMilestone(
  context: DealContext,
  index: number,
  change: (m: CooperationMilestone) => CooperationMilestone,
): CooperationProgress {
  const cooperation = progress(context);
  return { milestones: cooperation.milestones.map((m, i) => (i === index ? change(m) : m)) };
}

const cooperationSetup = dealSetup.extend({
  guards: {
    mayDeliver: ({ context, event }: GuardArgs) => event.actor.role === 'seller' && anyMilestone(context, 'pending'),
    mayReviewDelivery: ({ context, event }: GuardArgs) =>
      event.actor.role === 'buyer' && anyMilestone(context, 'delivered'),
    // Reads the payload to choose the branch: accepting this milestone leaves none outstanding.
    acceptsLastMilestone: ({ context, event }: GuardArgs) =>
      event.type === 'ACCEPT_MILESTONE' &&
      progress(context).milestones.every((m, i) => m.status === 'accepted' || i === event.index),
  },
  actions: {
    startDevelopment: update((context) => ({
      cooperation: {
        milestones: agreedTerms<CooperationTerms>(context).milestones.map((m) => ({
          ...m,
          status: 'pending' as const,
          deliveredAt: null,
          acceptedAt: null,
          changeRequests: [],
        })),
      },
    })),
    deliverMilestone: update((context, event) => {
      assertEvent(event, 'DELIVER_MILESTONE');
      return {
        cooperation: changeMilestone(context, event.index, (m) => ({
          ...m,
          status: 'delivered',
          deliveredAt: event.at,
        })),
        effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.milestoneDelivered')),
      };
    }),
    // Civil Code Art. 851: the commissioning party pays for the development work it accepts, milestone by milestone.
    acceptMilestone: update((context, event) => {
      assertEvent(event, 'ACCEPT_MILESTONE');
      const milestone = progress(context).milestones[event.index];
      const invoice =
        milestone.amount > 0
          ? [
              invoiceForBuyer({
                kind: 'development_fee',
                lineKind: 'development_fee',
                description: `技术开发费 Development fee: ${milestone.name}`,
                amount: milestone.amount,
                ref: `milestone:${event.index}`,
                dueAt: addDays(event.at, context.invoiceDueDays),
              }),
            ]
          : [];
      return {
        cooperation: changeMilestone(context, event.index, (m) => ({ ...m, status: 'accepted', acceptedAt: event.at })),
        effects: addEffects(context, ...invoice, notify(othersThan(context, 'buyer'), 'deal.milestoneAccepted')),
      };
    }),
    requestChanges: update((context, event) => {
      assertEvent(event, 'REQUEST_CHANGES');
      const request = { reason: event.reason, by: event.actor.userId, at: event.at };
      return {
        cooperation: changeMilestone(context, event.index, (m) => ({
          ...m,
          status: 'pending',
          deliveredAt: null,
          changeRequests: [...m.changeRequests, request],
        })),
        effects: addEffects(context, notify(othersThan(context, 'buyer'), 'deal.milestoneChangesRequested')),
      };
    }),
  },
});

const cooperationRoute: FormRoute = { afterAgreement: '#deal.contracting', signed: '#deal.inProgress' };

// One builder for both machine versions: they differ only in the states before signing (shared.ts).
function cooperationMachineWith(pre: ReturnType<typeof preSigningStates> | ReturnType<typeof preSigningStatesV2>) {
  return cooperationSetup.createMachine({
    id: 'deal',
    context: ({ input }) => initialContext(input),
    initial: 'inquiry',
    states: {
      ...pre,
      inProgress: {
        entry: 'startDevelopment',
        on: {
          ...postSigningEvents,
          DELIVER_MILESTONE: t({ guard: 'mayDeliver', actions: ['deliverMilestone'] }),
          ACCEPT_MILESTONE: [
            t({
              guard: and(['mayReviewDelivery', 'acceptsLastMilestone']),
              target: 'completed',
              actions: ['acceptMilestone', close('completed')],
            }),
            t({ guard: 'mayReviewDelivery', actions: ['acceptMilestone'] }),
          ],
          REQUEST_CHANGES: t({ guard: 'mayReviewDelivery', actions: ['requestChanges'] }),
        },
      },
      ...terminalStates,
    },
  });
}

export const cooperationMachine = cooperationMachineWith(preSigningStates(cooperationRoute));
export const cooperationMachineV2 = cooperationMachineWith(preSigningStatesV2(cooperationRoute));
