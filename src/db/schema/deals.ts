import { bigint, bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { DEAL_FORMS } from '../../shared/listing.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { listings } from './listings.js';

// A deal is a persisted state machine: `snapshot` is the XState persisted snapshot of the machine of
// `type` at `machineVersion`; `state` and `version` are kept beside it for queries and optimistic locking.
export const deals = pgTable(
  'deals',
  {
    id: text('id').primaryKey(),
    type: text('type', { enum: DEAL_FORMS }).notNull(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    // The listing as it was when the deal opened: a later withdrawal or edit does not change an open deal.
    listingCopy: jsonb('listing_copy').$type<Record<string, unknown>>().notNull(),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    buyerUserId: text('buyer_user_id')
      .notNull()
      .references(() => users.id),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    brokerUserId: text('broker_user_id').references(() => users.id),
    state: text('state').notNull(),
    machineVersion: integer('machine_version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    version: integer('version').notNull().default(0),
    // The agreed contract value in fen once terms are accepted (for statistics and commission).
    contractValue: bigint('contract_value', { mode: 'number' }),
    signedAt: instant('signed_at'),
    closedAt: instant('closed_at'),
    lastActivityAt: instant('last_activity_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('deals_buyer_idx').on(t.buyerOrgId),
    index('deals_seller_idx').on(t.sellerOrgId),
    index('deals_broker_idx').on(t.brokerUserId),
    index('deals_listing_idx').on(t.listingId),
    index('deals_state_idx').on(t.type, t.state),
  ],
);

// Every accepted event, append-only: the deal's history and its audit trail.
export const dealHistory = pgTable(
  'deal_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    payload: jsonb('payload').notNull().default({}),
    at: instant('at').notNull(),
  },
  (t) => [uniqueIndex('deal_history_version_uq').on(t.dealId, t.version)],
);

export const dealMessages = pgTable(
  'deal_messages',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('deal_messages_deal_idx').on(t.dealId, t.id)],
);

// Money owed that a deal event declared. The invoicing module turns each into an invoice in the same
// transaction; (deal, ref) is unique so an obligation is never issued twice.
export const dealObligations = pgTable(
  'deal_obligations',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    ref: text('ref').notNull(),
    effect: jsonb('effect').notNull(),
    invoiceId: text('invoice_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deal_obligations_ref_uq').on(t.dealId, t.ref)],
);

// Documents shared in the deal room (contract drafts, test reports), parties only; optionally attached to a message.
export const dealDocuments = pgTable(
  'deal_documents',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    messageId: text('message_id').references(() => dealMessages.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('deal_documents_deal_idx').on(t.dealId), index('deal_documents_message_idx').on(t.messageId)],
);
