import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  CATEGORIES,
  type DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
} from '../../shared/listing.js';
import { organizations, users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';

export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export interface Inventor {
  name: string;
  title?: string;
  share?: number;
}
export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}

// A technology offered on the market, with the fields of MOST's 科技成果登记表 (DOMAIN.md "Listing data").
export const listings = pgTable(
  'listings',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: LISTING_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    category: text('category', { enum: CATEGORIES }).notNull(),
    field: text('field', { enum: FIELDS }).notNull(),
    form: text('form', { enum: FORMS }).notNull(),
    trl: integer('trl').notNull(),
    stage: text('stage', { enum: STAGES }).notNull(),
    level: text('level', { enum: LEVELS }).notNull().default('not_evaluated'),
    ipType: text('ip_type', { enum: IP_TYPES }).notNull(),
    ipNumbers: jsonb('ip_numbers').$type<string[]>().notNull().default([]),
    dealTypes: jsonb('deal_types').$type<(typeof DEAL_FORMS)[number][]>().notNull(),
    askingPrice: bigint('asking_price', { mode: 'number' }),
    currency: text('currency').$type<'CNY'>().notNull().default('CNY'),
    fundingSource: text('funding_source', { enum: FUNDING_SOURCES }).notNull(),
    region: text('region'),
    inventors: jsonb('inventors').$type<Inventor[]>().notNull().default([]),
    contact: jsonb('contact').$type<Contact | null>(),
    ndaRequired: boolean('nda_required').notNull().default(false),
    confidentialDetails: text('confidential_details'),
    registrationNo: text('registration_no'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: text('reviewed_by'),
    submittedAt: instant('submitted_at'),
    publishedAt: instant('published_at'),
    withdrawnAt: instant('withdrawn_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('listings_org_idx').on(t.organizationId, t.status),
    index('listings_status_idx').on(t.status, t.submittedAt),
    uniqueIndex('listings_regno_uq').on(t.registrationNo),
  ],
);

export const ATTACHMENT_VISIBILITY = ['public', 'confidential'] as const;
export const listingAttachments = pgTable(
  'listing_attachments',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    visibility: text('visibility', { enum: ATTACHMENT_VISIBILITY }).notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_listing_idx').on(t.listingId)],
);

// Who may read a listing's confidential part besides its owner and admins: a buyer organization whose deal on
// it has a signed NDA (or whose listing needs none). Written by the deal workflow; read by the visibility rule.
export const listingAccessGrants = pgTable(
  'listing_access_grants',
  {
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    dealId: text('deal_id').notNull(),
    reason: text('reason', { enum: ['nda_signed', 'no_nda_required'] }).notNull(),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.organizationId, t.dealId] })],
);

export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    data: jsonb('data').notNull().default({}),
    // Makes delivery idempotent: the outbox may deliver the same notification twice.
    dedupeKey: text('dedupe_key').notNull(),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

export const savedSearches = pgTable(
  'saved_searches',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
);

export const DEMAND_STATUSES = ['open', 'closed'] as const;
export const demands = pgTable(
  'demands',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: DEMAND_STATUSES }).notNull().default('open'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    field: text('field', { enum: FIELDS }).notNull(),
    budget: bigint('budget', { mode: 'number' }),
    currency: text('currency').$type<'CNY'>().notNull().default('CNY'),
    dealTypes: jsonb('deal_types').$type<(typeof DEAL_FORMS)[number][]>().notNull(),
    region: text('region'),
    deadline: text('deadline'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('demands_org_idx').on(t.organizationId), index('demands_status_idx').on(t.status, t.field)],
);
