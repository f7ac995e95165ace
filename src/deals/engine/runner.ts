import { TransactionRollbackError } from 'drizzle-orm';
import { issueInvoiceForEffect } from '../../invoices/issue.js';
import { reissueExemptOnRegistration } from '../../invoices/reissue.js';
import type { AppContext } from '../../platform/context.js';
import { inTransaction, isTransaction, type DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { runGuarded } from '../../platform/statements.js';
import type { DealActor } from '../machines/index.js';
import { currentVersion, dealUpdateGuard, eventWrites, isActiveBroker, type DealRow } from '../store/index.js';
import { planDealEvent, type DealEventInput, type EventPlan } from './plan.js';

/**
 * What became of a planned event: written, or lost to another event that moved the deal on first (nothing
 * written; `version` is the deal's version now where it could be read, null inside a transaction).
 */
export type EventOutcome =
  { kind: 'written'; deal: DealRow } | { kind: 'lost'; version: number | null; expected: number };

/**
 * Writes a planned event: one statement that applies only if the deal is still at the version the plan was
 * computed from (a compare-and-set that takes the row's lock), then its invoices in the same transaction.
 * Outside a transaction, an event without invoices is that one statement.
 */
export async function runPlan(ctx: AppContext, db: DbOrTx, plan: EventPlan): Promise<EventOutcome> {
  const { updated, write, invoices, registersContract } = plan;
  const guard = dealUpdateGuard(write.before, updated);
  const writes = eventWrites(write);
  const won =
    invoices.length === 0 && !registersContract
      ? await runGuarded(db, guard, writes)
      : await inTransaction(db, async (tx) => {
          // A missed guard failed its statement, which aborts the transaction: end it (drizzle's rollback throws
          // TransactionRollbackError, turned into the outcome right below and nowhere else).
          if (!(await runGuarded(tx, guard, writes))) tx.rollback();
          // Invoices last, after every other write: each is numbered as the transaction commits (invoices/numbering.ts).
          // A registration's reissues come with it, once (reissue.ts says why here and not through the outbox).
          if (registersContract) await reissueExemptOnRegistration(ctx, tx, updated);
          for (const effect of invoices) await issueInvoiceForEffect(ctx, tx, updated, effect);
          return true;
        }).catch((err: unknown) => {
          if (err instanceof TransactionRollbackError) return false;
          throw err;
        });
  if (won) return { kind: 'written', deal: updated };
  // Outside a transaction (or once this one has ended) the answer can say which version won.
  return {
    kind: 'lost',
    version: isTransaction(db) ? null : await currentVersion(db, updated.id),
    expected: write.before.version,
  };
}

/** Plans one event on the deal as read (planDealEvent), checks what the plan names, and writes it (runPlan). */
export async function applyEvent(
  ctx: AppContext,
  db: DbOrTx,
  deal: DealRow,
  actor: DealActor,
  input: DealEventInput,
): Promise<EventOutcome> {
  const plan = planDealEvent(ctx, deal, actor, input);
  if (plan.broker !== null && !(await isActiveBroker(db, plan.broker))) {
    throw new AppError('VALIDATION_FAILED', 'brokerId must be an active broker', {
      errors: [{ path: 'body.brokerId', message: 'is not an active broker' }],
    });
  }
  return runPlan(ctx, db, plan);
}

/** 409 VERSION_CONFLICT for an event sent at `expected` to a deal now at `current` (null: not known). */
export function versionConflict(current: number | null, expected: number): AppError {
  if (current === null)
    return new AppError('VERSION_CONFLICT', `The deal has moved on from version ${expected}; reload and try again`);
  return new AppError('VERSION_CONFLICT', `The deal is at version ${current}, not ${expected}; reload and try again`, {
    currentVersion: current,
  });
}

/** The deal as written, or the 409 a lost race answers with. */
export function writtenOrConflict(outcome: EventOutcome): DealRow {
  if (outcome.kind === 'lost') throw versionConflict(outcome.version, outcome.expected);
  return outcome.deal;
}
