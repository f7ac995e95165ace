import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { sendDownload } from '../../platform/files.js';
import { FileResponse, IdParams, errorResponses } from '../../platform/http.js';
import { contractPdfOf } from './service.js';

export const CONTRACT_SHA256_HEADER = 'x-contract-sha256';

/** The contract document of a deal (DOMAIN.md "After agreement"; API.md "Contracts and compliance"). */
export async function contractRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/deals/:id/contract',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['deals'],
        summary:
          'The contract PDF of the agreed terms (parties and admin); x-contract-sha256 names its text, SIGN_CONTRACT sends it as contractSha256',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: {
            ...FileResponse('The contract (技术合同), after agreement', ['application/pdf']),
            headers: {
              [CONTRACT_SHA256_HEADER]: Type.String({
                pattern: '^[0-9a-f]{64}$',
                description: 'SHA-256 (hex) of the contract text (UTF-8) the PDF shows',
              }),
            },
          },
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const { dealId, sha256, pdf } = await contractPdfOf(ctx, req.user, req.params.id);
      reply.header(CONTRACT_SHA256_HEADER, sha256);
      return sendDownload(
        reply,
        { mimeType: 'application/pdf', filename: `合同-contract-${dealId}.pdf` },
        pdf,
        'private, no-store',
      );
    },
  );
}
