import { Type, type TSchema } from 'typebox';
import { ID_PATTERN } from './ids.js';
import { ProblemSchema } from './errors.js';

// Schema building blocks every route uses, so bounds and shapes are the same everywhere.
export const Id = Type.String({ pattern: ID_PATTERN, maxLength: 40 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export { Fen, Nullable, OneOf, Text } from '../shared/schema.js';
export const Timestamp = Type.String({ format: 'date-time' });

export const ListQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/**
 * A file answer for the OpenAPI document: the bytes themselves, in one of the given media types. Handlers send a
 * Buffer or a stream, which Fastify never serializes, so the schema documents and does not shape the answer.
 */
export const FileResponse = (description: string, mediaTypes: readonly string[] = ['application/octet-stream']) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: Type.String({ format: 'binary' }) }])),
});

/** Standard error answers for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { ...ProblemSchema, description: 'Problem (RFC 9457)' }]));

/** Cursor pagination over time-sortable ids: fetch limit + 1 to know whether another page exists. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
