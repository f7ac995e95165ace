// The pages visitors most often land on from outside (a shared link, a search engine). The web app starts their
// chunk and data early (web/src/landing.ts); the server preloads the chunk from the page's HTML and inlines the
// search page's first results there (src/listings/landing.ts). One list of their routes for both.
export const LANDING_ROUTES = {
  home: '/',
  search: '/search',
  listing: '/listings/:id',
} as const;
export type LandingPageName = keyof typeof LANDING_ROUTES;

const matchers = Object.entries(LANDING_ROUTES).map(
  ([name, route]) =>
    [name as LandingPageName, new RegExp(`^${route.replace(/\/$/, '').replace(/:[^/]+/g, '[^/]+')}/?$`)] as const,
);

/** The landing page a path shows, if it is one (a trailing slash allowed). */
export const landingPageOf = (pathname: string): LandingPageName | undefined =>
  matchers.find(([, pattern]) => pattern.test(pathname))?.[0];
