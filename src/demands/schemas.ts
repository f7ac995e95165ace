import { Type, type Static } from 'typebox';
import { DEMAND_STATUSES } from '../db/schema/listings.js';
import { DEAL_FORMS, FIELDS } from '../shared/listing.js';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { Fen, Id, ListQuery, Text, Nullable, OneOf as E } from '../platform/http.js';

/** Why a listing ranks against a demand (matching.ts scores each). */
export const MATCH_REASONS = ['text', 'field', 'dealType', 'budget'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

const fields = {
  title: Text(200, 2),
  description: Text(5000, 10),
  field: Type.Enum([...FIELDS]),
  budget: Type.Optional(Nullable(Fen)),
  dealTypes: Type.Array(Type.Enum([...DEAL_FORMS]), { minItems: 1, maxItems: 4, uniqueItems: true }),
  region: Type.Optional(Nullable(Text(100))),
  deadline: Type.Optional(Nullable(Type.String({ format: 'date' }))),
};
export const CreateDemandBody = Type.Object(fields, { additionalProperties: false });
export const PatchDemandBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type DemandInput = Static<typeof CreateDemandBody>;
export type DemandPatch = Static<typeof PatchDemandBody>;

export const DemandSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Enum([...DEMAND_STATUSES]),
    title: Type.String(),
    description: Type.String(),
    field: E(FIELDS),
    budget: Nullable(Type.Integer()),
    currency: Type.Literal('CNY'),
    dealTypes: Type.Array(E(DEAL_FORMS)),
    region: Nullable(Type.String()),
    deadline: Nullable(Type.String()),
    organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Demand' },
);

export const ListDemandsQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words, each found in the title or the description' })),
    field: Type.Optional(Type.Enum([...FIELDS])),
    region: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the region, e.g. 石河子' })),
    budgetMin: Type.Optional(Type.Integer({ minimum: 0, description: 'Fen; demands without a budget are left out' })),
    budgetMax: Type.Optional(Type.Integer({ minimum: 0, description: 'Fen; demands without a budget are left out' })),
    status: Type.Optional(
      Type.Enum([...DEMAND_STATUSES, 'all'], { description: 'Default open: closed demands leave the board' }),
    ),
    ...ListQuery,
  },
  { additionalProperties: false },
);
export type ListDemandsInput = Static<typeof ListDemandsQuery>;

export const CreateResponseBody = Type.Object(
  {
    listingId: Id,
    message: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ResponseInput = Static<typeof CreateResponseBody>;

export const DemandResponseSchema = Type.Object(
  {
    id: Type.String(),
    demandId: Type.String(),
    listing: Type.Object({
      id: Type.String(),
      title: Type.String(),
      titleEn: Nullable(Type.String()),
      summary: Type.String(),
      field: E(FIELDS),
      trl: Type.Integer(),
      askingPrice: Nullable(Type.Integer()),
      organization: Type.Object({ id: Type.String(), name: Type.String() }),
    }),
    responder: Type.Object({
      organization: Type.Object({ id: Type.String(), name: Type.String() }),
      role: Type.Enum(['seller', 'broker']),
    }),
    message: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'DemandResponse' },
);

export const MatchSchema = Type.Object({
  score: Type.Number({ description: '0–100: text relevance, field, deal forms and price against budget' }),
  reasons: Type.Array(E(MATCH_REASONS)),
  matchedWords: Type.Array(Type.String(), {
    description: "The demand's words this listing matched, the weightiest first (the `text` reason)",
  }),
  listing: Type.Object({
    id: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    field: E(FIELDS),
    trl: Type.Integer(),
    dealTypes: Type.Array(E(DEAL_FORMS)),
    askingPrice: Nullable(Type.Integer()),
    organization: Type.Object({ id: Type.String(), name: Type.String() }),
  }),
});
export const MatchesSchema = Type.Object({ demandId: Type.String(), items: Type.Array(MatchSchema) });
export { Id };
