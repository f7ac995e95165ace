import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { IdParams, Page, errorResponses } from '../platform/http.js';
import { ListNoticesQuery, NoticeSchema, ObjectionBody, ObjectionSchema } from './schemas.js';
import * as service from './notices.js';

export async function noticeRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notices'];

  app.get(
    '/api/notices',
    {
      schema: {
        tags,
        summary: "The public notice board (公示): public institutions' agreed prices, open and ended, newest first",
        querystring: ListNoticesQuery,
        response: { 200: Page(NoticeSchema), ...errorResponses(400) },
      },
    },
    async (req) => service.listNotices(ctx, req.query),
  );

  app.get(
    '/api/notices/:id',
    {
      schema: {
        tags,
        summary: 'One notice with its objections and answers (objectors are not named)',
        params: IdParams,
        response: { 200: NoticeSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.getNotice(ctx, req.params.id),
  );

  app.post(
    '/api/notices/:id/objections',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Object to an open notice, with reasons (anyone signed in; bounded per account)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: ObjectionBody,
        response: { 201: ObjectionSchema, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.fileObjection(ctx, req.user, req.params.id, req.body.reason);
    },
  );
}
