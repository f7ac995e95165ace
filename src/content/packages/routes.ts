import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { caller } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { IdParams, Page, errorResponses } from '../../platform/http.js';
import { bearer } from '../shared.js';
import {
  CreatePackageBody,
  ListPackagesQuery,
  PackageSchema,
  PackageSummarySchema,
  PatchPackageBody,
} from './schemas.js';
import * as service from './service.js';

export async function packageRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['packages'];

  app.get(
    '/api/packages',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'Technology packages (科技成果包), newest first',
        querystring: ListPackagesQuery,
        response: { 200: Page(PackageSummarySchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => service.listPackages(ctx, caller(req), req.query),
  );

  app.get(
    '/api/packages/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'A package with its published listings in the curated order',
        params: IdParams,
        response: { 200: PackageSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => service.getPackage(ctx, caller(req), req.params.id),
  );

  app.post(
    '/api/packages',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Curate a package from published listings (admin)',
        security: bearer,
        body: CreatePackageBody,
        response: { 201: PackageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createPackage(ctx, { admin: req.user, requestId: req.id }, req.body);
    },
  );

  app.patch(
    '/api/packages/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Edit, reorder, publish or unpublish a package (admin)',
        security: bearer,
        params: IdParams,
        body: PatchPackageBody,
        response: { 200: PackageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.updatePackage(ctx, { admin: req.user, requestId: req.id }, req.params.id, req.body),
  );

  app.delete(
    '/api/packages/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Remove a package (admin; soft delete)',
        security: bearer,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.deletePackage(ctx, { admin: req.user, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
