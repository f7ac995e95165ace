import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { inventorRewards } from '../../../src/db/schema/rewards.js';
import { newId } from '../../../src/platform/ids.js';
import type { TestApp } from '../app.js';
import { unique } from '../factories.js';

// An inventor reward in the security world: owed by the seller on a payment it recorded on its upfront-fee
// invoice. The world's seller is an enterprise (so its deals need no public notice), which owes no reward by
// law, so the row is written directly, as the payment hook would for a university. Path parameter: the reward.

type As = (caller: 'seller', opts: InjectOptions) => Promise<LightMyRequestResponse>;
type Ok = (res: LightMyRequestResponse, what: string) => { payments: { id: string; amount: number }[] };

export const rewardPaymentBody = () => ({ paidOn: '2026-03-01', reference: unique('RWD') });

export async function rewardOn(
  t: TestApp,
  as: As,
  ok: Ok,
  { id: invoiceId, dealId }: { id: string; dealId: string },
  sellerOrgId: string,
) {
  const invoice = ok(
    await as('seller', {
      method: 'POST',
      url: `/api/invoices/${invoiceId}/payments`,
      payload: { amount: 100_000, reference: unique('PAY'), paidAt: t.clock.now().toISOString() },
    }),
    'payment',
  );
  const now = t.clock.now().toISOString();
  const id = newId('rwd');
  await t.ctx.db.insert(inventorRewards).values({
    id,
    organizationId: sellerOrgId,
    dealId,
    invoiceId,
    paymentId: invoice.payments[0].id,
    position: 0,
    inventorName: '陈刚',
    shareBp: 10_000,
    income: 100_000,
    rateBp: 5000,
    amount: 50_000,
    publicFrom: now,
    publicUntil: now,
    createdAt: now,
  });
  return { id };
}
