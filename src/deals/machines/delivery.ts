import { assertEvent } from 'xstate';
import { assignmentFormality } from '../../shared/ip-formalities.js';
import { update } from './actions.js';
import { addEffects, notify, othersThan } from './effects.js';
import type { GuardArgs } from './guards.js';
import { close, t } from './shared.js';

// Version 3 (DOMAIN.md "Formalities by IP type"): where the IP passes by delivery rather than by registration (a
// trade secret, know-how, software), the seller hands over the technical documents and the buyer accepts them
// (Civil Code Art. 862 defines the transfer of technical secrets, Art. 866 binds the transferor to provide the
// technical materials). A buyer that finds them incomplete says why; the seller delivers again.

const delivery = ({ context }: GuardArgs) => context.delivery ?? null;

export const deliveryGuards = {
  // Patent, utility model, layout-design, plant variety: the registration is what transfers the right.
  registersAssignment: ({ context }: GuardArgs) => assignmentFormality(context.ipType) === 'register',
  // Never where a registration is what transfers the right: delivery must not stand in for it.
  mayDeliverDocuments: (args: GuardArgs) =>
    args.event.actor.role === 'seller' &&
    assignmentFormality(args.context.ipType) !== 'register' &&
    (delivery(args) === null || delivery(args)?.status === 'rejected'),
  mayAnswerDelivery: (args: GuardArgs) => args.event.actor.role === 'buyer' && delivery(args)?.status === 'delivered',
  // Software copyright: its registration is optional evidence; the seller may record it once beside the delivery.
  mayRecordOptionalRegistration: ({ context, event }: GuardArgs) =>
    event.actor.role === 'seller' &&
    assignmentFormality(context.ipType) === 'optional' &&
    (context.transfer?.assignment ?? context.equity?.ipAssignment ?? null) === null,
};

export const deliveryActions = {
  deliverDocuments: update((context, event) => {
    assertEvent(event, 'DELIVER_DOCUMENTS');
    const rejections = context.delivery?.rejections ?? [];
    return {
      delivery: {
        documents: event.documents,
        status: 'delivered',
        deliveredAt: event.at,
        acceptedAt: null,
        rejections,
      },
      effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.documentsDelivered')),
    };
  }),
  acceptDelivery: update((context, event) => ({
    delivery: { ...context.delivery!, status: 'accepted', acceptedAt: event.at },
    effects: addEffects(context, notify(othersThan(context, 'buyer'), 'deal.deliveryAccepted')),
  })),
  rejectDelivery: update((context, event) => {
    assertEvent(event, 'REJECT_DELIVERY');
    const current = context.delivery!;
    const rejection = { reason: event.reason, by: event.actor.userId, at: event.at };
    return {
      delivery: { ...current, status: 'rejected', rejections: [...current.rejections, rejection] },
      effects: addEffects(context, notify(othersThan(context, 'buyer'), 'deal.deliveryRejected')),
    };
  }),
};

function answerEvents() {
  return {
    DELIVER_DOCUMENTS: t({ guard: 'mayDeliverDocuments', actions: ['deliverDocuments'] }),
    REJECT_DELIVERY: t({ guard: 'mayAnswerDelivery', actions: ['rejectDelivery'] }),
  };
}

/** Transfer: acceptance completes the deal; a software copyright's registration may be recorded beside it. */
export const transferDeliveryEvents = {
  ...answerEvents(),
  ACCEPT_DELIVERY: t({
    guard: 'mayAnswerDelivery',
    target: '#deal.completed',
    actions: ['acceptDelivery', close('completed')],
  }),
  RECORD_ASSIGNMENT: t({ guard: 'mayRecordOptionalRegistration', actions: ['recordAssignment'] }),
};

/** Equity: acceptance by the company hands the IP over, and the deal goes on to the company's registration. */
export const equityDeliveryEvents = {
  ...answerEvents(),
  ACCEPT_DELIVERY: t({ guard: 'mayAnswerDelivery', target: '#deal.equityRegistration', actions: ['acceptDelivery'] }),
  RECORD_ASSIGNMENT: t({ guard: 'mayRecordOptionalRegistration', actions: ['recordIpAssignment'] }),
};
