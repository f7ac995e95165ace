import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REVALIDATE } from './web-assets.js';

/**
 * A page visitors land on from outside (a shared link, a search engine), as a feature declares it: the shell
 * served for it preloads the page's module and carries the page's first API answers, so the first render waits
 * neither for the page's chunk nor for a request of its own (issue #22: results ≤ 150 ms after the load event).
 */
export interface LandingPage {
  /** The SPA route, as Fastify writes routes (src/shared/landing.ts). */
  route: string;
  /** The page's module as the web build's manifest names it (e.g. `src/pages/Search.tsx`). */
  module: string;
  /**
   * The API addresses (path and canonical query, as the web app's prefetch looks them up) whose answers the shell
   * inlines. Only public answers that do not depend on who asks: the shell request carries no credentials.
   */
  inline?: (url: URL) => string[];
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The id the web app reads inlined answers from (web/src/api/prefetch.ts INLINED_ID). */
const INLINED_ID = 'tte-prefetch';
/** How long the shell waits for an inlined answer before it goes without (the page then asks itself). */
const ANSWER_WAIT_MS = 300;

/** JSON that cannot end the script element it sits in, nor open a comment (`</script>`, `<!--`). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The files a module needs, its static imports first-level and below, as the manifest lists them. */
function moduleFiles(manifest: Manifest, key: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  return { js: [...js], css: [...css] };
}

/**
 * The SPA shell (web/dist/index.html) for landing pages, with the page's module preloaded and its first answers
 * inlined. The build is read once at start-up: a release restarts the server.
 */
export function webShell(root: string, pages: readonly LandingPage[]) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const manifestPath = join(root, '.vite/manifest.json');
  const manifest: Manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const inShell = (file: string) => html.includes(`/${file}"`);
  const preloads = new Map(
    pages.map((page) => {
      const { js, css } = moduleFiles(manifest, page.module);
      const links = [
        ...js.filter((f) => !inShell(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
        ...css.filter((f) => !inShell(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
      ];
      return [page, links.join('')];
    }),
  );

  // Each answer through the app's own route (validation, hooks, serialization): exactly what the page's request
  // would have received. A failed or slow answer only costs the request it would have saved.
  async function answer(app: FastifyInstance, address: string): Promise<[string, unknown] | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ANSWER_WAIT_MS);
    });
    const res = await Promise.race([app.inject({ method: 'GET', url: address }).catch(() => undefined), timeout]);
    clearTimeout(timer);
    return res?.statusCode === 200 ? [address, res.json()] : undefined;
  }

  async function inlined(app: FastifyInstance, page: LandingPage, url: URL): Promise<string> {
    if (!page.inline) return '';
    const answers = (await Promise.all(page.inline(url).map((address) => answer(app, address)))).filter((a) => a);
    if (answers.length === 0) return '';
    const json = scriptJson(Object.fromEntries(answers as [string, unknown][]));
    return `<script type="application/json" id="${INLINED_ID}">${json}</script>`;
  }

  /** The landing page's shell: its own route, so the compression hook applies as to any answer. */
  return async function sendLandingShell(
    app: FastifyInstance,
    page: LandingPage,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const head = preloads.get(page)! + (await inlined(app, page, new URL(req.url, 'http://shell')));
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .send(html.replace('</head>', `${head}</head>`));
  };
}
