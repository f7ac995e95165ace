import { Type, type Static } from 'typebox';
import { NOTICE_OUTCOMES, NOTICE_STATUSES, OBJECTION_DECISIONS } from '../shared/deal.js';
import { REASON_MAX } from '../shared/deal-event-limits.js';
import { DEAL_FORMS } from '../shared/listing.js';
import { Text } from '../shared/terms.js';
import { Fen, Id, Nullable, OneOf, Timestamp } from '../platform/http.js';

// The public notice board (API.md "Pricing, notices and offerings"). Objectors are never named.

export const ObjectionSchema = Type.Object({
  id: Id,
  reason: Type.String(),
  answer: Nullable(Type.Object({ decision: OneOf(OBJECTION_DECISIONS), reason: Type.String(), at: Timestamp })),
  at: Timestamp,
});

export const NoticeSchema = Type.Object({
  id: Id,
  dealId: Id,
  listing: Type.Object({ id: Id, title: Type.String(), registrationNo: Nullable(Type.String()) }),
  form: OneOf(DEAL_FORMS),
  price: Fen,
  currency: Type.Literal('CNY'),
  seller: Type.Object({ name: Type.String() }),
  buyer: Type.Object({ name: Type.String() }),
  relatedParty: Type.Boolean({
    description: 'The buyer is related to the seller (inventor, their company, same controller)',
  }),
  startsAt: Timestamp,
  endsAt: Timestamp,
  status: OneOf(NOTICE_STATUSES),
  outcome: Nullable(OneOf(NOTICE_OUTCOMES)),
  endedAt: Nullable(Timestamp),
  objections: Type.Array(ObjectionSchema),
});
export type NoticeView = Static<typeof NoticeSchema>;

export const ListNoticesQuery = Type.Object(
  {
    status: Type.Optional(OneOf(NOTICE_STATUSES)),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: "Words in the result's name or number, or an organization's name" }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListNoticesInput = Static<typeof ListNoticesQuery>;

export const ObjectionBody = Type.Object({ reason: Text(REASON_MAX) }, { additionalProperties: false });
