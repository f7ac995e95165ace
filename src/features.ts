import { accountRoutes } from './accounts/routes.js';
import { auditRoutes } from './content/audit/routes.js';
import { caseRoutes } from './content/cases/routes.js';
import { exchangeRoutes } from './content/exchange/routes.js';
import { organizationRoutes } from './content/organizations/routes.js';
import { packageRoutes } from './content/packages/routes.js';
import { policyHandlers, policyRoutes } from './content/policies/routes.js';
import { listingRoutes } from './listings/routes.js';
import { listingSearchHandlers, listingSearchRoutes } from './listings/search-routes.js';
import { notificationHandlers, notificationRoutes } from './notifications/routes.js';
import { dealHandlers, dealRoutes } from './deals/routes.js';
import { demandHandlers, demandRoutes } from './demands/routes.js';
import { invoiceHandlers, invoiceRoutes } from './invoices/routes.js';
import type { Feature } from './platform/feature.js';
import { reportRoutes } from './reports/routes.js';
import { reportHandlers } from './reports/schedule.js';
import { savedSearchHandlers, savedSearchRoutes } from './saved-searches/routes.js';
import { statsRoutes } from './stats/routes.js';

// Every feature of the product, in the order their routes register.
export const FEATURES: Feature[] = [
  { name: 'accounts', routes: accountRoutes },
  { name: 'notifications', routes: notificationRoutes, handlers: notificationHandlers },
  { name: 'listings', routes: listingRoutes },
  { name: 'search', routes: listingSearchRoutes, handlers: listingSearchHandlers },
  { name: 'demands', routes: demandRoutes, handlers: demandHandlers },
  { name: 'saved-searches', routes: savedSearchRoutes, handlers: savedSearchHandlers },
  { name: 'invoices', routes: invoiceRoutes, handlers: invoiceHandlers },
  { name: 'deals', routes: dealRoutes, handlers: dealHandlers },
  { name: 'policies', routes: policyRoutes, handlers: policyHandlers },
  { name: 'cases', routes: caseRoutes },
  { name: 'packages', routes: packageRoutes },
  { name: 'organizations', routes: organizationRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'exchange', routes: exchangeRoutes },
  { name: 'stats', routes: statsRoutes },
  { name: 'reports', routes: reportRoutes, handlers: reportHandlers },
];
