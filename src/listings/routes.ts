import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { caller } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { readUploadedFile, sendDownload } from '../platform/files.js';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { LISTING_STATUSES } from '../db/schema/listings.js';
import { FileResponse, Id, IdParams, ListQuery, OneOf, Page, errorResponses } from '../platform/http.js';
import { addAttachment, readAttachment, removeAttachment } from './attachments.js';
import {
  AttachmentQuery,
  AttachmentSchema,
  CreateListingBody,
  ListListingsQuery,
  ListingSchema,
  PatchListingBody,
  ReviewBody,
  ReviewItemSchema,
} from './schemas.js';
import { reviewQueue } from './review.js';
import * as listings from './service.js';
import { DEAL_FORMS, FIELDS } from '../shared/listing.js';

const ListingSummary = Type.Object({
  id: Type.String(),
  status: OneOf(LISTING_STATUSES),
  title: Type.String(),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  field: OneOf(FIELDS),
  trl: Type.Integer(),
  dealTypes: Type.Array(OneOf(DEAL_FORMS)),
  askingPrice: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.Literal('CNY'),
  registrationNo: Type.Union([Type.String(), Type.Null()]),
  organization: Type.Object({ id: Type.String(), name: Type.String(), type: OneOf(ORGANIZATION_TYPES) }),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  rejectionReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const AttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
const bearer = [{ bearer: [] }];

export async function listingRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['listings'];

  app.post(
    '/api/listings',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Register a technology (draft)',
        security: bearer,
        body: CreateListingBody,
        response: { 201: ListingSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return listings.createListing(ctx, req.user, req.body);
    },
  );

  app.patch(
    '/api/listings/:id',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Edit a draft or rejected listing (owner)',
        security: bearer,
        params: IdParams,
        body: PatchListingBody,
        response: { 200: ListingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => listings.updateListing(ctx, req.user, req.params.id, req.body),
  );

  app.post(
    '/api/listings/:id/submit',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Submit for review (owner)',
        security: bearer,
        params: IdParams,
        response: { 200: ListingSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => listings.submitListing(ctx, req.user, req.params.id),
  );

  app.post(
    '/api/listings/:id/review',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Approve or reject a submitted listing (admin)',
        security: bearer,
        params: IdParams,
        body: ReviewBody,
        response: { 200: ListingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => listings.reviewListing(ctx, req.user, req.params.id, req.body.decision, req.body.reason),
  );

  app.post(
    '/api/listings/:id/withdraw',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Withdraw a listing (owner); it leaves search, open deals keep their copy',
        security: bearer,
        params: IdParams,
        response: { 200: ListingSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => listings.withdrawListing(ctx, req.user, req.params.id),
  );

  app.get(
    '/api/listings/review-queue',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Submitted listings awaiting review, oldest first, each whole with its earlier returns (admin)',
        security: bearer,
        querystring: Type.Object(ListQuery, { additionalProperties: false }),
        response: { 200: Page(ReviewItemSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => reviewQueue(ctx, req.user, req.query),
  );

  app.get(
    '/api/listings',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: "Published listings (a catalogue with organizationId); mine=true: my organization's in every status",
        querystring: ListListingsQuery,
        response: { 200: Page(ListingSummary), ...errorResponses(400, 401) },
      },
    },
    async (req) => listings.listListings(ctx, caller(req), req.query),
  );

  app.get(
    '/api/listings/:id',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'A listing; the confidential part only for those allowed',
        params: IdParams,
        response: { 200: ListingSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => listings.getListing(ctx, caller(req), req.params.id),
  );

  app.post(
    '/api/listings/:id/attachments',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Upload an attachment (multipart field "file"; PDF, images, Office; typed by content)',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: AttachmentQuery,
        response: { 201: AttachmentSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const file = await readUploadedFile(req);
      reply.status(201);
      return addAttachment(ctx, req.user, req.params.id, file, req.query.visibility ?? 'public');
    },
  );

  app.get(
    '/api/listings/:id/attachments/:attachmentId',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags,
        summary: 'Download an attachment (confidential ones only for those allowed)',
        params: AttachmentParams,
        response: { 200: FileResponse('The file, in its own media type', ['*/*']), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const { row, data } = await readAttachment(ctx, caller(req), req.params.id, req.params.attachmentId);
      return sendDownload(reply, row, data, row.visibility === 'public' ? 'public, max-age=300' : 'private, no-store');
    },
  );

  app.delete(
    '/api/listings/:id/attachments/:attachmentId',
    {
      onRequest: app.requireRole('seller'),
      schema: {
        tags,
        summary: 'Remove an attachment (owner)',
        security: bearer,
        params: AttachmentParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeAttachment(ctx, req.user, req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
}
