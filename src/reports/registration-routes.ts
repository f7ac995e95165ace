import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { contractRegistrationsCsv } from './registrations-csv.js';
import { contractRegistrations } from './registrations.js';
import { FileBody, RegistrationsQuery, RegistrationsSchema } from './schemas.js';

/** Technology-contract registrations (技术合同认定登记) for the registration office, as JSON or CSV. */
export async function registrationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/admin/contract-registrations',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['reports'],
        summary:
          'Registered technology contracts with their Civil Code Art. 843 category, by registration date; format=csv for the registration office (admin)',
        security: [{ bearer: [] }],
        querystring: RegistrationsQuery,
        response: {
          200: {
            description: 'The registrations',
            content: { 'application/json': { schema: RegistrationsSchema }, 'text/csv': { schema: FileBody } },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const result = await contractRegistrations(ctx, req.query);
      reply.header('cache-control', 'private, no-store');
      if (req.query.format !== 'csv') return result;
      const name = `contract-registrations-${req.query.from ?? 'start'}-${req.query.to ?? 'now'}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(contractRegistrationsCsv(result.items));
    },
  );
}
