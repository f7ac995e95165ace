import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { IdParams, Page, errorResponses } from '../platform/http.js';
import {
  CreateSavedSearchBody,
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  SavedSearchSchema,
} from './service.js';

export async function savedSearchRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['saved searches'];
  const common = { onRequest: app.authenticate };
  const bearer = [{ bearer: [] }];
  app.post(
    '/api/saved-searches',
    {
      ...common,
      schema: {
        tags,
        summary: 'Save a search; newly published listings that match it notify me',
        security: bearer,
        body: CreateSavedSearchBody,
        response: { 201: SavedSearchSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createSavedSearch(ctx, req.user, req.body);
    },
  );
  app.get(
    '/api/saved-searches',
    {
      ...common,
      schema: {
        tags,
        summary: 'My saved searches',
        security: bearer,
        response: { 200: Page(SavedSearchSchema), ...errorResponses(401) },
      },
    },
    async (req) => listSavedSearches(ctx, req.user),
  );
  app.delete(
    '/api/saved-searches/:id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Delete a saved search',
        security: bearer,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      await deleteSavedSearch(ctx, req.user, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
