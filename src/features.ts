import { accountRoutes } from './accounts/routes.js';
import type { Feature } from './platform/feature.js';

// Every feature of the product, in the order their routes register.
export const FEATURES: Feature[] = [
  { name: 'accounts', routes: accountRoutes },
];
