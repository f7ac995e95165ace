import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { caller } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { IdParams, Page, errorResponses } from '../../platform/http.js';
import { ListOrganizationsQuery, OrganizationProfileSchema, OrganizationSummarySchema } from './schemas.js';
import * as service from './service.js';

export async function organizationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['organizations'];

  app.get(
    '/api/organizations',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary:
          'Organizations that offer technology, with their published-listing counts (admins: every organization)',
        querystring: ListOrganizationsQuery,
        response: { 200: Page(OrganizationSummarySchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => service.listOrganizations(ctx, caller(req), req.query),
  );

  app.get(
    '/api/organizations/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: "An organization's public profile; its catalogue is GET /api/listings?organizationId=",
        params: IdParams,
        response: { 200: OrganizationProfileSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => service.getOrganization(ctx, caller(req), req.params.id),
  );
}
