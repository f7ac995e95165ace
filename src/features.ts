import { accountRoutes } from './accounts/routes.js';
import { listingRoutes } from './listings/routes.js';
import { listingSearchHandlers, listingSearchRoutes } from './listings/search-routes.js';
import { notificationHandlers, notificationRoutes } from './notifications/routes.js';
import { demandHandlers, demandRoutes } from './demands/routes.js';
import type { Feature } from './platform/feature.js';
import { savedSearchHandlers, savedSearchRoutes } from './saved-searches/routes.js';

// Every feature of the product, in the order their routes register.
export const FEATURES: Feature[] = [
  { name: 'accounts', routes: accountRoutes },
  { name: 'notifications', routes: notificationRoutes, handlers: notificationHandlers },
  { name: 'listings', routes: listingRoutes },
  { name: 'search', routes: listingSearchRoutes, handlers: listingSearchHandlers },
  { name: 'demands', routes: demandRoutes, handlers: demandHandlers },
  { name: 'saved-searches', routes: savedSearchRoutes, handlers: savedSearchHandlers },
];
