import { Type, type Static } from 'typebox';
import {
  CATEGORIES,
  DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  TRL_MAX,
  TRL_MIN,
} from './listing.js';
import { REGION_CODES } from './regions.js';
import { Fen, OneOf as E, Text } from './schema.js';

// A listing as a seller registers it (MOST's 科技成果登记表): the body of POST and PATCH /api/listings, the rows
// of the exchange import, and what the web app's registration form must produce.

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
  region: Type.Optional(Type.Union([E(REGION_CODES), Type.Null()])),
  inventors: Type.Optional(
    Type.Array(
      Type.Object(
        {
          name: Text(50, 1),
          title: Type.Optional(Text(50)),
          // The inventor's share of the inventor reward (Law Arts. 44–45), bp; all or none, adding up to 10000.
          share: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  ),
  contact: Type.Optional(
    Type.Union([
      Type.Object(
        {
          name: Text(50, 1),
          phone: Type.Optional(Type.String({ pattern: '^[0-9+() -]{5,20}$' })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  ),
  ndaRequired: Type.Optional(Type.Boolean()),
  confidentialDetails: Type.Optional(Type.Union([Text(20_000), Type.Null()])),
};

export const CreateListingBody = Type.Object(listingFields, { additionalProperties: false });
export const PatchListingBody = Type.Partial(Type.Object(listingFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ListingInput = Static<typeof CreateListingBody>;
export type ListingPatch = Static<typeof PatchListingBody>;
