import { Type, type TSchema } from 'typebox';
import { DEAL_EVENT_TYPES, EVENT_PAYLOADS, eventBodyFields } from '../shared/deal-events.js';
import { DealTermsSchema } from '../shared/deal-view.js';
import { DEAL_FORMS } from '../shared/listing.js';
import { TERMS_SCHEMAS } from '../shared/terms.js';
import { Id, ListQuery, Text, Nullable } from '../platform/http.js';

export const OpenDealBody = Type.Object(
  {
    listingId: Id,
    type: Type.Enum([...DEAL_FORMS]),
    message: Type.Optional(Text(2000, 1)),
  },
  { additionalProperties: false },
);

// `{ type, expectedVersion, ...payload }`: the payload fields are those of the shared per-event schemas, each
// bounded once there. The type is only shaped here: an event the deal's state does not know is a 409
// INVALID_TRANSITION (API.md), not a 400. Which event needs which field, and the terms by form, are checked by
// the deal machine against the same schemas.
export const EventBody = Type.Object(
  {
    type: Type.String({ pattern: '^[A-Z_]{3,40}$', description: `One of ${DEAL_EVENT_TYPES.join(', ')}` }),
    expectedVersion: Type.Integer({ minimum: 0 }),
    ...eventBodyFields(),
  },
  { additionalProperties: false },
);

/**
 * The events body as the OpenAPI document shows it: one member per event of the shared core, told apart by
 * `type`, with the terms of a proposal typed by form. (The route validates the looser EventBody, so that an event
 * the state does not know is a 409, not a 400.)
 */
const eventSchemaName = (type: string) =>
  `DealEvent${type
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}`;
export const EventBodyDoc = Type.Union(
  Object.entries(EVENT_PAYLOADS).map(([type, payload]) =>
    Type.Object(
      {
        type: Type.Literal(type),
        expectedVersion: Type.Integer({ minimum: 0 }),
        ...payload.properties,
        ...('terms' in payload.properties ? { terms: DealTermsSchema } : {}),
      },
      { additionalProperties: false, $id: eventSchemaName(type), title: eventSchemaName(type) },
    ),
  ),
  {
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(DEAL_EVENT_TYPES.map((t) => [t, `#/components/schemas/${eventSchemaName(t)}`])),
    },
  },
);

export { DealSchema, DealSummarySchema } from '../shared/deal-view.js';

export const ListDealsQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z.]+$' })),
    type: Type.Optional(Type.Enum([...DEAL_FORMS])),
    listingId: Type.Optional(Id),
    ...ListQuery,
  },
  { additionalProperties: false },
);

// What an accepted event carried, as stored in its history row: the event's payload fields (the terms as the
// deal's form has them), or for the opening entry the listing and the form.
function HistoryPayload() {
  const fields: Record<string, TSchema> = eventBodyFields();
  fields.terms = Type.Optional(DealTermsSchema);
  return Type.Object(
    { ...fields, listingId: Type.Optional(Type.String()), type: Type.Optional(Type.Enum([...DEAL_FORMS])) },
    { additionalProperties: false },
  );
}

// A leaf of the terms diff: a value, or a whole element (milestone, payment, fee line) that appeared or went.
function TermsValue() {
  const itemFields: Record<string, TSchema> = {};
  for (const schema of Object.values(TERMS_SCHEMAS) as TSchema[])
    for (const prop of Object.values((schema as { properties: Record<string, TSchema> }).properties)) {
      const items = (prop as { items?: { properties?: Record<string, TSchema> } }).items;
      for (const [name, field] of Object.entries(items?.properties ?? {})) itemFields[name] = Type.Optional(field);
    }
  const item = Type.Object(itemFields, { additionalProperties: false });
  return Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null(), item, Type.Array(item)]));
}

export const HistoryEntry = Type.Object({
  version: Type.Integer(),
  type: Type.String(),
  actor: Type.Object({ id: Nullable(Type.String()), role: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  at: Type.String(),
  payload: HistoryPayload(),
});
export const MessageBody = Type.Object(
  { body: Text(5000, 1), attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })) },
  { additionalProperties: false },
);
export const DocumentSchema = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  messageId: Nullable(Type.String()),
  uploadedBy: Type.String(),
  createdAt: Type.String(),
});
export const MessageSchema = Type.Object({
  id: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }),
  body: Type.String(),
  attachments: Type.Array(DocumentSchema),
  createdAt: Type.String(),
});
export const DocumentParams = Type.Object({ id: Id, documentId: Id }, { additionalProperties: false });
export const DiffQuery = Type.Object(
  { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const DiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ path: Type.String(), from: TermsValue(), to: TermsValue() })),
});
export const NdaSchema = Type.Object({
  text: Type.String({ description: 'The standard NDA (保密协议) as the server renders it now, UTF-8 plain text' }),
  sha256: Type.String({ description: 'SHA-256 (hex) of the text: SIGN_NDA carries it as ndaSha256' }),
  signed: Type.Array(DocumentSchema, {
    description: 'The signed texts, one per signatory party, kept as deal documents (download via …/documents/:id)',
  }),
});
