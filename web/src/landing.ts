import { client } from './api/index.js';
import { SEARCH_PATH } from './api/endpoints.js';
import { prefetchGet } from './api/prefetch.js';
import { landingPageOf, type LandingPageName } from '../../src/shared/landing.ts';
import { parseSearchParams, toApiQuery } from './search/searchState.js';

// The pages a visitor most often lands on from outside (a shared link, a search engine), and what each needs
// before its first render: its chunk, and for the search page its results.

export const LANDING_LOADERS = {
  home: () => import('./pages/Home.js'),
  search: () => import('./pages/Search.js'),
  listing: () => import('./pages/ListingDetail.js'),
} satisfies Record<LandingPageName, () => Promise<unknown>>;
export type LandingPage = LandingPageName;

export { landingPageOf };

/**
 * Starts what the landing page needs: the search page's results and the page's chunk. Called by early.ts, a
 * separate small entry that the browser runs as soon as its few modules arrive, before React and the router
 * have even downloaded; main.tsx then finds the answer under way and the chunk in the module map.
 */
export function startLanding(pathname: string, search: string): void {
  const page = landingPageOf(pathname);
  if (!page) return;
  if (page === 'search') prefetchGet(client, SEARCH_PATH, toApiQuery(parseSearchParams(new URLSearchParams(search))));
  // A failed chunk load is retried by the page's own lazy import, which shows the error boundary.
  LANDING_LOADERS[page]().catch(() => undefined);
}
