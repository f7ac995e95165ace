import { createActor, getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { ACTOR_ROLES } from '../../shared/deal.js';
import { validateEventPayload } from '../../shared/deal-events.js';
import type { FieldError } from '../../shared/schema-errors.js';
import { isIsoInstant } from './dates.js';
import { currentProposal } from './effects.js';
import { eventPreconditions } from './preconditions.js';
import { MACHINE_VERSIONS, machineFor } from './registry.js';
import { persist, restoreActor } from './restore.js';
import { checkDealInput } from './shared.js';
import type { DealActor, DealContext, DealEvent, DealForm, DealInput, DealTerms, Effect } from './types.js';

export { MACHINE_VERSIONS } from './registry.js';
export type * from './types.js';

export type ApplyErrorCode =
  'INVALID_TRANSITION' | 'FORBIDDEN' | 'MACHINE_VERSION_UNKNOWN' | 'SNAPSHOT_INVALID' | 'PAYLOAD_INVALID';
export type ApplyResult =
  | { ok: true; snapshot: unknown; state: string; effects: Effect[]; context: DealContext }
  | { ok: false; code: ApplyErrorCode; detail: string; errors?: FieldError[] };
export interface IncomingDealEvent {
  type: string;
  actor: DealActor;
  at: string;
  [payload: string]: unknown;
}

export function initialDealSnapshot(form: DealForm, input: Omit<DealInput, 'form'> & { form?: DealForm }) {
  if (input.form !== undefined && input.form !== form)
    throw new RangeError(`input is for a ${input.form} deal, not ${form}`);
  const machineVersion = MACHINE_VERSIONS[form];
  const machine = machineFor(form, machineVersion);
  if (!machine) throw new RangeError(`no deal form ${String(form)}`);
  checkDealInput({ ...input, form });
  const actor = createActor(machine, { input: { ...input, form } });
  actor.start();
  try {
    const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
    const context = snapshot.context as DealContext;
    return {
      snapshot: persist(actor),
      state: dealStateString(snapshot),
      machineVersion,
      effects: context.effects,
      context,
    };
  } finally {
    actor.stop();
  }
}

function envelopeErrors(event: IncomingDealEvent): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof event?.type !== 'string') errors.push({ path: 'type', message: 'is required' });
  const actor = event?.actor;
  if (!actor || typeof actor.userId !== 'string' || actor.userId === '')
    errors.push({ path: 'actor.userId', message: 'is required' });
  if (!actor || !ACTOR_ROLES.includes(actor.role))
    errors.push({ path: 'actor.role', message: `must be one of ${ACTOR_ROLES.join(', ')}` });
  if (!isIsoInstant(event?.at)) errors.push({ path: 'at', message: 'must be an ISO 8601 instant' });
  return errors;
}

/**
 * Field errors of an event for an HTTP 400: its payload against the shared schemas, then, with the deal's context,
 * what the payload refers to (a milestone that exists and was not yet invoiced, a royalty period not reported
 * before, …). Who may send the event is the machine's business, not this function's.
 */
export function dealEventErrors(
  form: DealForm,
  event: { type: string; [key: string]: unknown },
  context?: DealContext,
): FieldError[] {
  const errors = validateEventPayload(form, event);
  if (errors.length > 0 || !context) return errors;
  return eventPreconditions(event as DealEvent, context);
}

/** The event types the current state has a transition for, whoever sends them. */
function acceptedTypes(snapshot: AnyMachineSnapshot): Set<string> {
  if (snapshot.status !== 'active') return new Set();
  return new Set(
    getNextTransitions(snapshot)
      .map((t) => t.eventType)
      .filter((type) => /^[A-Z_]+$/.test(type)),
  );
}

/**
 * Restores the deal's actor, checks the event (state accepts it → actor may send it → payload is valid against
 * the deal), sends it and returns what to persist. Never throws and never leaves an actor running.
 */
export function applyDealEvent(
  form: DealForm,
  machineVersion: number,
  persisted: unknown,
  event: IncomingDealEvent,
): ApplyResult {
  const machine = machineFor(form, machineVersion);
  if (!machine)
    return {
      ok: false,
      code: 'MACHINE_VERSION_UNKNOWN',
      detail: `no ${String(form)} machine version ${machineVersion}`,
    };
  const malformed = envelopeErrors(event);
  if (malformed.length > 0)
    return { ok: false, code: 'PAYLOAD_INVALID', detail: 'the event envelope is malformed', errors: malformed };
  const restored = restoreActor(machine, form, persisted);
  if (!restored.ok) return { ok: false, code: 'SNAPSHOT_INVALID', detail: restored.detail };
  const { actor, snapshot } = restored;
  try {
    const from = dealStateString(snapshot);
    if (!acceptedTypes(snapshot).has(event.type)) {
      return { ok: false, code: 'INVALID_TRANSITION', detail: `${event.type} is not accepted in state ${from}` };
    }
    if (!snapshot.can(event)) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        detail: `${event.actor.role} may not send ${event.type} in state ${from} now`,
      };
    }
    const errors = dealEventErrors(form, event, snapshot.context as DealContext);
    if (errors.length > 0)
      return { ok: false, code: 'PAYLOAD_INVALID', detail: `${event.type} has invalid fields`, errors };
    actor.send(event);
    const next = actor.getSnapshot() as AnyMachineSnapshot;
    if (next.status === 'error') {
      return {
        ok: false,
        code: 'SNAPSHOT_INVALID',
        detail: `the machine failed on this snapshot: ${String((next.error as Error)?.message ?? next.error)}`,
      };
    }
    const context = next.context as DealContext;
    const written = persist(actor);
    restoredOf.set(written as object, next);
    return { ok: true, snapshot: written, state: dealStateString(next), effects: context.effects, context };
  } catch (err) {
    // A guard or action that throws means the persisted context does not fit the state it claims to be in.
    return {
      ok: false,
      code: 'SNAPSHOT_INVALID',
      detail: `the machine failed on this snapshot: ${(err as Error).message}`,
    };
  } finally {
    actor.stop();
  }
}

/**
 * The event types this caller may send now, sorted: the current state's transitions filtered by the machine's own
 * guards (`snapshot.can`), never a hand-kept list. `at` matters only for the system's time-checked events.
 */
export function nextEventsFor(
  form: DealForm,
  machineVersion: number,
  persisted: unknown,
  actor: DealActor,
  at = '',
): string[] {
  const machine = machineFor(form, machineVersion);
  if (!machine) return [];
  const live = restoredOf.get(persisted as object);
  if (live) return eventsFor(live, actor, at);
  const restored = restoreActor(machine, form, persisted);
  if (!restored.ok) return [];
  try {
    return eventsFor(restored.snapshot, actor, at);
  } finally {
    restored.actor.stop();
  }
}

function eventsFor(snapshot: AnyMachineSnapshot, actor: DealActor, at: string): string[] {
  try {
    return [...acceptedTypes(snapshot)].filter((type) => snapshot.can({ type, actor, at })).sort();
  } catch {
    return [];
  }
}

// The machine snapshot an event just produced, by the persisted copy written for it: the view answered for that
// event asks for nextEvents of the same snapshot, which then needs no second restore.
const restoredOf = new WeakMap<object, AnyMachineSnapshot>();

/** `"negotiating"`, `"contracting.awaitingBuyer"`: the state value as API.md shows it. */
export function dealStateString(snapshot: unknown): string {
  const parts: string[] = [];
  let value = (snapshot as { value?: unknown } | null)?.value;
  while (value && typeof value === 'object') {
    const [key, child] = Object.entries(value)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = child;
  }
  if (typeof value === 'string') parts.push(value);
  return parts.join('.');
}

export function dealContextOf(snapshot: unknown): DealContext {
  return (snapshot as { context: DealContext }).context;
}

/** Declined, withdrawn, expired, terminated or completed: no event is accepted any more. */
export function isFinalState(snapshot: unknown): boolean {
  return (snapshot as { status?: unknown } | null)?.status === 'done';
}

/** Both parties have signed the contract. */
export function isSigned(snapshot: unknown): boolean {
  return dealContextOf(snapshot)?.contract?.signedAt != null;
}

/**
 * The deal's contract is registered as a technology contract (技术合同认定登记): recorded by a party, whether or not
 * the admin has confirmed it yet. The VAT exemption of its technology income hangs on this (invoices/tax.ts).
 */
export function isContractRegistered(snapshot: unknown): boolean {
  return dealContextOf(snapshot)?.contractRegistration != null;
}

/** What the deal room shows as the terms: the agreed ones, else the proposal on the table, else none. */
export function currentTerms(context: DealContext): DealTerms | null {
  return context.agreedTerms ?? currentProposal(context)?.terms ?? null;
}
