import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { sendDownload } from '../platform/files.js';
import { FileResponse, IdParams, errorResponses } from '../platform/http.js';
import { dealDossier } from './dossier.js';
import { renderDossierPdf } from './dossier-pdf.js';
import { noticeRoutes } from './notice-routes.js';

/** The pricing feature's routes: the public notice board and the pricing dossier. */
export async function pricingRoutes(fastify: FastifyInstance, opts: { ctx: AppContext }) {
  await noticeRoutes(fastify, opts);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  app.get(
    '/api/deals/:id/dossier',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['deals'],
        summary: 'The pricing dossier of a deal as PDF: route, internal decision, appraisal, notices and objections',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: FileResponse('The pricing dossier (定价过程记录)', ['application/pdf']),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req, reply) => {
      const dossier = await dealDossier(ctx, req.user, req.params.id);
      const pdf = await renderDossierPdf(dossier);
      return sendDownload(
        reply,
        { mimeType: 'application/pdf', filename: `dossier-${dossier.deal.id}.pdf` },
        pdf,
        'private, no-store',
      );
    },
  );
}
