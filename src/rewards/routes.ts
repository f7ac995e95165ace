import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { IdParams, errorResponses } from '../platform/http.js';
import {
  DealRewardsSchema,
  RewardParams,
  RewardPaymentBody,
  RewardSchema,
  RewardSettingsBody,
  RewardSettingsSchema,
} from './schemas.js';
import { dealRewards, markRewardPaid, setRewardRate } from './service.js';

/** Inventor rewards (issue #15; Law Arts. 44–45): what a public-institution seller owes its inventors. */
export async function rewardRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['rewards'];
  const security = [{ bearer: [] }];
  const auth = { onRequest: app.authenticate };

  app.get(
    '/api/deals/:id/rewards',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "The inventor rewards owed and paid on this deal (the seller's members, admins; 404 to others)",
        params: IdParams,
        response: { 200: DealRewardsSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => dealRewards(ctx, req.user, req.params.id),
  );

  app.post(
    '/api/rewards/:id/payments',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary:
          "Mark an inventor reward paid (the seller's members): idempotent; other data for a paid reward is 409 CONFLICT",
        params: RewardParams,
        body: RewardPaymentBody,
        response: { 200: RewardSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => markRewardPaid(ctx, req.user, req.params.id, req.body),
  );

  app.patch(
    '/api/organizations/:id/settings',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary:
          "Set the organization's inventor reward rate in basis points of net income (its managers, admins; default 5000)",
        params: IdParams,
        body: RewardSettingsBody,
        response: { 200: RewardSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => setRewardRate(ctx, req.user, req.params.id, req.body.rewardRateBp),
  );
}
