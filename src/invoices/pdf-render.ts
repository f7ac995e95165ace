import { createHash } from 'node:crypto';
import { RenderPool, type RenderPoolOptions } from '../platform/render-pool.js';
import type { InvoicePdfView } from './pdf/view.js';

// How GET /api/invoices/:id/pdf gets its bytes: rendered on a worker thread (render-pool.ts says why), and kept
// for a while. The renderer is deterministic (pdf.ts: the same view gives the same bytes), so the cache key is a
// digest of everything the PDF shows: the whole view, read from the database on every request. A payment, a
// voucher, a void or an overdue mark changes the view, hence the key; a cached PDF can never show an invoice
// as it no longer is. Parties download the same invoice again and again (both sides, their accountants, the
// bureau), and an unchanged one is not rendered twice.

export interface InvoicePdfRenderer {
  render(view: InvoicePdfView): Promise<Buffer>;
  close(): Promise<void>;
}

export interface InvoicePdfRendererOptions extends RenderPoolOptions {
  /** Rendered PDFs kept, at most this many bytes in all (an invoice is ~15–40 KB). */
  cacheBytes?: number;
}

// Resolved by the worker through tsx, as the server's own imports are (`.js` names the `.ts` source).
const RENDERER_MODULE = new URL('./pdf.js', import.meta.url).href;

export function invoicePdfRenderer(opts: InvoicePdfRendererOptions = {}): InvoicePdfRenderer {
  const pool = new RenderPool(RENDERER_MODULE, 'renderInvoicePdf', opts);
  const maxBytes = opts.cacheBytes ?? 16 * 1024 * 1024;
  // Least recently used first (a Map keeps insertion order; a hit moves its entry to the end).
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  // Two parties opening the same invoice at once share one render.
  const rendering = new Map<string, Promise<Buffer>>();

  function keep(key: string, pdf: Buffer) {
    if (pdf.length > maxBytes) return;
    cache.set(key, pdf);
    cachedBytes += pdf.length;
    for (const [k, v] of cache) {
      if (cachedBytes <= maxBytes) break;
      cache.delete(k);
      cachedBytes -= v.length;
    }
  }

  return {
    async render(view) {
      const key = createHash('sha256').update(JSON.stringify(view)).digest('base64url');
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      let pending = rendering.get(key);
      if (!pending) {
        pending = pool
          .render(view)
          .then((pdf) => {
            keep(key, pdf);
            return pdf;
          })
          .finally(() => rendering.delete(key));
        rendering.set(key, pending);
      }
      return pending;
    },
    async close() {
      cache.clear();
      cachedBytes = 0;
      await pool.close();
    },
  };
}
