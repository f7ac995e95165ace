import { Type, type Static } from 'typebox';
import { OneOf as E, Text } from '../../platform/http.js';
import { POLICY_CATEGORIES, POLICY_LEVELS } from '../../shared/content.js';
import { Nullable, Year } from '../shared.js';

const policyFields = {
  title: Text(300, 2),
  issuingBody: Text(200, 2),
  documentNumber: Type.Optional(Nullable(Text(100, 1))),
  issuedOn: Type.String({ format: 'date', description: 'Issue date, YYYY-MM-DD' }),
  level: Type.Enum([...POLICY_LEVELS]),
  category: Type.Enum([...POLICY_CATEGORIES]),
  tags: Type.Optional(Type.Array(Text(30, 1), { maxItems: 20, uniqueItems: true })),
  body: Text(100_000, 1),
  sourceUrl: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }))),
  published: Type.Optional(Type.Boolean({ description: 'Shown to the public (default true)' })),
};

export const CreatePolicyBody = Type.Object(policyFields, { additionalProperties: false });
export const PatchPolicyBody = Type.Partial(Type.Object(policyFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type PolicyInput = Static<typeof CreatePolicyBody>;
export type PolicyPatch = Static<typeof PatchPolicyBody>;

export const ListPoliciesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(Type.Array(Type.Enum([...POLICY_LEVELS]), { maxItems: 4 })),
    year: Type.Optional(Type.Array(Year, { maxItems: 20 })),
    category: Type.Optional(Type.Array(Type.Enum([...POLICY_CATEGORIES]), { maxItems: 8 })),
    facets: Type.Optional(
      Type.Boolean({ description: 'Count results by level, year and category (uses the search engine)' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListPoliciesInput = Static<typeof ListPoliciesQuery>;

const summaryFields = {
  id: Type.String(),
  title: Type.String(),
  issuingBody: Type.String(),
  documentNumber: Nullable(Type.String()),
  issuedOn: Type.String(),
  year: Type.Integer(),
  level: E(POLICY_LEVELS),
  category: E(POLICY_CATEGORIES),
  tags: Type.Array(Type.String()),
  sourceUrl: Nullable(Type.String()),
  published: Type.Boolean(),
  updatedAt: Type.String(),
};
export const PolicySummarySchema = Type.Object({
  ...summaryFields,
  excerpt: Type.Optional(
    Type.String({ description: 'The part of the body around the match, escaped HTML with <mark> (search only)' }),
  ),
  _highlight: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))),
});
export const PolicySchema = Type.Object({ ...summaryFields, body: Type.String(), createdAt: Type.String() });

const Facet = Type.Record(Type.String(), Type.Integer());
export const PolicyListSchema = Type.Object({
  items: Type.Array(PolicySummarySchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Integer({ description: 'Matches in all (search only)' })),
  facets: Type.Optional(Type.Object({ level: Facet, year: Facet, category: Facet })),
});
