import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { buildListingSearch } from '../../search/listing-query.js';
import { LISTINGS_INDEX } from '../../search/settings.js';
import { listings, savedSearches } from '../db/schema/listings.js';
import { requireClient } from '../listings/indexing.js';
import { SearchQuery, toSearchParams } from '../listings/search.js';
import { notify } from '../notifications/service.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { ID_PATTERN, newId } from '../platform/ids.js';
import { Text } from '../platform/http.js';
import { notificationText } from '../notifications/texts.js';

const { limit: _l, offset: _o, sort: _s, ...savedQueryProps } = SearchQuery.properties;
export const SavedQuery = Type.Object(savedQueryProps, { additionalProperties: false });
export const CreateSavedSearchBody = Type.Object(
  { name: Text(100, 1), query: SavedQuery },
  { additionalProperties: false },
);
export const SavedSearchSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: SavedQuery,
  createdAt: Type.String(),
});
const MAX_PER_USER = 50;

export async function createSavedSearch(ctx: AppContext, caller: AuthUser, body: Static<typeof CreateSavedSearchBody>) {
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(eq(savedSearches.userId, caller.id));
    if (existing.length >= MAX_PER_USER)
      throw new AppError('CONFLICT', `At most ${MAX_PER_USER} saved searches per user`);
    const [row] = await tx
      .insert(savedSearches)
      .values({ id: newId('svs'), userId: caller.id, name: body.name.trim(), query: body.query })
      .returning();
    return { id: row.id, name: row.name, query: row.query, createdAt: row.createdAt };
  });
}

export async function listSavedSearches(ctx: AppContext, caller: AuthUser) {
  const rows = await ctx.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, caller.id))
    .orderBy(desc(savedSearches.id));
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.createdAt })),
    nextCursor: null,
  };
}

export async function deleteSavedSearch(ctx: AppContext, caller: AuthUser, id: string) {
  const rows = await ctx.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, caller.id)))
    .returning({ id: savedSearches.id });
  if (!rows.length) throw notFound('Saved search');
}

/**
 * Outbox consumer for `listing.published` (delivered after `listing.index`, which waits for the engine): asks
 * the engine whether the new listing matches each saved search — the same segmentation, synonyms and typo
 * tolerance as a live search — and notifies the owners of those that do. Saved queries were validated when
 * saved and are rebuilt through the same filter builder; the listing id is checked against the id pattern.
 */
export async function alertSavedSearches(ctx: AppContext, payload: { id: string }) {
  if (!new RegExp(ID_PATTERN).test(payload.id)) return;
  const [listing] = await ctx.db
    .select({
      id: listings.id,
      status: listings.status,
      title: listings.title,
      titleEn: listings.titleEn,
      organizationId: listings.organizationId,
    })
    .from(listings)
    .where(eq(listings.id, payload.id));
  if (!listing || listing.status !== 'published') return;
  const index = requireClient(ctx).index(LISTINGS_INDEX);
  let cursor = '';
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(savedSearches)
      .where(gt(savedSearches.id, cursor))
      .orderBy(asc(savedSearches.id))
      .limit(100);
    for (const s of batch) {
      const built = buildListingSearch(
        toSearchParams({ ...(s.query as object), limit: 1, offset: 0 } as Static<typeof SearchQuery>),
      );
      const res = await index.search(built.q, {
        filter: [...built.options.filter, `id = "${listing.id}"`],
        limit: 1,
        attributesToRetrieve: ['id'],
      });
      if (res.hits.length === 0) continue;
      await notify(
        ctx.db,
        { userIds: [s.userId] },
        {
          ...notificationText('saved_search.match', { search: s.name, title: listing.title, titleEn: listing.titleEn }),
          link: `/listings/${listing.id}`,
          dedupeKey: `saved_search:${s.id}:${listing.id}`,
          data: { savedSearchId: s.id, listingId: listing.id },
        },
      );
    }
    if (batch.length < 100) break;
    cursor = batch[batch.length - 1].id;
  }
}
