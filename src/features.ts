import { PASSWORD_RESET_TOPIC, deliverPasswordReset } from './accounts/password-reset.js';
import { accountRoutes } from './accounts/routes.js';
import { teamRoutes } from './accounts/team-routes.js';
import { auditRoutes } from './content/audit/routes.js';
import { caseRoutes } from './content/cases/routes.js';
import { exchangeRoutes } from './content/exchange/routes.js';
import { organizationRoutes } from './content/organizations/routes.js';
import { packageRoutes } from './content/packages/routes.js';
import { POLICY_INDEX_TOPIC, reindexPolicies, syncPolicyToIndex } from './content/policies/indexing.js';
import { policyRoutes } from './content/policies/routes.js';
import { fireDealTimer, onInstalmentPaid } from './deals/engine.js';
import { dealRoutes } from './deals/routes.js';
import { demandRoutes } from './demands/routes.js';
import { notifyMatchedSellers } from './demands/service.js';
import { INVOICE_PAID, PAYMENT_RECORDED } from './invoices/events.js';
import { invoiceTimer } from './invoices/overdue.js';
import { invoiceRoutes } from './invoices/routes.js';
import { reindexListings, syncListingToIndex } from './listings/indexing.js';
import { listingRoutes } from './listings/routes.js';
import { listingLandingPages } from './listings/landing.js';
import { listingSearchRoutes } from './listings/search-routes.js';
import { pricingRoutes } from './pricing/routes.js';
import { offeringRoutes } from './offerings/routes.js';
import { OFFERING_TIMER } from './offerings/engine.js';
import { fireOfferingTimer } from './offerings/timers.js';
import { MAIL_TOPIC, deliverMail } from './mail/deliver.js';
import { notificationRoutes } from './notifications/routes.js';
import { deliverNotification } from './notifications/service.js';
import type { Feature } from './platform/feature.js';
import { reportRoutes } from './reports/routes.js';
import { reportTimers } from './reports/schedule.js';
import { onPaymentRecorded } from './rewards/create.js';
import { rewardRoutes } from './rewards/routes.js';
import { savedSearchRoutes } from './saved-searches/routes.js';
import { alertSavedSearches } from './saved-searches/service.js';
import { statsRoutes } from './stats/routes.js';

/**
 * Every feature of the product, in the order their routes register, with what each hands to the workers as data:
 * the outbox topics it delivers, the timer subjects it fires, the hooks it listens to, the indexes it rebuilds,
 * and what it emits for others. The composition root builds one registry from this list (platform/registry.ts)
 * and refuses to start when something emitted has no handler.
 */
export const FEATURES: readonly Feature[] = [
  { name: 'accounts', routes: accountRoutes },
  // Organizations as teams: members, invitations, password reset (its mail is sent by its own topic's handler).
  {
    name: 'teams',
    routes: teamRoutes,
    outbox: { [PASSWORD_RESET_TOPIC]: deliverPasswordReset },
    emits: { outbox: [PASSWORD_RESET_TOPIC, MAIL_TOPIC] },
  },
  // Mail: invitations and the notices that need someone to act, in the recipient's language (issue #16).
  { name: 'mail', outbox: { [MAIL_TOPIC]: deliverMail } },
  {
    name: 'notifications',
    routes: notificationRoutes,
    outbox: { notification: deliverNotification },
    emits: { outbox: ['notification', MAIL_TOPIC] },
  },
  {
    name: 'listings',
    routes: listingRoutes,
    reindex: { listings: reindexListings },
    emits: { outbox: ['listing.index', 'listing.published'] },
  },
  {
    name: 'search',
    routes: listingSearchRoutes,
    outbox: { 'listing.index': syncListingToIndex },
    landing: listingLandingPages,
  },
  {
    name: 'demands',
    routes: demandRoutes,
    outbox: { 'demand.posted': notifyMatchedSellers },
    emits: { outbox: ['demand.posted'] },
  },
  { name: 'saved-searches', routes: savedSearchRoutes, outbox: { 'listing.published': alertSavedSearches } },
  { name: 'invoices', routes: invoiceRoutes, timers: { invoice: invoiceTimer }, emits: { timers: ['invoice'] } },
  // Payment hook: a fully paid instalment invoice moves its deal on, inside the paying transaction.
  {
    name: 'deals',
    routes: dealRoutes,
    timers: { deal: fireDealTimer },
    hooks: { [INVOICE_PAID]: onInstalmentPaid },
    emits: { timers: ['deal'] },
  },
  // Inventor rewards (Law Arts. 44–45): owed on each payment of licence or transfer income, in the paying transaction.
  { name: 'rewards', routes: rewardRoutes, hooks: { [PAYMENT_RECORDED]: onPaymentRecorded } },
  { name: 'pricing', routes: pricingRoutes },
  // Listed trading and online bidding (DOMAIN.md "Pricing routes"): the listing period's and the round's ends.
  {
    name: 'offerings',
    routes: offeringRoutes,
    timers: { [OFFERING_TIMER]: fireOfferingTimer },
    emits: { timers: [OFFERING_TIMER], outbox: ['notification'] },
  },
  {
    name: 'policies',
    routes: policyRoutes,
    outbox: { [POLICY_INDEX_TOPIC]: syncPolicyToIndex },
    reindex: { policies: reindexPolicies },
    emits: { outbox: [POLICY_INDEX_TOPIC] },
  },
  { name: 'cases', routes: caseRoutes },
  { name: 'packages', routes: packageRoutes },
  { name: 'organizations', routes: organizationRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'exchange', routes: exchangeRoutes },
  { name: 'stats', routes: statsRoutes },
  { name: 'reports', routes: reportRoutes, timers: reportTimers, emits: { timers: Object.keys(reportTimers) } },
];
