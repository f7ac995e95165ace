import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { PRICING_BASIS_KINDS } from '../../shared/deal.js';
import { OFFERING_FORMS, OFFERING_OUTCOMES, OFFERING_STATUSES } from '../../shared/offering.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { deals } from './deals.js';
import { listings } from './listings.js';

// Listed trading (挂牌) and online bidding (网络竞价), DOMAIN.md "Pricing routes". An offering is a persisted state
// machine (offerings/machine.ts): `snapshot` at `machineVersion`, with `version` bumped on every step; the columns
// beside it are what the snapshot says, kept for queries and the public view. Every step locks the row.
export const offerings = pgTable(
  'offerings',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    form: text('form', { enum: OFFERING_FORMS }).notNull(),
    // The terms of the deal to come, all but the price (filled from the winning amount).
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    basePrice: bigint('base_price', { mode: 'number' }).notNull(),
    basisKind: text('basis_kind', { enum: PRICING_BASIS_KINDS }).notNull(),
    basisReference: text('basis_reference').notNull(),
    listingDays: integer('listing_days').notNull(),
    deposit: bigint('deposit', { mode: 'number' }).notNull(),
    increment: bigint('increment', { mode: 'number' }).notNull(),
    status: text('status', { enum: OFFERING_STATUSES }).notNull().default('listed'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    roundStartsAt: instant('round_starts_at'),
    roundEndsAt: instant('round_ends_at'),
    roundExtensions: integer('round_extensions').notNull().default(0),
    bestBid: bigint('best_bid', { mode: 'number' }),
    relistedFrom: text('relisted_from'),
    machineVersion: integer('machine_version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    version: integer('version').notNull().default(0),
    // The result notice (成交公告): filled by the step that ends the offering.
    resultOutcome: text('result_outcome', { enum: OFFERING_OUTCOMES }),
    resultPrice: bigint('result_price', { mode: 'number' }),
    buyerOrgId: text('buyer_org_id').references(() => organizations.id),
    resultAt: instant('result_at'),
    resultReason: text('result_reason'),
    dealId: text('deal_id').references(() => deals.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('offerings_board_idx').on(t.status, t.id),
    index('offerings_listing_idx').on(t.listingId),
    // One deal per sold offering, whatever the number of workers firing its end.
    uniqueIndex('offerings_deal_uq')
      .on(t.dealId)
      .where(sql`${t.dealId} is not null`),
  ],
);

// Intended buyers (意向受让方), numbered in registration order: the public sees the number, never the name.
export const offeringRegistrations = pgTable(
  'offering_registrations',
  {
    id: text('id').primaryKey(),
    offeringId: text('offering_id')
      .notNull()
      .references(() => offerings.id),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    bidderNo: integer('bidder_no').notNull(),
    registeredAt: instant('registered_at').notNull(),
    depositReference: text('deposit_reference'),
    depositReceivedAt: instant('deposit_received_at'),
    depositRecordedBy: text('deposit_recorded_by').references(() => users.id),
    refundDue: boolean('refund_due').notNull().default(false),
  },
  (t) => [
    uniqueIndex('offering_registrations_org_uq').on(t.offeringId, t.buyerOrgId),
    uniqueIndex('offering_registrations_no_uq').on(t.offeringId, t.bidderNo),
  ],
);

// Every bid, kept (DOMAIN.md): the round's record for the confirmation and the pricing dossier.
export const offeringBids = pgTable(
  'offering_bids',
  {
    id: text('id').primaryKey(),
    offeringId: text('offering_id')
      .notNull()
      .references(() => offerings.id),
    seq: integer('seq').notNull(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => offeringRegistrations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    at: instant('at').notNull(),
  },
  (t) => [uniqueIndex('offering_bids_seq_uq').on(t.offeringId, t.seq)],
);
