import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { corpsReport } from './aggregate.js';
import { generateOnDemand } from './generate.js';
import { myReport, submitReport, updateNarrative } from './mine.js';
import { remindUnsubmitted, submissionStatus } from './oversight.js';
import { periodCode } from './period.js';
import { registrationRoutes } from './registration-routes.js';
import {
  CorpsReportQuery,
  CorpsReportSchema,
  FileBody,
  GenerationSchema,
  NarrativeBody,
  PeriodBody,
  PeriodQuery,
  ReminderSchema,
  ReportSchema,
  StatusSchema,
} from './schemas.js';
import type { Period } from './types.js';

const bearer = [{ bearer: [] }];
const periodOf = (q: { year: number; half: number }): Period => ({ year: q.year, half: q.half === 1 ? 1 : 2 });

/** Half-year reports (半年报): the organizations' side (mine) and the bureau's (generate, status, remind, aggregate). */
export async function reportRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reports'];

  app.get(
    '/api/reports/half-year',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary:
          'The Corps-wide half-year report: totals, per field, per form, income by month, submissions; format=pdf for the A4 report with charts (admin)',
        security: bearer,
        querystring: CorpsReportQuery,
        response: {
          200: {
            description: 'The report',
            content: { 'application/json': { schema: CorpsReportSchema }, 'application/pdf': { schema: FileBody } },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const report = await corpsReport(ctx, periodOf(req.query));
      reply.header('cache-control', 'private, no-store');
      if (req.query.format !== 'pdf') return report;
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="half-year-report-${periodCode(report)}.pdf"`)
          // pdfkit and the fonts load on the first report PDF, not with the server (most processes never render one).
          .send(await (await import('./pdf.js')).renderCorpsReportPdf(report))
      );
    },
  );

  app.post(
    '/api/reports/half-year/generate',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary:
          "Draft (or refresh the drafts of) every organization's report for an ended half year; submitted reports are never touched (admin)",
        security: bearer,
        body: PeriodBody,
        response: { 200: GenerationSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => generateOnDemand(ctx, req.user, periodOf(req.body)),
  );

  app.get(
    '/api/reports/half-year/status',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Who has and has not submitted the half-year report (admin)',
        security: bearer,
        querystring: PeriodQuery,
        response: { 200: StatusSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => submissionStatus(ctx, periodOf(req.query)),
  );

  app.post(
    '/api/reports/half-year/remind',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Remind every organization whose report is still a draft (once a day at most) (admin)',
        security: bearer,
        body: PeriodBody,
        response: { 200: ReminderSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => remindUnsubmitted(ctx, req.user, periodOf(req.body)),
  );

  app.get(
    '/api/reports/half-year/mine',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "My organization's half-year report",
        security: bearer,
        querystring: PeriodQuery,
        response: { 200: ReportSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => myReport(ctx, req.user, periodOf(req.query)),
  );

  app.patch(
    '/api/reports/half-year/mine',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Write the narrative of my organization's report while it is a draft",
        security: bearer,
        querystring: PeriodQuery,
        body: NarrativeBody,
        response: { 200: ReportSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => updateNarrative(ctx, req.user, periodOf(req.query), req.body.narrative),
  );

  app.post(
    '/api/reports/half-year/mine/submit',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "Submit my organization's report to the bureau; it cannot change afterwards",
        security: bearer,
        querystring: PeriodQuery,
        response: { 200: ReportSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => submitReport(ctx, req.user, periodOf(req.query)),
  );

  await registrationRoutes(app, ctx);
}
