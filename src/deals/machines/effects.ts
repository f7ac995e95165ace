import type { DealNoticeKey } from '../../shared/deal-notices.js';
import { contractValue, type DealTerms } from '../../shared/terms.js';
import { addDays } from './dates.js';
import { mulBpHalfUp } from '../../shared/money.js';
import type {
  ActorRole,
  DealContext,
  Effect,
  IssueInvoiceEffect,
  NotifyEffect,
  NotifyTarget,
  Proposal,
} from './types.js';

export const addEffects = (context: DealContext, ...effects: Effect[]): Effect[] => [...context.effects, ...effects];

export function parties(context: DealContext): NotifyTarget[] {
  return context.broker ? ['buyer', 'seller', 'broker'] : ['buyer', 'seller'];
}

/** Everyone in the deal room except the one who acted (an admin or the system tells every party). */
export function othersThan(context: DealContext, role: ActorRole): NotifyTarget[] {
  return parties(context).filter((p) => p !== role);
}

export function notify(to: NotifyTarget[], message: DealNoticeKey): NotifyEffect {
  return { type: 'notify', to, message };
}

export function currentProposal(context: DealContext): Proposal | undefined {
  const last = context.proposals[context.proposals.length - 1];
  return last?.status === 'current' ? last : undefined;
}

export function agreedTerms<T extends DealTerms>(context: DealContext): T {
  if (!context.agreedTerms) throw new Error('no agreed terms: the machine reached a signed state without an agreement');
  return context.agreedTerms as T;
}

export function invoiceForBuyer(
  spec: Pick<IssueInvoiceEffect, 'kind' | 'ref' | 'dueAt'> & {
    lineKind: IssueInvoiceEffect['lines'][number]['kind'];
    description: string;
    amount: number;
  },
): IssueInvoiceEffect {
  return {
    type: 'issueInvoice',
    kind: spec.kind,
    issuer: 'seller',
    recipient: 'buyer',
    lines: [{ kind: spec.lineKind, description: spec.description, amount: spec.amount }],
    ref: spec.ref,
    dueAt: spec.dueAt,
  };
}

/**
 * The broker's commission: the rate times the contract value known at signing (DOMAIN.md "Brokers"), billed by
 * the broker to the seller. No broker, or a zero commission, issues nothing.
 */
export function commissionEffects(context: DealContext, signedAt: string): Effect[] {
  if (!context.broker) return [];
  const amount = mulBpHalfUp(contractValue(context.form, agreedTerms(context)), context.broker.commissionRateBp);
  if (amount === 0) return [];
  return [
    {
      type: 'issueInvoice',
      kind: 'commission',
      issuer: 'broker',
      recipient: 'seller',
      lines: [{ kind: 'brokerage', description: '技术经纪佣金 Brokerage commission', amount }],
      ref: 'commission',
      dueAt: addDays(signedAt, context.invoiceDueDays),
    },
  ];
}
