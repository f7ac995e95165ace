import { createActor, type AnyActor, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from 'xstate';
import type { DealContext } from './types.js';

export type Restored = { ok: true; actor: AnyActor; snapshot: AnyMachineSnapshot } | { ok: false; detail: string };

/** The persisted state value names states of this machine (one active child per compound state). */
function valueExists(node: AnyStateNode, value: unknown): boolean {
  if (typeof value === 'string')
    return Object.hasOwn(node.states, value) && Object.keys(node.states[value].states).length === 0;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  if (entries.length !== 1) return false;
  const [key, child] = entries[0];
  return Object.hasOwn(node.states, key) && valueExists(node.states[key], child);
}

function shapeProblem(machine: AnyStateMachine, form: string, persisted: unknown): string | null {
  if (!persisted || typeof persisted !== 'object') return 'the snapshot is not an object';
  const p = persisted as { status?: unknown; value?: unknown; context?: Partial<DealContext> };
  if (p.status !== 'active' && p.status !== 'done') return `the snapshot status is ${String(p.status)}`;
  if (!valueExists(machine.root, p.value)) return `the state ${JSON.stringify(p.value)} does not exist in this machine`;
  if (!p.context || typeof p.context !== 'object' || p.context.form !== form)
    return `the snapshot is not a ${form} deal`;
  if (
    !Array.isArray(p.context.proposals) ||
    !Array.isArray(p.context.effects) ||
    !p.context.contract ||
    !p.context.nda
  ) {
    return 'the snapshot context is incomplete';
  }
  return null;
}

/**
 * Restores an actor from a persisted snapshot, checked first: restoring a state that the machine does not have
 * leaves the actor in `error` and, without an error observer, throws from a timer and takes the process down.
 * The caller stops the actor.
 */
export function restoreActor(machine: AnyStateMachine, form: string, persisted: unknown): Restored {
  const problem = shapeProblem(machine, form, persisted);
  if (problem) return { ok: false, detail: problem };
  let failure: unknown = null;
  const actor = createActor(machine, { snapshot: persisted as never });
  actor.subscribe({
    error: (err) => {
      failure = err;
    },
  });
  actor.start();
  const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
  if (failure || snapshot.status === 'error') {
    actor.stop();
    return {
      ok: false,
      detail: `the snapshot cannot be restored: ${String((failure as Error | null)?.message ?? snapshot.error)}`,
    };
  }
  return { ok: true, actor, snapshot };
}

/** A detached, plain-JSON copy of what the engine stores. */
export function persist(actor: AnyActor): unknown {
  return JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
}
