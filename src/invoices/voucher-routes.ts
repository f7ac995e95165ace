import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { IdParams, Page, errorResponses } from '../platform/http.js';
import { idempotent } from '../platform/idempotency.js';
import {
  ApplyVoucherBody,
  GrantVoucherBody,
  InvoiceSchema,
  ListVouchersQuery,
  PdfBody,
  SettlementStatementSchema,
  SettlementSummarySchema,
  SettlementsQuery,
  StatementParams,
  StatementQuery,
  VoucherSchema,
} from './schemas.js';
import type { Period } from '../reports/types.js';
import { settlementStatement, settlementSummary } from './settlements.js';
import { applyVoucher, grantVoucher, listVouchers } from './vouchers.js';

const bearer = [{ bearer: [] }];
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) });
const periodOf = (q: { year: number; half: number }): Period => ({ year: q.year, half: q.half === 1 ? 1 : 2 });

/** Innovation vouchers (创新券): grants, their use on invoices, and the bureau's half-year settlements. */
export async function voucherRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['vouchers'];

  app.post(
    '/api/vouchers',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Grant a voucher to a buyer organization (admin)',
        security: bearer,
        headers: IdempotencyHeaders,
        body: GrantVoucherBody,
        response: { 201: VoucherSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const r = await idempotent(ctx.db, req, async (tx) => ({
        status: 201,
        body: await grantVoucher(ctx, tx, req.user, req.body),
      }));
      return reply.status(201).send(r.body);
    },
  );

  app.get(
    '/api/vouchers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Vouchers: admins all (or one organization's), others their own organization's",
        security: bearer,
        querystring: ListVouchersQuery,
        response: { 200: Page(VoucherSchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => listVouchers(ctx, req.user, req.query),
  );

  app.post(
    '/api/invoices/:id/vouchers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Apply one of my organization's vouchers to an invoice it owes (recipient)",
        security: bearer,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: ApplyVoucherBody,
        response: { 200: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      (
        await idempotent(ctx.db, req, async (tx) => ({
          status: 200,
          body: await applyVoucher(ctx, tx, req.user, req.params.id, req.body),
        }))
      ).body,
  );

  app.get(
    '/api/settlements',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Vouchers redeemed in a half year, per issuer: what the bureau owes each (admin)',
        security: bearer,
        querystring: SettlementsQuery,
        response: { 200: SettlementSummarySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => settlementSummary(ctx, periodOf(req.query)),
  );

  app.get(
    '/api/settlements/:issuerOrganizationId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: "One issuer's half-year settlement statement, as JSON or (format=pdf) an A4 PDF (admin)",
        security: bearer,
        params: StatementParams,
        querystring: StatementQuery,
        response: {
          200: {
            description: 'The statement',
            content: {
              'application/json': { schema: SettlementStatementSchema },
              'application/pdf': { schema: PdfBody },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const statement = await settlementStatement(ctx, req.params.issuerOrganizationId, periodOf(req.query));
      if (req.query.format !== 'pdf') return statement;
      return (
        reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename="settlement-${statement.year}H${statement.half}-${statement.issuer.organizationId}.pdf"`,
          )
          .header('cache-control', 'private, no-store')
          // pdfkit and the fonts load on the first statement PDF, not with the server (invoice PDFs render on workers).
          .send(await (await import('./settlement-pdf.js')).renderSettlementPdf(statement))
      );
    },
  );
}
