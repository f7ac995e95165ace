import { Type, type TSchema } from 'typebox';
import { MAX_FEN } from './deal.js';

// Schema building blocks for request and response bodies, so bounds and shapes are the same everywhere; the
// server's routes (platform/http.ts) and the shared input schemas both build with them.
export const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, minLength });
export const Fen = Type.Integer({ minimum: 0, maximum: MAX_FEN, description: 'Money in fen (CNY minor unit)' });
/** A closed set from an `as const` array, typed as its members. */
export const OneOf = <T extends readonly string[]>(values: T) => Type.Enum([...values] as string[] as T[number][]);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
