import { bigint, boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { NOTICE_OUTCOMES, NOTICE_STATUSES, OBJECTION_DECISIONS } from '../../shared/deal.js';
import { DEAL_FORMS } from '../../shared/listing.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant } from './columns.js';
import { deals } from './deals.js';
import { listings } from './listings.js';

// The public notice board (公示, DOMAIN.md "Pricing routes"): what was published for a public institution's
// agreed price, and when, kept after the notice ends. A row is written by the deal event that starts the notice
// and closed by the event that leaves it, in the same transaction (deals/store/notice-board.ts).
export const publicNotices = pgTable(
  'public_notices',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    // The result as published: its name and registration number at the time of the notice.
    listingTitle: text('listing_title').notNull(),
    registrationNo: text('registration_no'),
    form: text('form', { enum: DEAL_FORMS }).notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    relatedParty: boolean('related_party').notNull().default(false),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: NOTICE_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: NOTICE_OUTCOMES }),
    endedAt: instant('ended_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('public_notices_board_idx').on(t.status, t.startsAt, t.id),
    // One open notice per deal: the events that answer and close it find it by its deal.
    uniqueIndex('public_notices_open_uq')
      .on(t.dealId)
      .where(sql`${t.status} = 'open'`),
  ],
);

// Objections filed on the board by anyone signed in, with the seller's or the admin's answer. The objector is kept
// here for the rate limit and the record, and never shown on the board.
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => publicNotices.id),
    objectorId: text('objector_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    at: instant('at').notNull(),
    decision: text('decision', { enum: OBJECTION_DECISIONS }),
    answerReason: text('answer_reason'),
    answeredBy: text('answered_by').references(() => users.id),
    answeredAt: instant('answered_at'),
  },
  (t) => [
    index('notice_objections_notice_idx').on(t.noticeId, t.at),
    index('notice_objections_objector_idx').on(t.objectorId, t.at),
  ],
);
