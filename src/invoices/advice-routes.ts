import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { readUploadedFile, sendDownload } from '../platform/files.js';
import { FileResponse, IdParams, errorResponses } from '../platform/http.js';
import { idempotent } from '../platform/idempotency.js';
import { confirmAdvice, disputeAdvice, submitAdvice } from './advices.js';
import { AdviceBody, AdviceParams, DisputeBody, ReceiptSchema } from './advice-schemas.js';
import { readAdviceReceipt, uploadReceipt } from './receipts.js';
import { InvoiceSchema } from './schemas.js';

const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) });

/** 付款通知 (payment advices): the payer says it paid, the payee confirms (recording the payment) or disputes. */
export async function adviceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['invoices'];
  const security = [{ bearer: [] }];
  const auth = { onRequest: app.authenticate };

  app.post(
    '/api/invoices/:id/receipts',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Upload a bank receipt for a payment advice (payer; multipart field "file"; PDF, PNG or JPEG)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: ReceiptSchema, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const file = await readUploadedFile(req);
      reply.status(201);
      return uploadReceipt(ctx, req.user, req.params.id, file);
    },
  );

  app.post(
    '/api/invoices/:id/advices',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary:
          'Say the invoice is paid (payer): amount, China date, bank reference, optional receipt; more than the balance: 409 ADVICE_EXCEEDS_BALANCE',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: AdviceBody,
        response: { 201: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await idempotent(ctx.db, req, async (tx) => ({
        status: 201,
        body: await submitAdvice(ctx, tx, req.user, req.params.id, req.body),
      }));
      return reply.status(201).send(r.body);
    },
  );

  app.post(
    '/api/invoices/:id/advices/:adviceId/confirm',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary:
          'Confirm a payment advice (issuer or admin): records its payment; again: no change; a disputed one: 409 ADVICE_DISPUTED',
        params: AdviceParams,
        response: { 200: InvoiceSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => confirmAdvice(ctx, req.user, req.params.id, req.params.adviceId),
  );

  app.post(
    '/api/invoices/:id/advices/:adviceId/dispute',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary:
          'Dispute a payment advice with a reason (issuer or admin); again: no change; a confirmed one: 409 ADVICE_CONFIRMED',
        params: AdviceParams,
        body: DisputeBody,
        response: { 200: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => disputeAdvice(ctx, req.user, req.params.id, req.params.adviceId, req.body.reason),
  );

  app.get(
    '/api/invoices/:id/advices/:adviceId/receipt',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Download a payment advice's receipt (the invoice's parties, admins)",
        params: AdviceParams,
        response: { 200: FileResponse('The receipt, PDF or image', ['*/*']), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const { row, data } = await readAdviceReceipt(ctx, req.user, req.params.id, req.params.adviceId);
      return sendDownload(reply, row, data, 'private, no-store');
    },
  );
}
