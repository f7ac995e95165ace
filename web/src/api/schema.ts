// Names for the server's request and response shapes, taken from the generated OpenAPI types (schema.gen.ts),
// by path and method: `ResponseOf<'/api/listings/{id}', 'get'>`. The web app names its API types only this way.
import type { paths } from './schema.gen.js';

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends ApiPath, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of the success answer (200, else 201) of an operation. */
export type ResponseOf<P extends ApiPath, M extends Method = 'get'> =
  Responses<P, M> extends infer R
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : never
    : never;

/** The JSON body an operation takes. */
export type BodyOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters an operation takes. */
export type QueryOf<P extends ApiPath, M extends Method = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;

/** One item of a paged list answer. */
export type ItemOf<P extends ApiPath, M extends Method = 'get'> =
  ResponseOf<P, M> extends { items: Array<infer I> } ? I : never;
