import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { caller } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { IdParams, Page, errorResponses } from '../../platform/http.js';
import { bearer } from '../shared.js';
import { CaseSchema, CaseSummarySchema, CreateCaseBody, ListCasesQuery, PatchCaseBody } from './schemas.js';
import * as service from './service.js';

export async function caseRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'Success stories (典型案例), latest year first',
        querystring: ListCasesQuery,
        response: { 200: Page(CaseSummarySchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => service.listCases(ctx, caller(req), req.query),
  );

  app.get(
    '/api/cases/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'A case with its full story',
        params: IdParams,
        response: { 200: CaseSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => service.getCase(ctx, caller(req), req.params.id),
  );

  app.post(
    '/api/cases',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Add a case (admin)',
        security: bearer,
        body: CreateCaseBody,
        response: { 201: CaseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createCase(ctx, { admin: req.user, requestId: req.id }, req.body);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Edit, publish or unpublish a case (admin)',
        security: bearer,
        params: IdParams,
        body: PatchCaseBody,
        response: { 200: CaseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.updateCase(ctx, { admin: req.user, requestId: req.id }, req.params.id, req.body),
  );

  app.delete(
    '/api/cases/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Remove a case (admin; soft delete)',
        security: bearer,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.deleteCase(ctx, { admin: req.user, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
