import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { SearchQuery, SearchResult, searchListings } from './search.js';

export async function listingSearchRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/search/listings',
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
