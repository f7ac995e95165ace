import type { AnyStateMachine } from 'xstate';
import { cooperationMachine, cooperationMachineV2 } from './cooperation.js';
import { equityMachine, equityMachineV2, equityMachineV3 } from './equity.js';
import { licenseMachine, licenseMachineV2, licenseMachineV3, licenseMachineV4 } from './license.js';
import { transferMachine, transferMachineV2, transferMachineV3, transferMachineV4 } from './transfer.js';
import type { DealForm } from './types.js';

/**
 * Every machine version that live deals may still be on. A change that moves, renames or removes a state, or
 * changes what the context means, adds a new version here and keeps the old one, so that a deal persisted under
 * version N is always restored by machine N.
 */
const MACHINES: Record<DealForm, Record<number, AnyStateMachine>> = {
  license: { 1: licenseMachine, 2: licenseMachineV2, 3: licenseMachineV3, 4: licenseMachineV4 },
  transfer: { 1: transferMachine, 2: transferMachineV2, 3: transferMachineV3, 4: transferMachineV4 },
  equity: { 1: equityMachine, 2: equityMachineV2, 3: equityMachineV3 },
  cooperation: { 1: cooperationMachine, 2: cooperationMachineV2 },
};

// Version 2 (every form): the public notice board of DOMAIN.md "Pricing routes" and the pricing decision.
// Version 3 (licence, transfer, equity): formalities by the kind of IP, and the licence's performance timers
// (DOMAIN.md "After agreement"); a deal opened on version 3 carries the listing's ipType in its context.
// Version 4 (licence, transfer): the market-priced entry of a sold offering, straight into contracting
// (shared.ts withMarketEntry); every other deal behaves as on version 3.
export const MACHINE_VERSIONS: Record<DealForm, number> = { license: 4, transfer: 4, equity: 3, cooperation: 2 };

export function machineFor(form: string, version: number): AnyStateMachine | null {
  if (!Object.hasOwn(MACHINES, form)) return null;
  const versions = MACHINES[form as DealForm];
  return Number.isInteger(version) && Object.hasOwn(versions, version) ? versions[version] : null;
}
