import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { caller } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { sendDownload } from '../platform/files.js';
import { FileResponse, IdParams, Page, errorResponses } from '../platform/http.js';
import { placeBid } from './bids.js';
import { getConfirmation } from './confirmation.js';
import { renderConfirmationPdf } from './confirmation-pdf.js';
import { cancelOffering, createOffering, relistOffering, type OfferingBody } from './listing.js';
import { recordDeposit, registerBuyer } from './registrations.js';
import {
  BidBody,
  BidSchema,
  CancelBody,
  CreateOfferingBody,
  DepositBody,
  ListOfferingsQuery,
  OfferingSummarySchema,
  OfferingViewSchema,
  RegistrationParams,
  RegistrationSchema,
  RelistBody,
} from './schemas.js';
import { listOfferings, offeringView } from './view.js';

/** Listed trading (挂牌) and online bidding (网络竞价): notes/offering-contract.md. */
export async function offeringRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['offerings'];
  const security = [{ bearer: [] }];

  app.post(
    '/api/offerings',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'List a published listing for listed trading: terms but the price, base price and basis, deposit',
        security,
        body: CreateOfferingBody,
        response: { 201: OfferingViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createOffering(ctx, req.user, req.body as OfferingBody);
    },
  );

  app.get(
    '/api/offerings',
    {
      schema: {
        tags,
        summary: 'The offerings board (public), newest first',
        querystring: ListOfferingsQuery,
        response: { 200: Page(OfferingSummarySchema), ...errorResponses(400) },
      },
    },
    async (req) => listOfferings(ctx, req.query),
  );

  app.get(
    '/api/offerings/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: "One offering: bids by bidder number; the seller's members and the admin see the bidders' names",
        params: IdParams,
        response: { 200: OfferingViewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => offeringView(ctx, ctx.db, req.params.id, caller(req)),
  );

  app.post(
    '/api/offerings/:id/registrations',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Register the caller's organization as an intended buyer (意向受让方) while the offering is listed",
        security,
        params: IdParams,
        response: { 201: RegistrationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return registerBuyer(ctx, req.user, req.params.id);
    },
  );

  app.post(
    '/api/offerings/:id/registrations/:rid/deposit',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Record an intended buyer's deposit as received (the seller's members or the admin)",
        security,
        params: RegistrationParams,
        body: DepositBody,
        response: { 200: RegistrationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => recordDeposit(ctx, req.user, req.params.id, req.params.rid, req.body.reference),
  );

  app.post(
    '/api/offerings/:id/bids',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Bid while bidding: at least the base price, then the best plus the increment (else 409 BID_TOO_LOW)',
        security,
        params: IdParams,
        body: BidBody,
        response: { 201: BidSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return placeBid(ctx, req.user, req.params.id, req.body.amount);
    },
  );

  app.post(
    '/api/offerings/:id/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Cancel an offering while it is listed (the seller), with a reason',
        security,
        params: IdParams,
        body: CancelBody,
        response: { 200: OfferingViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => cancelOffering(ctx, req.user, req.params.id, req.body.reason),
  );

  app.post(
    '/api/offerings/:id/relist',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Relist a lapsed offering as a new one with a new base price and basis (the seller)',
        security,
        params: IdParams,
        body: RelistBody,
        response: { 201: OfferingViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return relistOffering(ctx, req.user, req.params.id, req.body);
    },
  );

  app.get(
    '/api/offerings/:id/confirmation',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary:
          "The transaction confirmation (成交确认书) PDF of a sold offering (winner's and seller's members, admin)",
        security,
        params: IdParams,
        response: {
          200: FileResponse('The transaction confirmation (成交确认书)', ['application/pdf']),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const confirmation = await getConfirmation(ctx, req.user, req.params.id);
      const pdf = await renderConfirmationPdf(confirmation);
      return sendDownload(
        reply,
        { mimeType: 'application/pdf', filename: `confirmation-${confirmation.offeringId}.pdf` },
        pdf,
        'private, no-store',
      );
    },
  );
}
