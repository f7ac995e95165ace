import { Type, type Static } from 'typebox';
import { ORGANIZATION_TYPES } from '../../db/schema/accounts.js';
import { DEAL_FORMS, FIELDS } from '../../shared/listing.js';
import { Id, ListQuery, OneOf as E, Text } from '../../platform/http.js';
import { Nullable } from '../shared.js';

const packageFields = {
  title: Text(200, 2),
  description: Type.Optional(Text(5000)),
  field: Type.Enum([...FIELDS], { description: 'The key field the package serves' }),
  listingIds: Type.Array(Id, {
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    description: 'Published listings, in the order shown',
  }),
  published: Type.Optional(Type.Boolean({ description: 'Shown to the public (default false: curate first)' })),
};

export const CreatePackageBody = Type.Object(packageFields, { additionalProperties: false });
export const PatchPackageBody = Type.Partial(Type.Object(packageFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type PackageInput = Static<typeof CreatePackageBody>;
export type PackagePatch = Static<typeof PatchPackageBody>;

export const ListPackagesQuery = Type.Object(
  {
    field: Type.Optional(Type.Enum([...FIELDS])),
    ...ListQuery,
  },
  { additionalProperties: false },
);
export type ListPackagesInput = Static<typeof ListPackagesQuery>;

const summaryFields = {
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  field: E(FIELDS),
  published: Type.Boolean(),
  listingCount: Type.Integer({ description: 'Published listings in the package' }),
  updatedAt: Type.String(),
};
export const PackageSummarySchema = Type.Object(summaryFields);

const ListingSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  summary: Type.String(),
  field: E(FIELDS),
  trl: Type.Integer(),
  dealTypes: Type.Array(E(DEAL_FORMS)),
  askingPrice: Nullable(Type.Integer()),
  currency: Type.Literal('CNY'),
  registrationNo: Nullable(Type.String()),
  organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
  publishedAt: Nullable(Type.String()),
});
export const PackageSchema = Type.Object({
  ...summaryFields,
  listings: Type.Array(ListingSummary, { description: 'The published listings, in the curated order' }),
  listingIds: Type.Optional(
    Type.Array(Type.String(), { description: 'Admins only: every curated id, published or not' }),
  ),
  createdAt: Type.String(),
});
