import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { Page, errorResponses } from '../../platform/http.js';
import { bearer } from '../shared.js';
import { AuditEntrySchema, AuditQuery } from './schemas.js';
import { readAuditLog } from './service.js';

export async function auditRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/admin/audit',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The audit log (append-only), newest first, filtered by entity, actor, action and time (admin)',
        security: bearer,
        querystring: AuditQuery,
        response: { 200: Page(AuditEntrySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => readAuditLog(ctx, req.query),
  );
}
