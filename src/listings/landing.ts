import type { LandingPage } from '../platform/web-shell.js';
import { LANDING_ROUTES } from '../shared/landing.js';
import { searchApiUrl } from '../shared/search-state.js';

/**
 * The search page and the listing page as landing pages: both get their module preloaded from the HTML; the search
 * page also gets its first results inlined (search answers are public and the same for everyone). A listing's
 * answer is not inlined: its owner and a deal's parties see more of it than the anonymous shell request would.
 */
export const listingLandingPages: LandingPage[] = [
  { route: LANDING_ROUTES.search, module: 'src/pages/Search.tsx', inline: (url) => [searchApiUrl(url.searchParams)] },
  { route: LANDING_ROUTES.listing, module: 'src/pages/ListingDetail.tsx' },
];
