import { bigint, boolean, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { POLICY_CATEGORIES, POLICY_LEVELS } from '../../shared/content.js';
import { DEAL_FORMS, FIELDS } from '../../shared/listing.js';
import { users } from './accounts.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { deals } from './deals.js';
import { listings } from './listings.js';

// The bureau's public information: the policy library (政策汇编), success stories (典型案例) and curated
// technology packages (科技成果包). Deleting any of them only sets `deletedAt`: the audit log keeps pointing at
// a row that still exists, and a mistaken deletion can be undone by hand.

export const policies = pgTable(
  'policies',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body').notNull(),
    // 发文字号, e.g. 国办发〔2016〕28号; a law has its promulgating order (主席令第32号) here.
    documentNumber: text('document_number'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    level: text('level', { enum: POLICY_LEVELS }).notNull(),
    category: text('category', { enum: POLICY_CATEGORIES }).notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    body: text('body').notNull(),
    sourceUrl: text('source_url'),
    published: boolean('published').notNull().default(true),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('policies_list_idx').on(t.published, t.issuedOn)],
);

/** An organization named in a case: linked when it is one of ours, by name otherwise. */
export interface CaseOrganization {
  organizationId: string | null;
  name: string;
}

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    field: text('field', { enum: FIELDS }).notNull(),
    dealType: text('deal_type', { enum: DEAL_FORMS }).notNull(),
    organizations: jsonb('organizations').$type<CaseOrganization[]>().notNull().default([]),
    // The deal's value in fen, when it may be told.
    value: bigint('value', { mode: 'number' }),
    currency: text('currency').$type<'CNY'>().notNull().default('CNY'),
    year: integer('year').notNull(),
    listingId: text('listing_id').references(() => listings.id),
    dealId: text('deal_id').references(() => deals.id),
    published: boolean('published').notNull().default(true),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cases_list_idx').on(t.published, t.year)],
);

export const technologyPackages = pgTable(
  'technology_packages',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    field: text('field', { enum: FIELDS }).notNull(),
    // In the order the bureau presents them. Listings that are no longer published stay here but are not shown.
    listingIds: jsonb('listing_ids').$type<string[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('packages_list_idx').on(t.published, t.field)],
);
