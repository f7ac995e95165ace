import { Type, type Static } from 'typebox';
import { DEAL_FORMS, FIELDS } from '../../shared/listing.js';
import { Fen, Id, OneOf as E, Text } from '../../platform/http.js';
import { Nullable, Year } from '../shared.js';

// An organization is named by id when it is one of ours, or by name (a partner that is not on the platform).
const OrganizationRef = Type.Union([
  Type.Object({ id: Id }, { additionalProperties: false }),
  Type.Object({ name: Text(200, 2) }, { additionalProperties: false }),
]);
export type OrganizationRefInput = Static<typeof OrganizationRef>;

const caseFields = {
  title: Text(200, 2),
  summary: Text(2000, 2),
  body: Text(50_000, 1),
  field: Type.Enum([...FIELDS]),
  dealType: Type.Enum([...DEAL_FORMS], { description: 'The deal form (转化方式)' }),
  organizations: Type.Optional(Type.Array(OrganizationRef, { maxItems: 10 })),
  value: Type.Optional(Nullable(Fen)),
  year: Year,
  listingId: Type.Optional(Nullable(Id)),
  dealId: Type.Optional(Nullable(Id)),
  published: Type.Optional(Type.Boolean({ description: 'Shown to the public (default true)' })),
};

export const CreateCaseBody = Type.Object(caseFields, { additionalProperties: false });
export const PatchCaseBody = Type.Partial(Type.Object(caseFields), { additionalProperties: false, minProperties: 1 });
export type CaseInput = Static<typeof CreateCaseBody>;
export type CasePatch = Static<typeof PatchCaseBody>;

export const ListCasesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the title or summary' })),
    field: Type.Optional(Type.Enum([...FIELDS])),
    dealType: Type.Optional(Type.Enum([...DEAL_FORMS])),
    year: Type.Optional(Year),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListCasesInput = Static<typeof ListCasesQuery>;

const summaryFields = {
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  field: E(FIELDS),
  dealType: E(DEAL_FORMS),
  organizations: Type.Array(Type.Object({ id: Nullable(Type.String()), name: Type.String() })),
  value: Nullable(Type.Integer()),
  currency: Type.Literal('CNY'),
  year: Type.Integer(),
  published: Type.Boolean(),
  updatedAt: Type.String(),
};
export const CaseSummarySchema = Type.Object(summaryFields);
export const CaseSchema = Type.Object({
  ...summaryFields,
  body: Type.String(),
  listing: Nullable(
    Type.Object(
      {
        id: Type.String(),
        title: Type.String(),
        titleEn: Nullable(Type.String()),
        registrationNo: Nullable(Type.String()),
      },
      { description: 'The linked listing; the public sees it only while it is published' },
    ),
  ),
  dealId: Type.Optional(Nullable(Type.String({ description: 'Admins only: deals are private to their parties' }))),
  createdAt: Type.String(),
});
