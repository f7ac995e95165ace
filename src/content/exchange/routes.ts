import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type TString } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/http.js';
import { idempotent } from '../../platform/idempotency.js';
import { bearer } from '../shared.js';
import { COLUMNS, type Column } from './columns.js';
import { exportListings } from './export.js';
import { importListings, MAX_IMPORT_ROWS } from './import.js';

// A batch of MAX_IMPORT_ROWS listings with long summaries (2,000 Chinese characters are 6 KB) needs more room
// than the API's default body limit.
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
const FORMAT_NOTE = `Columns, in this order: ${COLUMNS.join(', ')}. Closed sets as Chinese labels (codes accepted on import); lists joined with "；"; 参考价格(元) in yuan with two decimals; 登记号 and 发布日期 are assigned by this platform and ignored on import.`;

// Each exported row as text, keyed by its Chinese column name (the national system's format).
const ExportRow = Type.Object(Object.fromEntries(COLUMNS.map((c) => [c, Type.String()])) as Record<Column, TString>);
const ImportResult = Type.Object({
  imported: Type.Integer(),
  items: Type.Array(
    Type.Object({
      row: Type.Integer(),
      id: Type.String(),
      title: Type.String(),
      registrationNo: Type.String(),
      organization: Type.Object({ id: Type.String(), name: Type.String() }),
    }),
  ),
});
const ImportProblems = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          row: Type.Optional(
            Type.Integer({
              description: '1-based data row (the CSV header is not counted); 0 = the header or the whole batch',
            }),
          ),
          path: Type.String({ description: 'The column' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { description: 'Problem (RFC 9457) listing every row problem' },
);

export async function exchangeRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];
  // CSV arrives as text; it is parsed (and every row validated) by the import, not by the framework.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/admin/exchange/listings',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary:
          "Export published listings for the national system (admin): JSON, or CSV (UTF-8 with BOM, RFC 4180, formula cells prefixed with ')",
        description: FORMAT_NOTE,
        security: bearer,
        produces: ['application/json', 'text/csv'],
        querystring: Type.Object(
          { format: Type.Enum(['json', 'csv'], { default: 'json' }) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The published listings as a JSON array of rows keyed by column, or a CSV file (streamed)',
            content: {
              'application/json': { schema: Type.Array(ExportRow) },
              'text/csv': {
                schema: Type.String({ description: 'UTF-8 with BOM, RFC 4180; the header row names the columns' }),
              },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const { format } = req.query;
      const stream = await exportListings(ctx, { admin: req.user, requestId: req.id }, format);
      const day = ctx.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
      return (
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="listings-${day}.${format}"`)
          .header('cache-control', 'private, no-store')
          // A stream is sent as it is (never serialized); the schema above says what it carries.
          .send(stream as never)
      );
    },
  );

  app.post(
    '/api/admin/exchange/listings',
    {
      onRequest: app.requireRole('admin'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: `Import a batch of listings (admin): a JSON array of objects keyed by column, or text/csv; at most ${MAX_IMPORT_ROWS} rows; all or nothing`,
        description: `${FORMAT_NOTE} 完成单位 must be the name of an organization registered here. Each row becomes a published listing with a registration number. Send an Idempotency-Key to make a retry safe.`,
        security: bearer,
        consumes: ['application/json', 'text/csv'],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        body: Type.Union([Type.Array(Type.Unknown()), Type.String({ maxLength: IMPORT_BODY_LIMIT })]),
        response: { 201: ImportResult, 400: ImportProblems, ...errorResponses(401, 403, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const act = { admin: req.user, requestId: req.id };
      const r = await idempotent(ctx.db, req, async (tx) => ({
        status: 201,
        body: await importListings(ctx, tx, act, req.body),
      }));
      return reply.status(201).send(r.body);
    },
  );
}
