import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { AdminStatsSchema, PublicStatsSchema, StatsQuery } from './schemas.js';
import { adminStats, publicStats } from './service.js';

const bearer = [{ bearer: [] }];

export async function statsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['stats'];

  app.get(
    '/api/stats',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary:
          'Market statistics for the bureau: listings, deals, registered contracts, vouchers, money by month (admin)',
        security: bearer,
        querystring: StatsQuery,
        response: { 200: AdminStatsSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return adminStats(ctx, req.query);
    },
  );

  app.get(
    '/api/stats/public',
    {
      schema: {
        tags,
        summary: 'Public market figures: published listings by field and TRL, signed deals, registered contracts',
        response: { 200: PublicStatsSchema },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicStats(ctx);
    },
  );
}
