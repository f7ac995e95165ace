import type { AnyStateMachine } from 'xstate';
import { cooperationMachine, cooperationMachineV2 } from './cooperation.js';
import { equityMachine, equityMachineV2 } from './equity.js';
import { licenseMachine, licenseMachineV2 } from './license.js';
import { transferMachine, transferMachineV2 } from './transfer.js';
import type { DealForm } from './types.js';

/**
 * Every machine version that live deals may still be on. A change that moves, renames or removes a state, or
 * changes what the context means, adds a new version here and keeps the old one, so that a deal persisted under
 * version N is always restored by machine N.
 */
const MACHINES: Record<DealForm, Record<number, AnyStateMachine>> = {
  license: { 1: licenseMachine, 2: licenseMachineV2 },
  transfer: { 1: transferMachine, 2: transferMachineV2 },
  equity: { 1: equityMachine, 2: equityMachineV2 },
  cooperation: { 1: cooperationMachine, 2: cooperationMachineV2 },
};

// Version 2 (every form): the public notice board of DOMAIN.md "Pricing routes" and the pricing decision.
export const MACHINE_VERSIONS: Record<DealForm, number> = { license: 2, transfer: 2, equity: 2, cooperation: 2 };

export function machineFor(form: string, version: number): AnyStateMachine | null {
  if (!Object.hasOwn(MACHINES, form)) return null;
  const versions = MACHINES[form as DealForm];
  return Number.isInteger(version) && Object.hasOwn(versions, version) ? versions[version] : null;
}
