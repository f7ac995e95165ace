import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { caller } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../platform/http.js';
import { answerDemand, listResponses } from './responses.js';
import {
  CreateDemandBody,
  CreateResponseBody,
  DemandResponseSchema,
  DemandSchema,
  ListDemandsQuery,
  MatchesSchema,
  PatchDemandBody,
} from './schemas.js';
import * as demands from './service.js';

export async function demandRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['demands'];
  const bearer = [{ bearer: [] }];

  app.post(
    '/api/demands',
    {
      onRequest: app.requireRole('buyer'),
      schema: {
        tags,
        summary: 'Post a technology demand (buyer)',
        security: bearer,
        body: CreateDemandBody,
        response: { 201: DemandSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return demands.createDemand(ctx, req.user, req.body);
    },
  );

  app.patch(
    '/api/demands/:id',
    {
      onRequest: app.requireRole('buyer'),
      schema: {
        tags,
        summary: 'Edit an open demand (its organization)',
        security: bearer,
        params: IdParams,
        body: PatchDemandBody,
        response: { 200: DemandSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => demands.updateDemand(ctx, req.user, req.params.id, req.body),
  );

  app.post(
    '/api/demands/:id/close',
    {
      onRequest: app.requireRole('buyer'),
      schema: {
        tags,
        summary: 'Close a demand',
        security: bearer,
        params: IdParams,
        response: { 200: DemandSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => demands.closeDemand(ctx, req.user, req.params.id),
  );

  app.get(
    '/api/demands',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary:
          "The demand board: open demands by default; words, field, region, budget range and status filter (mine=true: my organization's, any status)",
        querystring: ListDemandsQuery,
        response: { 200: Page(DemandSchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => demands.listDemands(ctx, caller(req), req.query),
  );

  app.get(
    '/api/demands/:id',
    {
      onRequest: app.optionalAuth,
      schema: { tags, summary: 'A demand', params: IdParams, response: { 200: DemandSchema, ...errorResponses(404) } },
    },
    async (req) => demands.getDemand(ctx, req.params.id),
  );

  app.get(
    '/api/demands/:id/matches',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'Published listings ranked against the demand, with a score',
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: MatchesSchema, ...errorResponses(404, 503) },
      },
    },
    async (req) => demands.demandMatches(ctx, req.params.id, req.query.limit),
  );

  app.post(
    '/api/demands/:id/responses',
    {
      onRequest: app.requireRole('seller', 'broker'),
      schema: {
        tags,
        summary:
          'Answer a demand with a published listing (seller: its own; broker: any). A closed demand: 409 DEMAND_CLOSED; the same listing twice: 409 CONFLICT',
        security: bearer,
        params: IdParams,
        body: CreateResponseBody,
        response: { 201: DemandResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return answerDemand(ctx, req.user, req.params.id, req.body);
    },
  );

  app.get(
    '/api/demands/:id/responses',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Answers to a demand: all for the demand's organization and admins, one's own for a responder",
        security: bearer,
        params: IdParams,
        querystring: Type.Object(ListQuery, { additionalProperties: false }),
        response: { 200: Page(DemandResponseSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => listResponses(ctx, req.user, req.params.id, req.query),
  );
}
