import { Type, type Static } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { ATTACHMENT_VISIBILITY, LISTING_STATUSES } from '../db/schema/listings.js';
import { Fen, Id, ListQuery, Text, Nullable, OneOf as E } from '../platform/http.js';
import { CATEGORIES, DEAL_FORMS, FIELDS, FORMS, FUNDING_SOURCES, IP_TYPES, LEVELS, STAGES, TRL_MAX, TRL_MIN } from '../shared/listing.js';

const Keyword = Type.String({ minLength: 1, maxLength: 40 });

const listingFields = {
  title: Text(200, 2),
  titleEn: Type.Optional(Type.Union([Text(300), Type.Null()])),
  summary: Text(2000, 10),
  description: Type.Optional(Text(20_000)),
  keywords: Type.Optional(Type.Array(Keyword, { maxItems: 10, uniqueItems: true })),
  category: E(CATEGORIES),
  field: E(FIELDS),
  form: E(FORMS),
  trl: Type.Integer({ minimum: TRL_MIN, maximum: TRL_MAX }),
  stage: E(STAGES),
  level: Type.Optional(E(LEVELS)),
  ipType: E(IP_TYPES),
  ipNumbers: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, uniqueItems: true })),
  dealTypes: Type.Array(E(DEAL_FORMS), { minItems: 1, maxItems: 4, uniqueItems: true }),
  askingPrice: Type.Optional(Type.Union([Fen, Type.Null()])),
  fundingSource: E(FUNDING_SOURCES),
  region: Type.Optional(Type.Union([Text(100), Type.Null()])),
  inventors: Type.Optional(Type.Array(Type.Object({ name: Text(50, 1), title: Type.Optional(Text(50)) }, { additionalProperties: false }), { maxItems: 50 })),
  contact: Type.Optional(Type.Union([Type.Object({
    name: Text(50, 1),
    phone: Type.Optional(Type.String({ pattern: '^[0-9+() -]{5,20}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  }, { additionalProperties: false }), Type.Null()])),
  ndaRequired: Type.Optional(Type.Boolean()),
  confidentialDetails: Type.Optional(Type.Union([Text(20_000), Type.Null()])),
};

export const CreateListingBody = Type.Object(listingFields, { additionalProperties: false });
export const PatchListingBody = Type.Partial(Type.Object(listingFields), { additionalProperties: false, minProperties: 1 });
export type ListingInput = Static<typeof CreateListingBody>;
export type ListingPatch = Static<typeof PatchListingBody>;

export const ReviewBody = Type.Object({
  decision: Type.Enum(['approve', 'reject']),
  reason: Type.Optional(Text(2000, 1)),
}, { additionalProperties: false });

export const ListListingsQuery = Type.Object({
  mine: Type.Optional(Type.Boolean()),
  status: Type.Optional(E(LISTING_STATUSES)),
  organizationId: Type.Optional(Id),
  ...ListQuery,
}, { additionalProperties: false });

const Attachment = Type.Object({
  id: Type.String(), filename: Type.String(), mimeType: Type.String(), size: Type.Integer(),
  visibility: E(ATTACHMENT_VISIBILITY), createdAt: Type.String(),
});

export const ListingSchema = Type.Object({
  id: Type.String(),
  status: E(LISTING_STATUSES),
  organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
  title: Type.String(), titleEn: Nullable(Type.String()), summary: Type.String(), description: Type.String(),
  keywords: Type.Array(Type.String()), category: E(CATEGORIES), field: E(FIELDS), form: E(FORMS),
  trl: Type.Integer(), stage: E(STAGES), level: E(LEVELS), ipType: E(IP_TYPES), ipNumbers: Type.Array(Type.String()),
  dealTypes: Type.Array(E(DEAL_FORMS)), askingPrice: Nullable(Type.Integer()), currency: Type.Literal('CNY'),
  fundingSource: E(FUNDING_SOURCES), region: Nullable(Type.String()),
  inventors: Type.Array(Type.Object({ name: Type.String(), title: Type.Optional(Type.String()) })),
  contact: Nullable(Type.Object({ name: Type.String(), phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()) })),
  ndaRequired: Type.Boolean(),
  confidentialDetails: Type.Optional(Nullable(Type.String())),
  canSeeConfidential: Type.Boolean(),
  attachments: Type.Array(Attachment),
  registrationNo: Nullable(Type.String()),
  rejectionReason: Type.Optional(Nullable(Type.String())),
  submittedAt: Nullable(Type.String()), publishedAt: Nullable(Type.String()), withdrawnAt: Nullable(Type.String()),
  createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Listing' });

export const AttachmentSchema = Attachment;
export const AttachmentQuery = Type.Object({ visibility: Type.Optional(E(ATTACHMENT_VISIBILITY)) }, { additionalProperties: false });
