import { Type } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { ATTACHMENT_VISIBILITY, LISTING_STATUSES } from '../db/schema/listings.js';
import { Id, ListQuery, Text, Nullable, OneOf as E } from '../platform/http.js';
import { REGION_CODES } from '../shared/regions.js';
import { CATEGORIES, DEAL_FORMS, FIELDS, FORMS, FUNDING_SOURCES, IP_TYPES, LEVELS, STAGES } from '../shared/listing.js';

export { CreateListingBody, PatchListingBody, type ListingInput, type ListingPatch } from '../shared/listing-input.js';

export const ReviewBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    reason: Type.Optional(Text(2000, 1)),
  },
  { additionalProperties: false },
);

export const ListListingsQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean()),
    status: Type.Optional(E(LISTING_STATUSES)),
    organizationId: Type.Optional(Id),
    ...ListQuery,
  },
  { additionalProperties: false },
);

const Attachment = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  visibility: E(ATTACHMENT_VISIBILITY),
  createdAt: Type.String(),
});

export const ListingSchema = Type.Object(
  {
    id: Type.String(),
    status: E(LISTING_STATUSES),
    organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
    title: Type.String(),
    titleEn: Nullable(Type.String()),
    summary: Type.String(),
    description: Type.String(),
    keywords: Type.Array(Type.String()),
    category: E(CATEGORIES),
    field: E(FIELDS),
    form: E(FORMS),
    trl: Type.Integer(),
    stage: E(STAGES),
    level: E(LEVELS),
    ipType: E(IP_TYPES),
    ipNumbers: Type.Array(Type.String()),
    dealTypes: Type.Array(E(DEAL_FORMS)),
    askingPrice: Nullable(Type.Integer()),
    currency: Type.Literal('CNY'),
    fundingSource: E(FUNDING_SOURCES),
    region: Nullable(E(REGION_CODES)),
    inventors: Type.Array(
      Type.Object({ name: Type.String(), title: Type.Optional(Type.String()), share: Type.Optional(Type.Integer()) }),
    ),
    contact: Nullable(
      Type.Object(
        { name: Type.String(), phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()) },
        { description: 'phone and email are sent to signed-in callers only; anonymous callers get the name' },
      ),
    ),
    ndaRequired: Type.Boolean(),
    confidentialDetails: Type.Optional(Nullable(Type.String())),
    canSeeConfidential: Type.Boolean(),
    attachments: Type.Array(Attachment),
    registrationNo: Nullable(Type.String()),
    rejectionReason: Type.Optional(Nullable(Type.String())),
    submittedAt: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    withdrawnAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Listing' },
);

export const AttachmentSchema = Attachment;
export const AttachmentQuery = Type.Object(
  { visibility: Type.Optional(E(ATTACHMENT_VISIBILITY)) },
  { additionalProperties: false },
);

/** A review-queue entry: the listing as an admin sees it, with the bureau's earlier returns, oldest first. */
export const ReviewItemSchema = Type.Object(
  {
    ...ListingSchema.properties,
    rejections: Type.Array(
      Type.Object({
        reason: Type.String({ description: 'What the bureau asked the seller to fix' }),
        at: Type.String({ description: 'When it was returned (ISO 8601)' }),
      }),
      { description: 'Earlier returns of this registration, oldest first (from the audit trail)' },
    ),
  },
  { $id: 'ReviewItem' },
);
