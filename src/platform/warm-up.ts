import type { FastifyInstance } from 'fastify';

/**
 * Asks the app for the pages and answers a visitor is likeliest to open first, once, right after start-up: the
 * first request after a start pays for cold paths (the route's first run, the search engine's first query, the
 * compressor's first answer, the shell read from disk), measured at several hundred milliseconds on a 2-core
 * machine. Paid here, not by the first visitor (tests/e2e/delivery.test.ts prints the first-visit figure). A
 * failure is logged and ignored: warming up is an optimisation, never a reason not to serve.
 */
export async function warmUp(app: FastifyInstance, paths: readonly string[]): Promise<void> {
  const started = performance.now();
  for (const url of paths) {
    try {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      if (res.statusCode >= 400) app.log.warn({ url, status: res.statusCode }, 'warm-up request refused');
    } catch (err) {
      app.log.warn({ err, url }, 'warm-up request failed');
    }
  }
  app.log.info(`warmed up ${paths.length} paths in ${(performance.now() - started).toFixed(0)} ms`);
}
