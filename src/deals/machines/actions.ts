import { assertEvent, assign } from 'xstate';
import { addDays } from './dates.js';
import { addEffects, commissionEffects, currentProposal, notify, othersThan, parties } from './effects.js';
import type { DealContext, DealEvent, DealOutcome, PartyRole, Proposal, ProposerRole, Signatures } from './types.js';

type Update = (context: DealContext, event: DealEvent) => Partial<DealContext>;
/** An action that only assigns context: the one kind of action a deal machine has. */
export const update = (fn: Update) =>
  assign<DealContext, DealEvent, undefined, DealEvent, never>(({ context, event }) => fn(context, event));

const partyRole = (event: DealEvent): PartyRole => {
  if (event.actor.role !== 'buyer' && event.actor.role !== 'seller')
    throw new Error(`${event.type} is signed by a party, not by ${event.actor.role}`);
  return event.actor.role;
};

const sign = (signatures: Signatures, event: DealEvent): Signatures => ({
  ...signatures,
  [partyRole(event)]: { userId: event.actor.userId, at: event.at },
});

/** Replaces the current (last) proposal; earlier proposals are kept untouched. */
function withCurrent(context: DealContext, change: (p: Proposal) => Proposal): Proposal[] {
  const proposal = currentProposal(context);
  if (!proposal) throw new Error('no current proposal');
  return [...context.proposals.slice(0, -1), change(proposal)];
}

export const sharedActions = {
  // First action of every transition: `effects` holds only what the event being processed declares.
  resetEffects: update(() => ({ effects: [] })),

  acceptInquiry: update((context) => ({ effects: addEffects(context, notify(['buyer'], 'deal.inquiryAccepted')) })),

  recordNdaSignature: update((context, event) => ({
    nda: sign(context.nda, event),
    effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.ndaSigned')),
  })),
  concludeNda: update((context) => ({ effects: addEffects(context, notify(parties(context), 'deal.ndaInForce')) })),

  recordProposal: update((context, event) => {
    assertEvent(event, 'PROPOSE_TERMS');
    const seq = context.proposals.length + 1;
    const expiresAt = addDays(event.at, context.offerTtlDays);
    const previous = currentProposal(context);
    const kept = previous
      ? withCurrent(context, (p) => ({ ...p, status: 'superseded', closedAt: event.at }))
      : context.proposals;
    const proposal: Proposal = {
      seq,
      terms: event.terms,
      by: event.actor.role as ProposerRole,
      authorId: event.actor.userId,
      at: event.at,
      expiresAt,
      status: 'current',
      acceptedBy: [],
      closedAt: null,
    };
    return {
      proposals: [...kept, proposal],
      effects: addEffects(
        context,
        {
          type: 'startTimer',
          name: 'offerExpiry',
          dueAt: expiresAt,
          event: { type: 'OFFER_EXPIRED', proposalSeq: seq },
        },
        notify(othersThan(context, event.actor.role), 'deal.termsProposed'),
      ),
    };
  }),
  recordAcceptance: update((context, event) => ({
    proposals: withCurrent(context, (p) => ({ ...p, acceptedBy: [...p.acceptedBy, partyRole(event)] })),
    effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.termsAccepted')),
  })),
  // Runs after recordAcceptance, when the last required acceptance is in.
  concludeAgreement: update((context, event) => {
    const proposal = currentProposal(context);
    if (!proposal) throw new Error('no current proposal to conclude');
    return {
      proposals: withCurrent(context, (p) => ({ ...p, status: 'accepted', closedAt: event.at })),
      agreedTerms: proposal.terms,
      effects: addEffects(context, notify(parties(context), 'deal.termsAgreed')),
    };
  }),
  rejectProposal: update((context, event) => ({
    proposals: withCurrent(context, (p) => ({ ...p, status: 'rejected', closedAt: event.at })),
    effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.termsRejected')),
  })),
  expireProposal: update((context, event) => ({
    proposals: withCurrent(context, (p) => ({ ...p, status: 'expired', closedAt: event.at })),
    effects: addEffects(context, notify(parties(context), 'deal.offerExpired')),
  })),

  startPublicNotice: update((context, event) => {
    const endsAt = addDays(event.at, context.publicNoticeDays);
    return {
      publicNotice: { startedAt: event.at, endsAt },
      effects: addEffects(
        context,
        { type: 'startTimer', name: 'noticeEnd', dueAt: endsAt, event: { type: 'NOTICE_ENDED' } },
        notify(parties(context), 'deal.publicNoticeStarted'),
      ),
    };
  }),
  // An objection reopens negotiation: the published price no longer stands, so a new proposal is needed.
  recordObjection: update((context, event) => {
    assertEvent(event, 'RECORD_OBJECTION');
    return {
      objections: [...context.objections, { reason: event.reason, by: event.actor, at: event.at }],
      agreedTerms: null,
      effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.objectionRecorded')),
    };
  }),
  endPublicNotice: update((context) => ({
    effects: addEffects(context, notify(parties(context), 'deal.publicNoticeEnded')),
  })),

  recordContractSignature: update((context, event) => ({
    contract: { ...context.contract, ...sign(context.contract, event) },
    effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.contractSignedByParty')),
  })),
  concludeContract: update((context, event) => ({
    contract: { ...context.contract, signedAt: event.at },
    effects: addEffects(
      context,
      ...commissionEffects(context, event.at),
      notify(parties(context), 'deal.contractSigned'),
    ),
  })),

  assignBroker: update((context, event) => {
    assertEvent(event, 'ASSIGN_BROKER');
    const broker = {
      userId: event.brokerId,
      commissionRateBp: event.commissionRateBp,
      assignedBy: event.actor.userId,
      assignedAt: event.at,
    };
    return { broker, effects: addEffects(context, notify(['buyer', 'seller', 'broker'], 'deal.brokerAssigned')) };
  }),
  registerContract: update((context, event) => {
    assertEvent(event, 'REGISTER_CONTRACT');
    return {
      contractRegistration: {
        registrationNo: event.registrationNo,
        registry: event.registry,
        registeredOn: event.registeredOn,
        certifiedIncome: event.certifiedIncome,
        recordedBy: event.actor,
        recordedAt: event.at,
        confirmedBy: null,
        confirmedAt: null,
      },
      effects: addEffects(context, notify(othersThan(context, event.actor.role), 'deal.contractRegistered')),
    };
  }),
  // The admin, acting as registry (DOMAIN.md "After agreement"), confirms the registration the parties recorded.
  confirmContractRegistration: update((context, event) => {
    if (!context.contractRegistration) throw new Error('no contract registration to confirm');
    return {
      contractRegistration: { ...context.contractRegistration, confirmedBy: event.actor, confirmedAt: event.at },
      effects: addEffects(context, notify(parties(context), 'deal.contractRegistrationConfirmed')),
    };
  }),

  closeDeal: assign<DealContext, DealEvent, { outcome: DealOutcome }, DealEvent, never>(
    ({ context, event }, { outcome }) => {
      const reason = 'reason' in event && typeof event.reason === 'string' ? event.reason : null;
      return {
        closure: { outcome, reason, by: event.actor, at: event.at },
        effects: addEffects(context, notify(othersThan(context, event.actor.role), `deal.${outcome}`)),
      };
    },
  ),
};
