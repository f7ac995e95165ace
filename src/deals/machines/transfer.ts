import { and, assertEvent } from 'xstate';
import type { TransferTerms } from '../../shared/terms.js';
import { update } from './actions.js';
import { addDays } from './dates.js';
import { addEffects, agreedTerms, invoiceForBuyer, notify, othersThan, parties } from './effects.js';
import { deliveryActions, deliveryGuards, transferDeliveryEvents } from './delivery.js';
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
  withMarketEntry,
} from './shared.js';
import type { DealContext, TransferProgress } from './types.js';

const progress = (context: DealContext): TransferProgress => {
  if (!context.transfer) throw new Error('the transfer contract is not signed');
  return context.transfer;
};

const transferSetup = dealSetup.extend({
  guards: {
    ...deliveryGuards,
    // Reads the payload to choose the branch: the instalment just paid was the last one outstanding.
    paysLastInstalment: ({ context, event }: GuardArgs) =>
      event.type === 'PAYMENT_RECEIVED' &&
      progress(context).instalments.every((p, i) => p.status === 'paid' || i === event.index),
  },
  actions: {
    ...deliveryActions,
    // One invoice per instalment at signing, each due `dueDays` after the signing date.
    issueInstalmentInvoices: update((context) => {
      const signedAt = context.contract.signedAt as string;
      const instalments = agreedTerms<TransferTerms>(context).payments.map((p) => ({
        name: p.name,
        amount: p.amount,
        dueAt: addDays(signedAt, p.dueDays),
        status: 'invoiced' as const,
        paidAt: null,
      }));
      const invoices = instalments.map((p, index) =>
        invoiceForBuyer({
          kind: 'instalment',
          lineKind: 'transfer_fee',
          description: `技术转让价款 Transfer price: ${p.name}`,
          amount: p.amount,
          ref: `instalment:${index}`,
          dueAt: p.dueAt,
        }),
      );
      return { transfer: { instalments, assignment: null }, effects: addEffects(context, ...invoices) };
    }),
    recordInstalmentPaid: update((context, event) => {
      assertEvent(event, 'PAYMENT_RECEIVED');
      const transfer = progress(context);
      const instalments = transfer.instalments.map((p, i) =>
        i === event.index ? { ...p, status: 'paid' as const, paidAt: event.at } : p,
      );
      const allPaid = instalments.every((p) => p.status === 'paid');
      return {
        transfer: { ...transfer, instalments },
        effects: addEffects(
          context,
          notify(parties(context), allPaid ? 'deal.transferPaidInFull' : 'deal.instalmentPaid'),
        ),
      };
    }),
    // Patent Law Art. 10: an assignment takes effect on the date CNIPA registers it, so the deal completes only
    // when the seller records that registration.
    recordAssignment: update((context, event) => {
      assertEvent(event, 'RECORD_ASSIGNMENT');
      const assignment = {
        registrationNo: event.registrationNo,
        registeredAt: event.registeredAt,
        recordedAt: event.at,
      };
      return {
        transfer: { ...progress(context), assignment },
        effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.assignmentRegistered')),
      };
    }),
  },
});

const transferRoute: FormRoute = { afterAgreement: '#deal.contracting', signed: '#deal.payment' };

// One builder for every machine version: 1 and 2 differ only in the states before signing (shared.ts); version 3
// completes by registration or by accepted delivery, as the kind of IP requires (shared/ip-formalities.ts).
function transferMachineWith(
  pre: ReturnType<typeof preSigningStates> | ReturnType<typeof preSigningStatesV2>,
  formalitiesByIpType = false,
) {
  const paidInFull = formalitiesByIpType
    ? [
        t({
          guard: and(['isSystem', 'paysLastInstalment', 'registersAssignment']),
          target: 'recordal',
          actions: ['recordInstalmentPaid'],
        }),
        t({ guard: and(['isSystem', 'paysLastInstalment']), target: 'delivery', actions: ['recordInstalmentPaid'] }),
      ]
    : [
        t({
          guard: and(['isSystem', 'paysLastInstalment']),
          target: 'recordal',
          actions: ['recordInstalmentPaid'],
        }),
      ];
  return transferSetup.createMachine({
    id: 'deal',
    context: ({ input }) => initialContext(input),
    initial: 'inquiry',
    states: {
      ...pre,
      payment: {
        entry: 'issueInstalmentInvoices',
        on: {
          ...postSigningEvents,
          PAYMENT_RECEIVED: [...paidInFull, t({ guard: 'isSystem', actions: ['recordInstalmentPaid'] })],
        },
      },
      recordal: {
        on: {
          ...postSigningEvents,
          RECORD_ASSIGNMENT: t({
            guard: 'isSeller',
            target: 'completed',
            actions: ['recordAssignment', close('completed')],
          }),
        },
      },
      // Version 3 only: a trade secret, know-how or software passes by accepted delivery of the documents.
      ...(formalitiesByIpType ? { delivery: { on: { ...postSigningEvents, ...transferDeliveryEvents } } } : {}),
      ...terminalStates,
    },
  });
}

export const transferMachine = transferMachineWith(preSigningStates(transferRoute));
export const transferMachineV2 = transferMachineWith(preSigningStatesV2(transferRoute));
export const transferMachineV3 = transferMachineWith(preSigningStatesV2(transferRoute), true);
export const transferMachineV4 = transferMachineWith(withMarketEntry(preSigningStatesV2(transferRoute)), true);
