import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { readUploadedFile, sendDownload } from '../platform/files.js';
import { FileResponse, IdParams, Page, errorResponses } from '../platform/http.js';
import { contractRoutes } from './contract/routes.js';
import { listDealDocuments, readDealDocument, uploadDealDocument } from './documents.js';
import {
  DealSchema,
  DealSummarySchema,
  DiffQuery,
  DiffSchema,
  DocumentParams,
  DocumentSchema,
  EventBody,
  EventBodyDoc,
  HistoryEntry,
  ListDealsQuery,
  MessageBody,
  MessageSchema,
  NdaSchema,
  OpenDealBody,
} from './schemas.js';
import { ndaOf } from './nda/service.js';
import * as dealsService from './service.js';

export async function dealRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  await contractRoutes(fastify, { ctx });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['deals'];
  const security = [{ bearer: [] }];
  const auth = { onRequest: app.authenticate };

  app.post(
    '/api/deals',
    {
      onRequest: app.requireRole('buyer'),
      schema: {
        tags,
        summary: 'Open a deal on a published listing in one of its forms (buyer)',
        security,
        body: OpenDealBody,
        response: { 201: DealSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return dealsService.openDeal(ctx, req.user, req.body);
    },
  );

  app.get(
    '/api/deals',
    {
      ...auth,
      schema: {
        tags,
        summary: 'My deals (admins: all)',
        security,
        querystring: ListDealsQuery,
        response: { 200: Page(DealSummarySchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => dealsService.listDeals(ctx, req.user, req.query),
  );

  app.get(
    '/api/deals/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'A deal with nextEvents for the caller (parties only)',
        security,
        params: IdParams,
        response: { 200: DealSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => dealsService.getDeal(ctx, req.user, req.params.id),
  );

  app.post(
    '/api/deals/:id/events',
    {
      ...auth,
      config: { openapiBody: EventBodyDoc },
      schema: {
        tags,
        summary: "Send an event to the deal's state machine (Idempotency-Key supported)",
        security,
        params: IdParams,
        body: EventBody,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        response: { 200: DealSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => dealsService.sendEvent(ctx, req, req.user, req.params.id, req.body),
  );

  app.get(
    '/api/deals/:id/nda',
    {
      ...auth,
      schema: {
        tags,
        summary: 'The NDA text to sign, its sha256, and the signed copies (parties only)',
        security,
        params: IdParams,
        response: { 200: NdaSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => ndaOf(ctx, req.user, req.params.id),
  );

  app.get(
    '/api/deals/:id/history',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Every accepted event, oldest first',
        security,
        params: IdParams,
        response: { 200: Type.Array(HistoryEntry), ...errorResponses(401, 404) },
      },
    },
    async (req) => dealsService.dealHistoryOf(ctx, req.user, req.params.id),
  );

  app.get(
    '/api/deals/:id/messages',
    {
      ...auth,
      schema: {
        tags,
        summary: "The deal room's messages",
        security,
        params: IdParams,
        response: { 200: Page(MessageSchema), ...errorResponses(401, 404) },
      },
    },
    async (req) => dealsService.listMessages(ctx, req.user, req.params.id),
  );

  app.post(
    '/api/deals/:id/messages',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Post a message in the deal room',
        security,
        params: IdParams,
        body: MessageBody,
        response: { 201: MessageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return dealsService.postMessage(ctx, req.user, req.params.id, req.body.body, req.body.attachmentIds);
    },
  );

  app.post(
    '/api/deals/:id/documents',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Share a document in the deal room (multipart field "file"; PDF, images, Office; typed by content)',
        security,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: DocumentSchema, ...errorResponses(400, 401, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const file = await readUploadedFile(req);
      reply.status(201);
      return uploadDealDocument(ctx, req.user, req.params.id, file);
    },
  );

  app.get(
    '/api/deals/:id/documents',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Documents shared in the deal room',
        security,
        params: IdParams,
        response: { 200: Page(DocumentSchema), ...errorResponses(401, 404) },
      },
    },
    async (req) => listDealDocuments(ctx, req.user, req.params.id),
  );

  app.get(
    '/api/deals/:id/documents/:documentId',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Download a deal-room document (parties only)',
        security,
        params: DocumentParams,
        response: { 200: FileResponse('The document, in its own media type', ['*/*']), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const { row, data } = await readDealDocument(ctx, req.user, req.params.id, req.params.documentId);
      return sendDownload(reply, row, data, 'private, no-store');
    },
  );

  app.get(
    '/api/deals/:id/proposals/diff',
    {
      ...auth,
      schema: {
        tags,
        summary: 'What changed between two proposals (by proposal number)',
        security,
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: DiffSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => dealsService.diffProposals(ctx, req.user, req.params.id, req.query.from, req.query.to),
  );
}
