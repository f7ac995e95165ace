import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.js';
import { createdAt } from './columns.js';
import { demands, listings } from './listings.js';

/**
 * A seller's or broker's answer to a demand on the public board (需求大厅): one of the published listings it
 * offers. A listing answers a demand once; the demand's organization reads the answers.
 */
export const demandResponses = pgTable(
  'demand_responses',
  {
    id: text('id').primaryKey(),
    demandId: text('demand_id')
      .notNull()
      .references(() => demands.id),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    message: text('message'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('demand_responses_demand_listing_idx').on(t.demandId, t.listingId),
    index('demand_responses_org_idx').on(t.organizationId),
  ],
);
