import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { LISTING_SEARCH_PATH } from '../shared/search-state.js';
import { SearchQuery, SearchResult, searchListings } from './search.js';

export async function listingSearchRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    LISTING_SEARCH_PATH,
    {
      schema: {
        tags: ['search'],
        summary: 'Search published listings (Chinese and English), with filters, sort, facets and highlights',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errorResponses(400, 503) },
      },
    },
    async (req) => searchListings(ctx, req.query),
  );
}
