import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../platform/http.js';
import { NotificationSchema } from './schemas.js';
import { listNotifications, markRead } from './service.js';

export async function notificationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const auth = { onRequest: app.authenticate };
  app.get(
    '/api/notifications',
    {
      ...auth,
      schema: {
        tags: ['notifications'],
        summary: 'My in-app notifications, newest first',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { ...ListQuery, unread: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Intersect([Page(NotificationSchema), Type.Object({ unread: Type.Integer() })]),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => listNotifications(ctx.db, req.user.id, req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      ...auth,
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errorResponses(401, 404) },
      },
    },
    async (req) => ({ updated: await markRead(ctx.db, req.user.id, [req.params.id], ctx.clock.now()) }),
  );
  app.post(
    '/api/notifications/read-all',
    {
      ...auth,
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (req) => ({ updated: await markRead(ctx.db, req.user.id, 'all', ctx.clock.now()) }),
  );
}
