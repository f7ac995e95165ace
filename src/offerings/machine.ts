import { and, assertEvent, assign, createActor, setup, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { LATE_BID_MINUTES, type OfferingOutcome, type OfferingStatus } from '../shared/offering.js';

// The offering's lifecycle (DOMAIN.md "Pricing routes": listed trading 挂牌 and online bidding 网络竞价), pure:
// guards decide, actions assign context and declare effects, which the service performs in the same transaction.
// Who may send an event (a buyer organization's member, the seller, the admin) is the service's business.

export interface OfferingRegistration {
  id: string;
  orgId: string;
  bidderNo: number;
  depositReceivedAt: string | null;
}
export interface OfferingBid {
  seq: number;
  registrationId: string;
  amount: number;
  at: string;
}
export interface OfferingResult {
  outcome: OfferingOutcome;
  registrationId: string | null;
  price: number | null;
  at: string;
  reason: string | null;
}
export type OfferingEffect =
  | { type: 'scheduleTimer'; name: 'listingEnd' | 'roundEnd'; dueAt: string }
  | { type: 'biddingStarted' }
  | { type: 'settle'; registrationId: string; price: number }
  | { type: 'closed'; outcome: 'lapsed' | 'cancelled' };

export interface OfferingContext {
  sellerOrgId: string;
  basePrice: number;
  increment: number;
  listingEndsAt: string;
  roundMinutes: number;
  registrations: OfferingRegistration[];
  bids: OfferingBid[];
  round: { startsAt: string; endsAt: string; extensions: number } | null;
  result: OfferingResult | null;
  /** The effects of the last accepted event only. */
  effects: OfferingEffect[];
}
export type OfferingInput = Pick<
  OfferingContext,
  'sellerOrgId' | 'basePrice' | 'increment' | 'listingEndsAt' | 'roundMinutes'
>;

export type OfferingEvent =
  | { type: 'REGISTER'; registrationId: string; orgId: string; at: string }
  | { type: 'RECORD_DEPOSIT'; registrationId: string; at: string }
  | { type: 'LISTING_ENDED'; at: string }
  | { type: 'BID'; registrationId: string; amount: number; at: string }
  | { type: 'ROUND_ENDED'; at: string }
  | { type: 'CANCEL'; reason: string; at: string };

const MINUTE = 60_000;
const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

// Registrations without a received deposit do not count at the end of the listing period (choice: DOMAIN.md
// makes the deposit the condition of an intended buyer; one who registered and never paid has not committed).
export const depositors = (c: OfferingContext) => c.registrations.filter((r) => r.depositReceivedAt !== null);
export const bestBid = (c: OfferingContext): OfferingBid | null =>
  c.bids.reduce<OfferingBid | null>((best, b) => (best === null || b.amount > best.amount ? b : best), null);
/** The least the next bid may be: the base price first, then the best bid plus the increment. */
export const minNextBid = (c: OfferingContext) => {
  const best = bestBid(c);
  return best ? best.amount + c.increment : c.basePrice;
};

export type BidRefusal = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'BID_TOO_LOW';
/** Why a bid is refused, or null: the round is over (or not open), the bidder has no deposit, or it is too low. */
export function bidRefusal(c: OfferingContext, e: { registrationId: string; amount: number; at: string }) {
  if (!c.round || Date.parse(e.at) >= Date.parse(c.round.endsAt)) return 'INVALID_TRANSITION' as const;
  const reg = c.registrations.find((r) => r.id === e.registrationId);
  if (!reg || reg.depositReceivedAt === null) return 'FORBIDDEN' as const;
  return e.amount < minNextBid(c) ? ('BID_TOO_LOW' as const) : null;
}

const soldTo = (registrationId: string, price: number, at: string) => ({
  result: { outcome: 'sold' as const, registrationId, price, at, reason: null },
  effects: [{ type: 'settle' as const, registrationId, price }],
});
const closedAs = (outcome: 'lapsed' | 'cancelled', at: string, reason: string | null) => ({
  result: { outcome, registrationId: null, price: null, at, reason },
  effects: [{ type: 'closed' as const, outcome }],
});

export const offeringMachine = setup({
  types: { context: {} as OfferingContext, events: {} as OfferingEvent, input: {} as OfferingInput },
  guards: {
    // The seller's own organization may not register; an organization registers once.
    mayRegister: ({ context, event }) => {
      assertEvent(event, 'REGISTER');
      return event.orgId !== context.sellerOrgId && !context.registrations.some((r) => r.orgId === event.orgId);
    },
    depositOutstanding: ({ context, event }) => {
      assertEvent(event, 'RECORD_DEPOSIT');
      return context.registrations.some((r) => r.id === event.registrationId && r.depositReceivedAt === null);
    },
    listingOver: ({ context, event }) => Date.parse(event.at) >= Date.parse(context.listingEndsAt),
    // Registrations and deposits count only within the listing period, even before its end's timer has fired.
    listingOpen: ({ context, event }) => Date.parse(event.at) < Date.parse(context.listingEndsAt),
    noDepositor: ({ context }) => depositors(context).length === 0,
    oneDepositor: ({ context }) => depositors(context).length === 1,
    bidAccepted: ({ context, event }) => {
      assertEvent(event, 'BID');
      return bidRefusal(context, event) === null;
    },
    roundOver: ({ context, event }) =>
      context.round !== null && Date.parse(event.at) >= Date.parse(context.round.endsAt),
    hasBids: ({ context }) => context.bids.length > 0,
  },
  actions: {
    register: assign(({ context, event }) => {
      assertEvent(event, 'REGISTER');
      const reg = { id: event.registrationId, orgId: event.orgId, bidderNo: context.registrations.length + 1 };
      return { registrations: [...context.registrations, { ...reg, depositReceivedAt: null }], effects: [] };
    }),
    recordDeposit: assign(({ context, event }) => {
      assertEvent(event, 'RECORD_DEPOSIT');
      return {
        registrations: context.registrations.map((r) =>
          r.id === event.registrationId ? { ...r, depositReceivedAt: event.at } : r,
        ),
        effects: [],
      };
    }),
    // Exactly one intended buyer with a deposit: sold to it at the base price (DOMAIN.md).
    sellToOnly: assign(({ context, event }) => soldTo(depositors(context)[0].id, context.basePrice, event.at)),
    startRound: assign(({ context, event }) => {
      const endsAt = plusMinutes(event.at, context.roundMinutes);
      return {
        round: { startsAt: event.at, endsAt, extensions: 0 },
        effects: [
          { type: 'biddingStarted' as const },
          { type: 'scheduleTimer' as const, name: 'roundEnd' as const, dueAt: endsAt },
        ],
      };
    }),
    // Every bid is kept. A bid in the last 5 minutes moves the round's end 5 minutes on (DOMAIN.md), so that no
    // one wins by bidding at the last second; the round-end timer moves with it.
    recordBid: assign(({ context, event }) => {
      assertEvent(event, 'BID');
      const round = context.round as NonNullable<OfferingContext['round']>;
      const bids = [
        ...context.bids,
        { seq: context.bids.length + 1, registrationId: event.registrationId, amount: event.amount, at: event.at },
      ];
      const late = Date.parse(round.endsAt) - Date.parse(event.at) <= LATE_BID_MINUTES * MINUTE;
      if (!late) return { bids, effects: [] };
      const endsAt = plusMinutes(round.endsAt, LATE_BID_MINUTES);
      return {
        bids,
        round: { ...round, endsAt, extensions: round.extensions + 1 },
        effects: [{ type: 'scheduleTimer' as const, name: 'roundEnd' as const, dueAt: endsAt }],
      };
    }),
    sellToBest: assign(({ context, event }) => {
      const best = bestBid(context) as OfferingBid;
      return soldTo(best.registrationId, best.amount, event.at);
    }),
    lapse: assign(({ event }) => closedAs('lapsed', event.at, null)),
    cancel: assign(({ event }) => {
      assertEvent(event, 'CANCEL');
      return closedAs('cancelled', event.at, event.reason);
    }),
  },
}).createMachine({
  id: 'offering',
  context: ({ input }) => ({
    ...input,
    registrations: [],
    bids: [],
    round: null,
    result: null,
    effects: [{ type: 'scheduleTimer', name: 'listingEnd', dueAt: input.listingEndsAt }],
  }),
  initial: 'listed',
  states: {
    listed: {
      on: {
        REGISTER: { guard: and(['listingOpen', 'mayRegister']), actions: 'register' },
        RECORD_DEPOSIT: { guard: and(['listingOpen', 'depositOutstanding']), actions: 'recordDeposit' },
        LISTING_ENDED: [
          { guard: and(['listingOver', 'noDepositor']), target: 'lapsed', actions: 'lapse' },
          { guard: and(['listingOver', 'oneDepositor']), target: 'sold', actions: 'sellToOnly' },
          { guard: 'listingOver', target: 'bidding', actions: 'startRound' },
        ],
        CANCEL: { target: 'cancelled', actions: 'cancel' },
      },
    },
    bidding: {
      on: {
        BID: { guard: 'bidAccepted', actions: 'recordBid' },
        // The best bid wins. No bid at all in the round → lapsed (choice: the depositors did not confirm even the
        // base price, and selling at it to one of them chosen by lot would be a price no market formed).
        ROUND_ENDED: [
          { guard: and(['roundOver', 'hasBids']), target: 'sold', actions: 'sellToBest' },
          { guard: 'roundOver', target: 'lapsed', actions: 'lapse' },
        ],
      },
    },
    sold: { type: 'final' },
    lapsed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export const OFFERING_MACHINE_VERSION = 1;

export type OfferingApply =
  | { ok: true; snapshot: unknown; state: OfferingStatus; context: OfferingContext }
  | { ok: false; code: 'INVALID_TRANSITION' | 'SNAPSHOT_INVALID'; detail: string };

export function initialOfferingSnapshot(input: OfferingInput) {
  const actor = createActor(offeringMachine, { input });
  actor.start();
  const snapshot = actor.getSnapshot();
  const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
  actor.stop();
  return { snapshot: persisted, state: snapshot.value as OfferingStatus, context: snapshot.context };
}

const STATES = new Set(Object.keys(offeringMachine.root.states));

/** Restores the offering from its persisted snapshot, sends one event and returns what to persist. Never throws. */
export function applyOfferingEvent(persisted: unknown, event: OfferingEvent): OfferingApply {
  const p = persisted as { value?: unknown; context?: unknown } | null;
  if (!p || typeof p.value !== 'string' || !STATES.has(p.value) || !p.context)
    return { ok: false, code: 'SNAPSHOT_INVALID', detail: 'the offering snapshot is not of this machine' };
  const actor = createActor(offeringMachine as AnyStateMachine, { snapshot: persisted as never });
  actor.start();
  try {
    const before = actor.getSnapshot() as AnyMachineSnapshot;
    if (!before.can(event))
      return {
        ok: false,
        code: 'INVALID_TRANSITION',
        detail: `${event.type} is not accepted while ${String(before.value)}`,
      };
    actor.send(event);
    const next = actor.getSnapshot();
    return {
      ok: true,
      snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
      state: next.value as OfferingStatus,
      context: next.context as OfferingContext,
    };
  } finally {
    actor.stop();
  }
}

export const offeringContextOf = (snapshot: unknown) => (snapshot as { context: OfferingContext }).context;
