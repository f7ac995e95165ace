import { USER_ROLE_LABELS } from './accounts.js';
import type { DealRole } from './deal.js';
import type { Label } from './listing.js';

// Who a deal is waiting for (issue #22): the deal list marks a deal "to do" only for a caller who has a move to
// make, and otherwise names who is awaited. The input is what the machine offers each role now (nextEventsFor,
// filtered by the machine's own guards), so the answer follows the machines and is never a hand-kept table of states.

/** Who the deal waits for: a role with a move to make, or a wait that no one's event ends. */
export const AWAITED = ['buyer', 'seller', 'broker', 'admin', 'noticePeriod', 'payment'] as const;
export type Awaited = (typeof AWAITED)[number];

/**
 * Events that are open to a role for a long stretch of the deal and never what it is waiting for: leaving it
 * (declining an inquiry is offered beside ACCEPT_INQUIRY, which counts), bringing a broker in, recording the contract
 * registration and the admin's confirming it (a check of the record, open until done, that the deal never waits on),
 * an optional record, the periodic royalty report, ending a licence at its term, and a refusal of terms
 * (REJECT_TERMS is offered beside ACCEPT_TERMS, which already counts, and also to a party that accepted a
 * broker's proposal).
 */
const STANDING = new Set([
  'DECLINE',
  'WITHDRAW',
  'TERMINATE',
  'ASSIGN_BROKER',
  'REGISTER_CONTRACT',
  'CONFIRM_CONTRACT_REGISTRATION',
  'RECORD_PRICING_DECISION',
  'RECORD_OBJECTION',
  'REPORT_ROYALTIES',
  'COMPLETE',
  'REJECT_TERMS',
]);

export type EventsByRole = Partial<Record<DealRole, readonly string[]>>;

/** The events of a role that move the deal on, given what every role may send. */
function moves(events: readonly string[], all: EventsByRole): string[] {
  // A proposal awaiting an answer: proposing again (a counter-offer, or replacing one's own) is not the move the
  // deal waits for; the answer is. With no proposal on the table, proposing is the move of everyone who may.
  const answerPending = Object.values(all).some((e) => e?.includes('ACCEPT_TERMS'));
  return events.filter((e) => !STANDING.has(e) && !(e === 'PROPOSE_TERMS' && answerPending));
}

/**
 * Who the deal is waiting for, in a fixed order. `state` is the dotted machine state; it matters only where no
 * party has a move: under public notice the period must run out (a system timer), and a transfer's instalments
 * are paid on the invoices, outside the deal's events. A closed deal awaits no one.
 */
export function awaitedParties(state: string, nextByRole: EventsByRole): Awaited[] {
  const roles = (['buyer', 'seller', 'broker', 'admin'] as const).filter(
    (r) => moves(nextByRole[r] ?? [], nextByRole).length > 0,
  );
  if (roles.length > 0) return roles;
  if (state === 'publicNotice') return ['noticePeriod'];
  if (state === 'payment') return ['payment'];
  return [];
}

/** The caller has something to do: the deal waits for the caller's own role. */
export const isToDo = (awaited: readonly Awaited[], role: DealRole) => awaited.includes(role);

const WAIT_LABELS: Readonly<Record<Awaited, Label>> = {
  buyer: USER_ROLE_LABELS.buyer,
  seller: USER_ROLE_LABELS.seller,
  broker: USER_ROLE_LABELS.broker,
  admin: USER_ROLE_LABELS.admin,
  noticePeriod: { zh: '公示期满', en: 'the public notice period to end' },
  payment: { zh: '付款', en: 'payment' },
};
const ROLE_NAMES_EN: Partial<Record<Awaited, string>> = {
  buyer: 'the buyer',
  seller: 'the seller',
  broker: 'the broker',
  admin: 'the bureau',
};

/** 等待需求方、成果方 · Waiting for the buyer and the seller; null when the deal awaits no one (closed, in force). */
export function waitingLabel(awaited: readonly Awaited[]): Label | null {
  if (awaited.length === 0) return null;
  const en = awaited.map((a) => ROLE_NAMES_EN[a] ?? WAIT_LABELS[a].en);
  return {
    zh: `等待${awaited.map((a) => WAIT_LABELS[a].zh).join('、')}`,
    en: `Waiting for ${en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en.at(-1)}` : en[0]}`,
  };
}
