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

export { DealSchema, DealSummarySchema } from '../shared/deal-view.js';

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
