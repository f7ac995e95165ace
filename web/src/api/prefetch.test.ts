import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from './client.js';

// The module reads the inlined answers once: each test loads it afresh after setting up the page.
async function load() {
  vi.resetModules();
  return import('./prefetch.js');
}

const client = (answer: unknown) => {
  const request = vi.fn(() => Promise.resolve(answer));
  return { request, api: { request } as unknown as ApiClient };
};

describe('inlined and early answers', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it("hands the server's inlined answer to the page's GET once, and starts no request for it", async () => {
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.id = 'tte-prefetch';
    inline.textContent = JSON.stringify({ '/api/search/listings?q=a&limit=20&offset=0': { total: 3 } });
    document.body.append(inline);
    const { prefetchGet, takePrefetched } = await load();
    const { request, api } = client({ total: 9 });
    const query = new URLSearchParams('q=a&limit=20&offset=0');
    prefetchGet(api, '/api/search/listings', query);
    expect(request).not.toHaveBeenCalled();
    await expect(takePrefetched('/api/search/listings', query)).resolves.toEqual({ total: 3 });
    // Taken once: a later GET (the user searched again) asks the server.
    expect(takePrefetched('/api/search/listings', query)).toBeUndefined();
    expect(document.getElementById('tte-prefetch')).toBeNull();
  });

  it('starts an early request when nothing is inlined, and ignores a damaged inline element', async () => {
    document.body.innerHTML = '<script type="application/json" id="tte-prefetch">{not json</script>';
    const { prefetchGet, takePrefetched } = await load();
    const { request, api } = client({ total: 9 });
    prefetchGet(api, '/api/search/listings', { q: 'b' });
    expect(request).toHaveBeenCalledOnce();
    await expect(takePrefetched('/api/search/listings', { q: 'b' })).resolves.toEqual({ total: 9 });
    expect(takePrefetched('/api/search/listings', { q: 'c' })).toBeUndefined();
  });
});
