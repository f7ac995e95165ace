import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { getBilling, updateBilling } from './billing.js';
import { BillingBody, BillingSchema } from './billing-schemas.js';
import { OrgParams } from './team-schemas.js';

/** An organization's tax id and the bank account its invoices are paid into (issue #22). */
export async function billingRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];
  const security = [{ bearer: [] }];

  app.get(
    '/api/organizations/:id/billing',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        security,
        summary: "The organization's tax id and bank account (its members, admins)",
        params: OrgParams,
        response: { 200: BillingSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => getBilling(ctx, req.user, req.params.id),
  );

  app.put(
    '/api/organizations/:id/billing',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Set the tax id and the bank account invoices are paid into (manager); the number is stored as digits',
        params: OrgParams,
        body: BillingBody,
        response: { 200: BillingSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateBilling(ctx, req.user, req.params.id, req.body),
  );
}
