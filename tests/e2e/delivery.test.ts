import { brotliDecompressSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE_ASSET, REVALIDATE } from '../../src/platform/web-assets.js';
import { searchApiUrl } from '../../src/shared/search-state.js';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// How the web app reaches a browser: compressed (brotli, gzip), cached for a year when its name carries its
// hash and revalidated otherwise, small enough to start quickly, and showing search results soon after load.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The budget for the JavaScript a first visit downloads before any page chunk, compressed. */
const INITIAL_JS_BUDGET = 150 * 1024;

if (!hasChromium) {
  if (process.env.CI) throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
}

describe.skipIf(!hasChromium)('delivery of the web app', () => {
  let server: RunningServer;
  let visitor: Person;
  const get = (path: string, encoding = 'br, gzip') =>
    fetch(server.url + path, { headers: { 'accept-encoding': encoding, accept: 'text/html,*/*' } });

  beforeAll(async () => {
    server = await startServer(ROOT, { SEED_DEMO: 'true' });
    visitor = await openBrowser('visitor', server.url);
  });
  afterAll(async () => {
    await visitor?.close();
    await server?.stop();
  });

  it('serves the shell revalidated and the hashed assets immutable, brotli or gzip as accepted', async () => {
    for (const path of ['/', '/search?q=x']) {
      const shell = await get(path);
      expect(shell.headers.get('content-encoding'), path).toBe('br');
      expect(shell.headers.get('cache-control'), path).toBe(REVALIDATE);
      expect(await shell.text(), path).toContain('<div id="root">');
    }
    const html = await (await get('/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const br = await get(asset);
      expect(br.headers.get('content-encoding'), asset).toBe('br');
      expect(br.headers.get('cache-control'), asset).toBe(IMMUTABLE_ASSET);
      const gz = await get(asset, 'gzip');
      expect(gz.headers.get('content-encoding'), asset).toBe('gzip');
      const plain = await get(asset, 'identity');
      expect(plain.headers.get('content-encoding'), asset).toBeNull();
      expect(await gz.text(), asset).toBe(await plain.text());
    }
  });

  it('keeps the initial JavaScript within budget, compressed', async () => {
    const html = await (await get('/')).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    let compressed = 0;
    let raw = 0;
    for (const script of scripts) {
      const res = await fetch(server.url + script, { headers: { 'accept-encoding': 'br' } });
      const body = Buffer.from(await res.arrayBuffer());
      // Node's fetch decodes brotli itself; re-read the length the wire carried.
      compressed += Number(res.headers.get('content-length') ?? body.length);
      raw += (res.headers.get('content-encoding') === 'br' ? body : brotliDecompressSync(body)).length;
    }
    console.log(
      `initial JS: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KiB, ${(compressed / 1024).toFixed(1)} KiB brotli`,
    );
    expect(compressed).toBeGreaterThan(0);
    expect(compressed).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it("serves a search page with its chunk preloaded and its first results inlined, the page's own answer", async () => {
    const query = new URLSearchParams({ q: '滴灌' });
    const html = await (await get(`/search?${query}`)).text();
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/Search-[^"]+\.js">/);
    const inline = html.match(/<script type="application\/json" id="tte-prefetch">(.*?)<\/script>/)?.[1];
    expect(inline).toBeDefined();
    const address = searchApiUrl(query);
    const inlined = (JSON.parse(inline!) as Record<string, { hits: { id: string }[]; total: number }>)[address];
    const own = (await (await get(address)).json()) as { hits: { id: string }[]; total: number };
    expect(own.hits.length).toBeGreaterThan(0);
    expect(inlined.hits.map((h) => h.id)).toEqual(own.hits.map((h) => h.id));
    expect(inlined.total).toBe(own.total);
    // A query cannot close the inline script: the only `</script>` added is the inline element's own.
    const hostile = await (
      await get(`/search?q=${encodeURIComponent('</script><script>alert(1)</script>滴灌')}`)
    ).text();
    const closings = (text: string) => text.split('</script>').length;
    expect(closings(hostile)).toBe(
      closings(await (await get('/')).text()) + (hostile.includes('tte-prefetch') ? 1 : 0),
    );
    // Other pages get the plain shell.
    expect(await (await get('/deals')).text()).not.toContain('tte-prefetch');
  });

  it('compresses API answers on the fly and leaves small ones alone', async () => {
    const search = await get('/api/search/listings?q=%E6%BB%B4%E7%81%8C');
    expect(search.status).toBe(200);
    expect(search.headers.get('content-encoding')).toBe('br');
    expect(((await search.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    const health = await get('/health');
    expect(health.headers.get('content-encoding')).toBeNull();
  });

  it('shows search results soon after the page has loaded (figure printed)', async () => {
    const { page } = visitor;
    // Browser code as text: the tests compile without the DOM library.
    await page.addInitScript(`
      new MutationObserver((_m, observer) => {
        if (document.querySelector('.listing-card')) {
          window.__firstResult = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    // The first visit meets an empty browser cache; the second is a returning visitor. Both figures are printed
    // (issue #22's budget: 150 ms after the load event); tests check behaviour, not wall-clock time.
    for (const visit of ['first visit', 'return visit']) {
      await page.goto('/search?q=%E6%BB%B4%E7%81%8C', { waitUntil: 'load' });
      await page.locator('.listing-card').first().waitFor();
      const { load, first } = await page.evaluate<{ load: number; first: number }>(
        `({ load: performance.getEntriesByType('navigation')[0].loadEventEnd, first: window.__firstResult })`,
      );
      // Where the wait goes: when the results' request and the page's chunk started and arrived.
      const timing = await page.evaluate<string>(
        `performance.getEntriesByType('resource').filter((e) => /api\\/search|assets\\/(Search|early)/.test(e.name)).map((e) => e.name.replace(/.*\\/(api\\/search|assets)\\/([a-z]+).*/i, '$2') + ' ' + Math.round(e.startTime) + '–' + Math.round(e.responseEnd) + ' ms').join(', ')`,
      );
      console.log(`search results, ${visit}: ${timing}`);
      // The results came inlined in the page's HTML: the page asked the API for nothing.
      expect(timing, visit).not.toContain('listings');
      console.log(
        `search results, ${visit}: load event at ${load.toFixed(0)} ms, first result ${(first - load).toFixed(0)} ms after it`,
      );
      expect(first).toBeGreaterThan(0);
    }
  });
});
