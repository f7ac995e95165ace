import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { caller } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { IdParams, errorResponses } from '../../platform/http.js';
import { bearer } from '../shared.js';
import { CreatePolicyBody, ListPoliciesQuery, PatchPolicyBody, PolicyListSchema, PolicySchema } from './schemas.js';
import * as service from './service.js';

export async function policyRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['policies'];

  app.get(
    '/api/policies',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary:
          'The policy library (政策汇编): browse with filters, or search (q) with facets by level, year and category',
        querystring: ListPoliciesQuery,
        response: { 200: PolicyListSchema, ...errorResponses(400, 401, 503) },
      },
    },
    async (req) => service.listPolicies(ctx, caller(req), req.query),
  );

  app.get(
    '/api/policies/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'A policy with its full text',
        params: IdParams,
        response: { 200: PolicySchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => service.getPolicy(ctx, caller(req), req.params.id),
  );

  app.post(
    '/api/policies',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Add a policy (admin)',
        security: bearer,
        body: CreatePolicyBody,
        response: { 201: PolicySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createPolicy(ctx, { admin: req.user, requestId: req.id }, req.body);
    },
  );

  app.patch(
    '/api/policies/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Edit, publish or unpublish a policy (admin)',
        security: bearer,
        params: IdParams,
        body: PatchPolicyBody,
        response: { 200: PolicySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.updatePolicy(ctx, { admin: req.user, requestId: req.id }, req.params.id, req.body),
  );

  app.delete(
    '/api/policies/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Remove a policy from the library (admin; soft delete)',
        security: bearer,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.deletePolicy(ctx, { admin: req.user, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
