import { Type, type Static } from 'typebox';
import { ORGANIZATION_TYPES } from '../../db/schema/accounts.js';
import { ListQuery } from '../../platform/http.js';
import { Nullable } from '../shared.js';

export const ListOrganizationsQuery = Type.Object(
  {
    type: Type.Optional(Type.Enum([...ORGANIZATION_TYPES])),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name' })),
    ...ListQuery,
  },
  { additionalProperties: false },
);
export type ListOrganizationsInput = Static<typeof ListOrganizationsQuery>;

const summaryFields = {
  id: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  type: Type.Enum([...ORGANIZATION_TYPES]),
  region: Nullable(Type.String()),
  publishedListings: Type.Integer({ description: 'Listings it has published now' }),
};
export const OrganizationSummarySchema = Type.Object(summaryFields);
export const OrganizationProfileSchema = Type.Object({
  ...summaryFields,
  description: Nullable(Type.String()),
  fields: Type.Record(Type.String(), Type.Integer(), { description: 'Published listings by key field' }),
  listingsUrl: Type.String({ description: 'Its catalogue: the published listings, paged' }),
});
