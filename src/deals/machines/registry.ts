import type { AnyStateMachine } from 'xstate';
import { cooperationMachine } from './cooperation.js';
import { equityMachine } from './equity.js';
import { licenseMachine } from './license.js';
import { transferMachine } from './transfer.js';
import type { DealForm } from './types.js';

/**
 * Every machine version that live deals may still be on. A change that moves, renames or removes a state, or
 * changes what the context means, adds a new version here and keeps the old one, so that a deal persisted under
 * version N is always restored by machine N.
 */
const MACHINES: Record<DealForm, Record<number, AnyStateMachine>> = {
  license: { 1: licenseMachine },
  transfer: { 1: transferMachine },
  equity: { 1: equityMachine },
  cooperation: { 1: cooperationMachine },
};

export const MACHINE_VERSIONS: Record<DealForm, number> = { license: 1, transfer: 1, equity: 1, cooperation: 1 };

export function machineFor(form: string, version: number): AnyStateMachine | null {
  if (!Object.hasOwn(MACHINES, form)) return null;
  const versions = MACHINES[form as DealForm];
  return Number.isInteger(version) && Object.hasOwn(versions, version) ? versions[version] : null;
}
