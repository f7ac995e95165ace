import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { IdParams, Page, errorResponses } from '../platform/http.js';
import { idempotent } from '../platform/idempotency.js';
import { adviceRoutes } from './advice-routes.js';
import { issueInvoiceByAdmin } from './admin-issue.js';
import { listInvoices } from './list.js';
import { recordPayment } from './payments.js';
import { InvoiceSchema, IssueInvoiceBody, ListInvoicesQuery, PaymentBody, PdfBody, VoidBody } from './schemas.js';
import { getInvoice, invoicePdf } from './view.js';
import { voidInvoice } from './void.js';
import { voucherRoutes } from './voucher-routes.js';

const bearer = [{ bearer: [] }];
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) });

export async function invoiceRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['invoices'];
  // PDFs render on the app's render pool (a plugin of app.ts, stopped with the app).
  const pdfs = fastify.invoicePdfs;

  app.post(
    '/api/invoices',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Issue an invoice by hand, or a replacement for a void one (admin)',
        security: bearer,
        headers: IdempotencyHeaders,
        body: IssueInvoiceBody,
        response: { 201: InvoiceSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const r = await idempotent(ctx.db, req, async (tx) => ({
        status: 201,
        body: await issueInvoiceByAdmin(ctx, tx, req.user, req.body),
      }));
      return reply.status(201).send(r.body);
    },
  );

  app.get(
    '/api/invoices',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary:
          'Invoices my organization issued or received (admins: all), newest first; period is [issuedFrom, issuedTo)',
        security: bearer,
        querystring: ListInvoicesQuery,
        response: { 200: Page(InvoiceSchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => listInvoices(ctx, req.user, req.query),
  );

  app.get(
    '/api/invoices/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'An invoice (its issuer, its recipient, admins)',
        security: bearer,
        params: IdParams,
        response: { 200: InvoiceSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => getInvoice(ctx.db, req.user, req.params.id),
  );

  app.get(
    '/api/invoices/:id/pdf',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'The invoice as an A4 PDF',
        security: bearer,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: PdfBody, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const { number, pdf } = await invoicePdf(ctx.db, req.user, req.params.id, pdfs);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/invoices/:id/payments',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Record a payment received (issuer or admin); never more than the balance due',
        security: bearer,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: PaymentBody,
        response: { 200: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      (
        await idempotent(ctx.db, req, async (tx) => ({
          status: 200,
          body: await recordPayment(ctx, tx, req.user, req.params.id, req.body),
        }))
      ).body,
  );

  app.post(
    '/api/invoices/:id/void',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Void an invoice with a reason (admin); not once payments are recorded',
        security: bearer,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: VoidBody,
        response: { 200: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      (
        await idempotent(ctx.db, req, async (tx) => ({
          status: 200,
          body: await voidInvoice(ctx, tx, req.user, req.params.id, req.body.reason),
        }))
      ).body,
  );

  await voucherRoutes(app, ctx);
  await adviceRoutes(app, ctx);
}
