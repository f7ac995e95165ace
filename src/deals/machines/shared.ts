import { and, setup } from 'xstate';
import { IP_TYPES } from '../../shared/listing.js';
import { contractValue, validateTerms } from '../../shared/terms.js';
import { sharedActions } from './actions.js';
import { notify } from './effects.js';
import { sharedGuards } from './guards.js';
import { noticeActions, noticeGuards } from './notice-board.js';
import type { DealContext, DealEvent, DealInput, DealOutcome } from './types.js';

// Every form's machine extends this setup with its own guards and actions and composes the state builders below:
// the inquiry, NDA, negotiation, public notice, contracting and closing rules are written once, here.
export const dealSetup = setup({
  types: { context: {} as DealContext, events: {} as DealEvent, input: {} as DealInput },
  guards: {
    ...sharedGuards,
    ...noticeGuards,
    isMarketPriced: ({ context }: { context: DealContext }) => context.marketPriced != null,
  },
  actions: { ...sharedActions, ...noticeActions },
});

type ActionRef = string | { type: string; params: unknown };

/** A transition whose first action clears `effects`, so the context carries only this event's effects. */
export function t<const G, const A extends readonly ActionRef[]>(spec: { guard: G; target?: string; actions: A }) {
  return { ...spec, actions: ['resetEffects', ...spec.actions] as const };
}

export const close = <const O extends DealOutcome>(outcome: O) => ({ type: 'closeDeal', params: { outcome } }) as const;

const assignBroker = t({ guard: 'isAdmin', actions: ['assignBroker'] });

/** Open before the contract is signed: the seller may decline, the buyer withdraw, the idle timer expire the deal. */
export const preSigningEvents = {
  DECLINE: t({ guard: 'isSeller', target: '#deal.declined', actions: [close('declined')] }),
  WITHDRAW: t({ guard: 'isBuyer', target: '#deal.withdrawn', actions: [close('withdrawn')] }),
  EXPIRE: t({ guard: 'isSystem', target: '#deal.expired', actions: [close('expired')] }),
  ASSIGN_BROKER: assignBroker,
};

/** Open after signing, in every form's performance states. */
export const postSigningEvents = {
  TERMINATE: t({ guard: 'isPartyOrAdmin', target: '#deal.terminated', actions: [close('terminated')] }),
  REGISTER_CONTRACT: t({ guard: 'mayRegisterContract', actions: ['registerContract'] }),
  ASSIGN_BROKER: assignBroker,
};

/**
 * Buyer and seller sign the contract, in either order; the substate says whose signature is still missing
 * (`contracting.awaitingBuyer`, API.md). The second signature concludes the contract and enters `signed`.
 */
function contractingState(signed: string) {
  const last = ['recordContractSignature', 'concludeContract'] as const;
  return {
    initial: 'awaitingBoth',
    states: {
      awaitingBoth: {
        on: {
          SIGN_CONTRACT: [
            t({ guard: 'isBuyer', target: 'awaitingSeller', actions: ['recordContractSignature'] }),
            t({ guard: 'isSeller', target: 'awaitingBuyer', actions: ['recordContractSignature'] }),
          ],
        },
      },
      awaitingBuyer: { on: { SIGN_CONTRACT: t({ guard: 'isBuyer', target: signed, actions: last }) } },
      awaitingSeller: { on: { SIGN_CONTRACT: t({ guard: 'isSeller', target: signed, actions: last }) } },
    },
    on: preSigningEvents,
  };
}

export interface FormRoute {
  /** Where an agreement (after any public notice) leads: contracting, or equity's appraisal. */
  afterAgreement: '#deal.contracting' | '#deal.appraisal';
  /** The form's first state after both parties have signed. */
  signed: string;
}

export function preSigningStates(route: FormRoute) {
  return {
    inquiry: {
      on: {
        ACCEPT_INQUIRY: [
          t({ guard: and(['isSeller', 'ndaRequired']), target: 'nda', actions: ['acceptInquiry'] }),
          t({ guard: 'isSeller', target: 'negotiating', actions: ['acceptInquiry'] }),
        ],
        ...preSigningEvents,
      },
    },
    // Both parties sign the NDA, in either order; the second signature opens negotiation (and the listing's
    // confidential part to the buyer).
    nda: {
      on: {
        SIGN_NDA: [
          t({ guard: 'ndaCompletedBy', target: 'negotiating', actions: ['recordNdaSignature', 'concludeNda'] }),
          t({ guard: 'maySignNda', actions: ['recordNdaSignature'] }),
        ],
        ...preSigningEvents,
      },
    },
    negotiating: {
      on: {
        PROPOSE_TERMS: t({ guard: 'mayProposeTerms', actions: ['recordProposal'] }),
        ACCEPT_TERMS: [
          t({
            guard: and(['acceptanceConcludes', 'needsPublicNotice']),
            target: 'publicNotice',
            actions: ['recordAcceptance', 'concludeAgreement', 'startPublicNotice'],
          }),
          t({
            guard: 'acceptanceConcludes',
            target: route.afterAgreement,
            actions: ['recordAcceptance', 'concludeAgreement'],
          }),
          t({ guard: 'mayAcceptTerms', actions: ['recordAcceptance'] }),
        ],
        REJECT_TERMS: t({ guard: 'mayRejectTerms', actions: ['rejectProposal'] }),
        OFFER_EXPIRED: t({ guard: 'offerStillCurrent', actions: ['expireProposal'] }),
        ...preSigningEvents,
      },
    },
    publicNotice: {
      on: {
        RECORD_OBJECTION: t({ guard: 'isSellerOrAdmin', target: 'negotiating', actions: ['recordObjection'] }),
        NOTICE_ENDED: t({ guard: 'noticePeriodOver', target: route.afterAgreement, actions: ['endPublicNotice'] }),
        ...preSigningEvents,
      },
    },
    contracting: contractingState(route.signed),
  };
}

/**
 * Machine version 2 of the states before signing: the public notice of DOMAIN.md "Pricing routes" (objections from
 * the public board, answered by the seller or the admin; no end while one is unanswered) and the seller's internal
 * pricing decision, recorded while negotiating or under notice. Version 1 (preSigningStates) stays for live deals.
 */
export function preSigningStatesV2(route: FormRoute) {
  const v1 = preSigningStates(route);
  const recordDecision = t({ guard: 'mayRecordPricingDecision', actions: ['recordPricingDecision'] });
  return {
    ...v1,
    negotiating: { on: { ...v1.negotiating.on, RECORD_PRICING_DECISION: recordDecision } },
    publicNotice: {
      on: {
        OBJECTION_FILED: t({ guard: 'isSystem', actions: ['fileObjection'] }),
        ANSWER_OBJECTION: [
          t({
            guard: and(['mayAnswerObjection', 'upholdsObjection']),
            target: 'negotiating',
            actions: ['answerObjection', 'withdrawAgreement'],
          }),
          t({ guard: 'mayAnswerObjection', actions: ['answerObjection', 'resumeNotice'] }),
        ],
        RECORD_PRICING_DECISION: recordDecision,
        NOTICE_ENDED: t({
          guard: and(['noticePeriodOver', 'noObjectionOpen']),
          target: route.afterAgreement,
          actions: ['endPublicNotice'],
        }),
        ...preSigningEvents,
      },
    },
  };
}

/**
 * Machine version 4 (licence, transfer): the deal of a sold offering enters straight into `contracting` with its
 * terms agreed and no public notice — the market formed the price (DOMAIN.md "Pricing routes"). Every other deal
 * starts in `inquiry` as on version 3; the eventless transition is taken only on a market-priced context.
 */
export function withMarketEntry<S extends ReturnType<typeof preSigningStatesV2>>(pre: S): S {
  return { ...pre, inquiry: { ...pre.inquiry, always: { guard: 'isMarketPriced', target: 'contracting' } } };
}

export const terminalStates = {
  declined: { type: 'final' as const },
  withdrawn: { type: 'final' as const },
  expired: { type: 'final' as const },
  terminated: { type: 'final' as const },
  completed: { type: 'final' as const },
};

/**
 * Throws on an input the engine should never build. Called before any actor exists: an error thrown while an
 * actor computes its initial context would surface as an unhandled error instead.
 */
export function checkDealInput(input: DealInput): void {
  const atLeast = (value: unknown, min: number, what: string) => {
    if (!Number.isSafeInteger(value) || (value as number) < min)
      throw new RangeError(`${what} must be an integer ≥ ${min}, got ${String(value)}`);
  };
  atLeast(input.publicNoticeDays, 0, 'publicNoticeDays');
  atLeast(input.offerTtlDays, 1, 'offerTtlDays');
  if (input.invoiceDueDays !== undefined) atLeast(input.invoiceDueDays, 0, 'invoiceDueDays');
  if (input.ipType !== undefined && !(IP_TYPES as readonly string[]).includes(input.ipType))
    throw new RangeError(`ipType must be one of ${IP_TYPES.join(', ')}, got ${String(input.ipType)}`);
  if (input.currency !== 'CNY') throw new RangeError(`currency must be CNY, got ${String(input.currency)}`);
  if (input.marketPriced !== undefined) {
    if (input.form !== 'license' && input.form !== 'transfer')
      throw new RangeError(`a ${input.form} deal cannot be market-priced`);
    const errors = validateTerms(input.form, input.marketPriced.terms);
    if (errors.length > 0) throw new RangeError(`market-priced terms are invalid: ${JSON.stringify(errors)}`);
    if (contractValue(input.form, input.marketPriced.terms) < input.marketPriced.price)
      throw new RangeError('market-priced terms are worth less than the price');
  }
}

export function initialContext(input: DealInput): DealContext {
  const market = input.marketPriced;
  return {
    form: input.form,
    ndaRequired: input.ndaRequired === true,
    publicInstitutionSeller: input.publicInstitutionSeller === true,
    publicNoticeDays: input.publicNoticeDays,
    offerTtlDays: input.offerTtlDays,
    invoiceDueDays: input.invoiceDueDays ?? 30,
    currency: 'CNY',
    ...(input.ipType !== undefined ? { ipType: input.ipType, delivery: null } : {}),
    nda: { buyer: null, seller: null },
    proposals: [],
    agreedTerms: market ? market.terms : null,
    publicNotice: null,
    objections: [],
    noticeObjections: [],
    pricingDecision: null,
    contract: { buyer: null, seller: null, signedAt: null },
    broker: null,
    contractRegistration: null,
    closure: null,
    license: null,
    transfer: null,
    equity: input.form === 'equity' ? { appraisals: [], ipAssignment: null, equityRegistration: null } : null,
    cooperation: null,
    ...(market ? { marketPriced: { offeringId: market.offeringId, price: market.price } } : {}),
    effects: market ? [notify(['buyer', 'seller'], 'deal.marketPriced')] : [notify(['seller'], 'deal.inquiryReceived')],
  };
}
