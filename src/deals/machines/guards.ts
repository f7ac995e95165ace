import { isNotBefore } from './dates.js';
import { currentProposal } from './effects.js';
import type { DealContext, DealEvent, PartyRole, Proposal } from './types.js';

export interface GuardArgs {
  context: DealContext;
  event: DealEvent;
}

/** Who must accept a proposal: the other party, or both parties when the broker made it. */
export function requiredAcceptors(proposal: Proposal): PartyRole[] {
  if (proposal.by === 'broker') return ['buyer', 'seller'];
  return [proposal.by === 'buyer' ? 'seller' : 'buyer'];
}

function mayAccept({ context, event }: GuardArgs): boolean {
  const proposal = currentProposal(context);
  const role = event.actor.role;
  if (!proposal || (role !== 'buyer' && role !== 'seller')) return false;
  return requiredAcceptors(proposal).includes(role) && !proposal.acceptedBy.includes(role);
}

// A party that has not signed the NDA yet.
const maySignNda = ({ context, event }: GuardArgs) =>
  (event.actor.role === 'buyer' || event.actor.role === 'seller') && context.nda[event.actor.role] === null;

const isAssignedBroker = ({ context, event }: GuardArgs) =>
  event.actor.role === 'broker' && context.broker !== null && context.broker.userId === event.actor.userId;

// Permission guards read only the actor and the context, never the payload, so that `snapshot.can({ type, actor,
// at })` tells which events a caller may send. The few guards that read the payload (marked) choose between
// branches or reject a stale timer; they are never the only thing that allows an actor in.
export const sharedGuards = {
  isBuyer: ({ event }: GuardArgs) => event.actor.role === 'buyer',
  isSeller: ({ event }: GuardArgs) => event.actor.role === 'seller',
  isSystem: ({ event }: GuardArgs) => event.actor.role === 'system',
  isAdmin: ({ event }: GuardArgs) => event.actor.role === 'admin',
  isSellerOrAdmin: ({ event }: GuardArgs) => event.actor.role === 'seller' || event.actor.role === 'admin',
  isParty: ({ event }: GuardArgs) => event.actor.role === 'buyer' || event.actor.role === 'seller',
  isPartyOrAdmin: ({ event }: GuardArgs) => ['buyer', 'seller', 'admin'].includes(event.actor.role),
  ndaRequired: ({ context }: GuardArgs) => context.ndaRequired,
  maySignNda,
  // This signature is the second one.
  ndaCompletedBy: (args: GuardArgs) =>
    maySignNda(args) && args.context.nda[args.event.actor.role === 'buyer' ? 'seller' : 'buyer'] !== null,

  mayProposeTerms: (args: GuardArgs) =>
    args.event.actor.role === 'buyer' || args.event.actor.role === 'seller' || isAssignedBroker(args),
  mayAcceptTerms: mayAccept,
  // True when this acceptance is the last one the current proposal needs.
  acceptanceConcludes: (args: GuardArgs) => {
    const proposal = currentProposal(args.context);
    if (!proposal || !mayAccept(args)) return false;
    const accepted = [...proposal.acceptedBy, args.event.actor.role];
    return requiredAcceptors(proposal).every((r) => accepted.includes(r));
  },
  // Either party may turn down a broker's proposal; otherwise only the party it was made to.
  mayRejectTerms: ({ context, event }: GuardArgs) => {
    const proposal = currentProposal(context);
    const role = event.actor.role;
    if (!proposal || (role !== 'buyer' && role !== 'seller')) return false;
    return proposal.by === 'broker' || proposal.by !== role;
  },
  // Reads the payload: a timer for an older proposal must not expire the current one.
  offerStillCurrent: ({ context, event }: GuardArgs) => {
    const proposal = currentProposal(context);
    return (
      event.actor.role === 'system' &&
      event.type === 'OFFER_EXPIRED' &&
      proposal !== undefined &&
      proposal.seq === event.proposalSeq
    );
  },

  // Law on Promoting the Transformation of S&T Achievements, Art. 18: a public institution that prices a result by
  // negotiation publishes the price before the contract is made.
  needsPublicNotice: ({ context }: GuardArgs) => context.publicInstitutionSeller && context.publicNoticeDays > 0,
  // Reads `at`: a timer left over from an earlier notice period must not end the current one.
  noticePeriodOver: ({ context, event }: GuardArgs) =>
    event.actor.role === 'system' &&
    context.publicNotice !== null &&
    isNotBefore(event.at, context.publicNotice.endsAt),

  mayRegisterContract: (args: GuardArgs) =>
    args.context.contractRegistration === null &&
    (args.event.actor.role === 'buyer' || args.event.actor.role === 'seller' || isAssignedBroker(args)),
  // Only the admin acts as registry; a registration is confirmed once.
  mayConfirmContractRegistration: (args: GuardArgs) =>
    args.event.actor.role === 'admin' &&
    args.context.contractRegistration !== null &&
    !args.context.contractRegistration.confirmedAt,
};
