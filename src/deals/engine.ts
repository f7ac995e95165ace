// The deal engine: plan.ts turns an event into the machine's transition and what it writes (no I/O),
// effects.ts turns the machine's effects into timers, notices and invoices, runner.ts carries a plan out through
// the store (a lost race is an outcome, not an exception), handlers.ts serves the deal's timers and payments.
export { dealContextOf } from './machines/index.js';
export { listingTitle } from './engine/effects.js';
export { fireDealTimer, onInstalmentPaid, SYSTEM } from './engine/handlers.js';
export { idleTimer, planDealEvent, type DealEventInput, type EventPlan } from './engine/plan.js';
export { applyEvent, runPlan, versionConflict, writtenOrConflict, type EventOutcome } from './engine/runner.js';
