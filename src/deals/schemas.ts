import { Type } from 'typebox';
import { DEAL_EVENT_TYPES, eventBodyFields } from '../shared/deal-events.js';
import { DEAL_FORMS } from '../shared/listing.js';
import { Id, ListQuery, Text, Nullable } from '../platform/http.js';


export const OpenDealBody = Type.Object({
  listingId: Id,
  type: Type.Enum([...DEAL_FORMS]),
  message: Type.Optional(Text(2000, 1)),
}, { additionalProperties: false });

// `{ type, expectedVersion, ...payload }`: the payload fields are those of the shared per-event schemas, each
// bounded once there. The type is only shaped here: an event the deal's state does not know is a 409
// INVALID_TRANSITION (API.md), not a 400. Which event needs which field, and the terms by form, are checked by
// the deal machine against the same schemas.
export const EventBody = Type.Object({
  type: Type.String({ pattern: '^[A-Z_]{3,40}$', description: `One of ${DEAL_EVENT_TYPES.join(', ')}` }),
  expectedVersion: Type.Integer({ minimum: 0 }),
  ...eventBodyFields(),
}, { additionalProperties: false });

const Org = Type.Object({ id: Type.String(), name: Type.String(), type: Type.String() });
export const DealSummarySchema = Type.Object({
  id: Type.String(), type: Type.String(), state: Type.String(), version: Type.Integer(), role: Type.String(),
  listing: Type.Object({ id: Type.String(), title: Type.String(), titleEn: Nullable(Type.String()), field: Nullable(Type.String()) }),
  buyer: Type.Object({ organization: Org, user: Type.Object({ id: Type.String(), name: Type.String() }) }),
  seller: Type.Object({ organization: Org }),
  broker: Nullable(Type.Object({ id: Type.String(), name: Type.String(), commissionRateBp: Nullable(Type.Integer()) })),
  currentTerms: Type.Unknown({ description: 'The agreed terms, else the proposal on the table, else null' }),
  contractValue: Nullable(Type.Integer()), currency: Type.String(),
  nextEvents: Type.Array(Type.String()),
  signedAt: Nullable(Type.String()), closedAt: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
});
const Loose = Type.Unknown();
export const DealSchema = Type.Intersect([DealSummarySchema, Type.Object({
  agreedTerms: Loose, proposals: Type.Array(Loose), nda: Loose, publicNotice: Loose,
  objections: Loose, contract: Loose, contractRegistration: Loose, closure: Loose, progress: Loose,
})]);

export const ListDealsQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z.]+$' })),
  type: Type.Optional(Type.Enum([...DEAL_FORMS])),
  listingId: Type.Optional(Id),
  ...ListQuery,
}, { additionalProperties: false });

export const HistoryEntry = Type.Object({
  version: Type.Integer(), type: Type.String(), actor: Type.Object({ id: Nullable(Type.String()), role: Type.String() }),
  from: Type.String(), to: Type.String(), at: Type.String(), payload: Type.Record(Type.String(), Type.Unknown()),
});
export const MessageBody = Type.Object({ body: Text(5000, 1), attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })) }, { additionalProperties: false });
export const DocumentSchema = Type.Object({
  id: Type.String(), filename: Type.String(), mimeType: Type.String(), size: Type.Integer(),
  messageId: Nullable(Type.String()), uploadedBy: Type.String(), createdAt: Type.String(),
});
export const MessageSchema = Type.Object({
  id: Type.String(), author: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }), body: Type.String(),
  attachments: Type.Array(DocumentSchema), createdAt: Type.String(),
});
export const DocumentParams = Type.Object({ id: Id, documentId: Id }, { additionalProperties: false });
export const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const DiffSchema = Type.Object({ from: Type.Integer(), to: Type.Integer(), changes: Type.Array(Type.Object({ path: Type.String(), from: Type.Unknown(), to: Type.Unknown() })) });
