import { bigint, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organizations, users } from './accounts.js';
import { createdAt, instant } from './columns.js';
import { deals } from './deals.js';
import { invoicePayments, invoices } from './invoices.js';

// An inventor's reward owed on one payment of licence or transfer income (Law Arts. 44–45): one row per inventor
// of the listing and per payment, written in the transaction that records the payment. The unique index on
// (payment, position) makes a second write for the same payment fail rather than owe the reward twice.
export const inventorRewards = pgTable(
  'inventor_rewards',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paymentId: text('payment_id')
      .notNull()
      .references(() => invoicePayments.id),
    /** The inventor's place in the listing's list of inventors. */
    position: integer('position').notNull(),
    inventorName: text('inventor_name').notNull(),
    shareBp: integer('share_bp').notNull(),
    /** The income the reward is computed from: the payment's amount, fen. */
    income: bigint('income', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    publicFrom: instant('public_from').notNull(),
    publicUntil: instant('public_until').notNull(),
    paidOn: text('paid_on'),
    paidReference: text('paid_reference'),
    paidBy: text('paid_by').references(() => users.id),
    paidRecordedAt: instant('paid_recorded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inventor_rewards_payment_uq').on(t.paymentId, t.position),
    index('inventor_rewards_deal_idx').on(t.dealId),
    index('inventor_rewards_org_idx').on(t.organizationId, t.createdAt),
    check('inventor_rewards_amount_ck', sql`${t.amount} >= 0 and ${t.income} > 0`),
  ],
);
