import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { Type } from 'typebox';
import type { Config } from './config.js';
import { invoicePdfRenderer, type InvoicePdfRenderer } from './invoices/pdf-render.js';
import { authPlugin } from './platform/auth.js';
import type { AppContext } from './platform/context.js';
import { AppError, ProblemSchema, registerErrorHandling, sendProblem } from './platform/errors.js';
import type { Feature } from './platform/feature.js';
import { clientErrorAnswer, installFrameworkAnswers } from './platform/framework-answers.js';
import { installTextGuard } from './platform/text-guard.js';
import { swaggerOptions } from './platform/openapi.js';
import { installValidators } from './platform/validation.js';
import { WEB_DIST } from './platform/paths.js';
import { webShell } from './platform/web-shell.js';
import { registerCompression, registerWebAssets } from './platform/web-assets.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};
/**
 * Helmet's headers for this configuration, worked out once: they are the same for every response (no CSP nonces),
 * and the Fastify plugin would build Helmet's middleware anew on every request. Set on every answer, including
 * the router's own refusals.
 */
const SECURITY_HEADERS: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet({ contentSecurityPolicy: { directives: CSP_DIRECTIVES }, crossOriginEmbedderPolicy: false })(
    {} as IncomingMessage,
    res as unknown as ServerResponse,
    () => {},
  );
  return headers;
})();

/** The Fastify instance every entry point builds on (the server, the worker, reindex, tests, benches). */
export function createFastify(config: Config): FastifyInstance {
  return Fastify({
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.NODE_ENV === 'production',
    // Honour a caller's request id (proxies, clients) when it is well-formed; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // While closing, the 503 is a problem (framework-answers.ts); so are the requests Node's parser refuses.
    return503OnClosing: false,
    clientErrorHandler: clientErrorAnswer(SECURITY_HEADERS),
    // Paths the router itself refuses (malformed encoding, over-long parameters) never reach the hooks: answer
    // them as problems with the security headers set here, and without echoing the path.
    frameworkErrors: (err, _req, reply) => {
      reply.headers(SECURITY_HEADERS);
      void sendProblem(
        reply,
        new AppError(
          'BAD_REQUEST',
          err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The request path is malformed',
        ),
      );
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Invoice PDFs, rendered on the render pool's worker threads (invoices/pdf-render.ts). */
    invoicePdfs: InvoicePdfRenderer;
  }
}

/** The render pool as a plugin: its worker threads stop with the app. */
const renderPoolPlugin = fp(
  async (app: FastifyInstance) => {
    const pdfs = invoicePdfRenderer();
    app.decorate('invoicePdfs', pdfs);
    app.addHook('onClose', () => pdfs.close());
  },
  { name: 'render-pool', fastify: '5.x' },
);

/** The HTTP API on a composed context (composition.ts): plugins first, then every feature's routes. */
export async function registerHttp(app: FastifyInstance, ctx: AppContext, features: readonly Feature[]): Promise<void> {
  const { config } = ctx;
  installValidators(app);
  installTextGuard(app);
  installFrameworkAnswers(app);
  registerErrorHandling(app);
  app.addSchema(ProblemSchema);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  // Closed unless configured: a browser on another origin gets no CORS headers at all.
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false });
  // Per-route limits (config.rateLimit, e.g. registration) through the plugin; the overall per-address limit on
  // /api is a root hook, so it runs before every route's own access check and refused (401) requests count too.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', `Too many requests; retry after ${Math.ceil(context.ttl / 1000)} s`),
  });
  const perAddress = app.createRateLimit({ max: 600, timeWindow: '1 minute' });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const limit = await perAddress(req);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new AppError('RATE_LIMITED', `Too many requests; retry after ${limit.ttlInSeconds} s`, {
        headers: { 'retry-after': String(limit.ttlInSeconds) },
      });
    }
  });
  await registerCompression(app);
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, swaggerOptions());
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(authPlugin, {
    secret: config.JWT_SECRET,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    sessions: ctx.sessions,
  });
  await app.register(renderPoolPlugin);

  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Database and search are reachable (503 otherwise)',
        response: { 200: Type.Object({ status: Type.String(), database: Type.String(), search: Type.String() }) },
      },
    },
    async (_req, reply) => {
      const [dbUp, searchUp] = await Promise.all([ctx.database.ping(), ctx.search.healthy()]);
      if (dbUp && searchUp) return { status: 'ready', database: 'up', search: 'up' };
      return sendProblem(
        reply,
        new AppError('UNAVAILABLE', `Not ready: database ${dbUp ? 'up' : 'down'}, search ${searchUp ? 'up' : 'down'}`, {
          database: dbUp ? 'up' : 'down',
          search: searchUp ? 'up' : 'down',
        }),
      );
    },
  );

  for (const feature of features) {
    if (feature.routes) await app.register(feature.routes, { ctx });
  }

  const serveWeb = config.serveWeb && existsSync(join(WEB_DIST, 'index.html'));
  if (serveWeb) await registerWebAssets(app, WEB_DIST);
  if (serveWeb) {
    const landing = features.flatMap((f) => f.landing ?? []);
    const sendLandingShell = webShell(WEB_DIST, landing);
    for (const page of landing)
      app.get(page.route, { schema: { hide: true } }, (req, reply) => sendLandingShell(app, page, req, reply));
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // History fallback: a GET for a page (not an API path) that wants HTML gets the SPA shell.
    const isApi = /^\/(api|docs|health|ready)(\/|$)/.test(path);
    if (serveWeb && req.method === 'GET' && !isApi && (req.headers.accept ?? '').includes('text/html'))
      return reply.sendFile('index.html');
    return sendProblem(reply, new AppError('NOT_FOUND', `No route ${req.method} ${path}`));
  });
}
