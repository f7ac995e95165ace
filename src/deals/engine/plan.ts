import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  applyDealEvent,
  isContractRegistered,
  isFinalState,
  isSigned,
  type DealActor,
  type DealContext,
  type Effect,
} from '../machines/index.js';
import type { IssueInvoiceEffect } from '../machines/types.js';
import type { DealRow, EventWrite, IdleTimerWrite } from '../store/index.js';
import { contractValue } from '../../shared/terms.js';
import { boardWrites } from './board.js';
import { effectsToWrite } from './effects.js';

const FAILURES = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FORBIDDEN: 'FORBIDDEN',
  PAYLOAD_INVALID: 'VALIDATION_FAILED',
  MACHINE_VERSION_UNKNOWN: 'CONFLICT',
  SNAPSHOT_INVALID: 'CONFLICT',
} as const;

export interface DealEventInput {
  type: string;
  [payload: string]: unknown;
}

/** What one accepted event does, computed without I/O (planDealEvent) and carried out by runPlan. */
export interface EventPlan {
  /** The deal as it will be, at version + 1. */
  updated: DealRow;
  /** What the store writes: the deal at that version only, with its history, audit, grant, timers and notices. */
  write: EventWrite;
  /** Invoices to issue after those writes, in the same transaction. */
  invoices: IssueInvoiceEffect[];
  /**
   * The event records the contract's registration: its unpaid standard-rate invoices are reissued exempt in the
   * same transaction (invoices/reissue.ts).
   */
  registersContract: boolean;
  /** A user the event names as broker, to be checked as an active broker before anything is written. */
  broker: string | null;
}

/**
 * Runs one event through a deal's machine on the deal as the caller read it, without I/O: restore from the
 * persisted snapshot, check the state accepts it and the actor may send it, send, and describe the writes.
 * A refused event throws.
 */
export function planDealEvent(ctx: AppContext, deal: DealRow, actor: DealActor, input: DealEventInput): EventPlan {
  const now = ctx.clock.now().toISOString();
  const { type, ...payload } = input;
  const result = applyDealEvent(deal.type, deal.machineVersion, deal.snapshot, { ...payload, type, actor, at: now });
  if (!result.ok) {
    const errors = result.errors?.map((e) => ({ path: `body.${e.path}`, message: e.message }));
    throw new AppError(FAILURES[result.code], result.detail, errors ? { errors } : {});
  }
  const context = result.context;
  const signed = isSigned(result.snapshot);
  const final = isFinalState(result.snapshot);
  const updated: DealRow = {
    ...deal,
    state: result.state,
    snapshot: result.snapshot,
    version: deal.version + 1,
    brokerUserId: context.broker?.userId ?? deal.brokerUserId,
    contractValue: context.agreedTerms ? contractValue(deal.type, context.agreedTerms) : null,
    signedAt: deal.signedAt ?? (signed ? context.contract.signedAt : null),
    closedAt: final ? now : null,
    lastActivityAt: now,
    updatedAt: now,
  };
  const effects = effectsToWrite(result.effects, updated, actor);
  const write: EventWrite = {
    before: deal,
    updated,
    history: {
      type,
      actor: { id: actor.role === 'system' ? null : actor.userId, role: actor.role },
      fromState: deal.state,
      toState: result.state,
      payload,
      at: now,
    },
    audit: {
      action: `deal.${type.toLowerCase()}`,
      data: { from: deal.state, to: result.state, version: updated.version },
    },
    grant: confidentialAccess(deal.state, result.state, context),
    // A closed deal's pending timers (its idle expiry among them) are obsolete; an open one's idle expiry moves on.
    timers: final ? 'cancelAll' : idleTimer(ctx, signed),
    startTimers: effects.timers,
    notices: effects.notices,
    board: boardWrites(deal, updated, input, actor, context, now),
  };
  return {
    updated,
    write,
    invoices: effects.invoices,
    registersContract: !isContractRegistered(deal.snapshot) && isContractRegistered(result.snapshot),
    broker: type === 'ASSIGN_BROKER' ? String(input.brokerId) : null,
  };
}

// Once the inquiry is accepted (and the NDA signed by both where the listing needs one) the buyer may read the
// listing's confidential part: the listing visibility rule reads these grants.
function confidentialAccess(from: string, to: string, context: DealContext): EventWrite['grant'] {
  const opened = (from === 'inquiry' || from === 'nda') && to === 'negotiating';
  if (!opened) return null;
  return context.ndaRequired ? 'nda_signed' : 'no_nda_required';
}

/**
 * Idle expiry (DEAL_IDLE_DAYS without an accepted event before signing): one pending timer per deal, replaced on
 * every event (store: idleTimerStatements); a signed deal's is only cancelled.
 */
export function idleTimer(ctx: AppContext, stop: boolean): IdleTimerWrite {
  if (stop || ctx.config.DEAL_IDLE_DAYS === 0) return { dueAt: null };
  return { dueAt: new Date(ctx.clock.now().getTime() + ctx.config.DEAL_IDLE_DAYS * 86_400_000).toISOString() };
}

export type { Effect };
