import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output (web/dist/assets/*-<hash>.js): its name changes with its content, so it never goes stale. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';
/** The SPA shell and other unhashed files: revalidated on every load so a release is picked up at once. */
export const REVALIDATE = 'no-cache';

/** Cache rule of a served web file by its path: hashed assets for a year, everything else revalidated. */
export function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}(\.[a-z0-9]+)+$/.test(filePath) ? IMMUTABLE_ASSET : REVALIDATE;
}

/**
 * Compression of text answers (JSON, problem+json, CSV, HTML of /docs) on the fly, brotli first. Quality 4:
 * brotli's default (11) costs tens of milliseconds per answer; 4 compresses JSON about as well as gzip -9 at a
 * fraction of the CPU. The web app's own files are compressed once at build time (web/precompress.ts) and served
 * as they are, so they pay nothing per request. Small answers (< 1 KiB) are sent as they are.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** The built web app: precompressed variants (.br, .gz) chosen by Accept-Encoding, cache headers by path. */
export async function registerWebAssets(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => void reply.header('cache-control', webCacheControl(filePath)),
  });
}
