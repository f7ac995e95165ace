import { reindexPolicies } from './content/policies/indexing.js';
import { reindexListings } from './listings/indexing.js';
import type { AppContext } from './platform/context.js';

/** Every search index and how to rebuild it from the database (used by `npm run reindex`). */
export const REINDEXERS: Record<string, (ctx: AppContext) => Promise<unknown>> = {
  listings: (ctx) => reindexListings(ctx),
  policies: (ctx) => reindexPolicies(ctx),
};
