// The search page's URL state is part of the pure core: the server reads it too, to inline a search page's first
// results in its HTML (src/listings/landing.ts).
export * from '../../../src/shared/search-state.ts';
