import { LICENSE_TERMS } from '../deals.js';
import { PASSWORD, listingBody, unique } from '../factories.js';
import type { AccessCase, AccessRule } from './access-types.js';
import { TEAM_ACCESS } from './access-teams.js';
import { REWARD_ACCESS } from './access-rewards.js';
import { PRICING_ACCESS } from './access-pricing.js';
import { adviceBody } from './advice-world.js';
import {
  COLLEAGUE_OF,
  PDF,
  REPORT_PERIOD,
  ROLE_OF,
  multipart,
  type Caller,
  type Member,
  type Resource,
  type World,
} from './world.js';

/**
 * Who may call each route, as API.md and ARCHITECTURE.md ("Security boundaries") say: a route's role check
 * answers 401 to the anonymous and 403 to a wrong role; the service answers 404 for a resource the caller may
 * not see, and 403 for one it sees but may not change. Every /api route of the OpenAPI document must have an
 * entry here; a new route without one fails the access-matrix test.
 */
export type { AccessCase, AccessRule, Auth } from './access-types.js';

const DEAL_PARTIES: Member[] = ['seller', 'buyer', 'broker', 'admin'];
const INVOICE_PARTIES: Member[] = ['seller', 'buyer', 'admin'];
const OWNER_AND_ADMIN: Member[] = ['seller', 'admin'];

/** A listing route that its organization may use: hidden drafts are 404 to others, published listings 403. */
const ownListing = (extra: Partial<AccessCase> = {}): AccessCase[] => [
  { resource: 'draftListing', sees: ['seller'], ...extra },
  { resource: 'listing', forbidden: ['otherSeller'], ...extra },
];
const ownDemand = (extra: Partial<AccessCase> = {}): AccessCase[] => [
  { resource: 'demand', forbidden: ['otherBuyer'], ...extra },
  { resource: 'closedDemand', forbidden: ['otherBuyer'], ...extra },
];
const deal = (extra: Partial<AccessCase> = {}): AccessRule => ({
  auth: 'any',
  cases: [{ resource: 'deal', sees: DEAL_PARTIES, ...extra }],
});
const invoice = (extra: Partial<AccessCase> = {}): AccessRule => ({
  auth: 'any',
  cases: [{ resource: 'invoice', sees: INVOICE_PARTIES, ...extra }],
});
const PERIOD = { year: String(REPORT_PERIOD.year), half: String(REPORT_PERIOD.half) };
const REPORTING: Member[] = ['seller', 'otherSeller', 'buyer', 'otherBuyer'];
const PUBLIC: AccessRule = { auth: 'public' };
const ADMIN: AccessRule = { auth: ['admin'] };
const ANY: AccessRule = { auth: 'any' };

/** Public content that admins curate: drafts are for admins only. */
const curated = (
  kind: 'policy' | 'case' | 'package',
  collection: string,
  title: string,
): Record<string, AccessRule> => {
  const draft = `draft${kind[0].toUpperCase()}${kind.slice(1)}` as Resource;
  return {
    [`GET /api/${collection}`]: PUBLIC,
    [`POST /api/${collection}`]: ADMIN,
    [`GET /api/${collection}/{id}`]: {
      auth: 'public',
      cases: [{ resource: kind }, { resource: draft, sees: ['admin'] }],
    },
    [`PATCH /api/${collection}/{id}`]: { auth: ['admin'], cases: [{ resource: kind, body: () => ({ title }) }] },
    [`DELETE /api/${collection}/{id}`]: { auth: ['admin'], cases: [{ resource: kind }] },
  };
};

const freshCredentials = async (w: World) => {
  const s = await w.newSession('buyer');
  return { email: s.email, password: PASSWORD };
};
const freshRefreshToken = async (w: World) => ({ refreshToken: (await w.newSession('buyer')).refreshToken });

export const ACCESS: Record<string, AccessRule> = {
  'POST /api/auth/register': {
    auth: 'public',
    cases: [
      {
        body: () => {
          const u = unique('reg');
          return {
            email: `${u}@example.com`,
            password: PASSWORD,
            name: u,
            role: 'buyer',
            organization: { name: `Org ${u}`, type: 'enterprise' },
          };
        },
      },
    ],
  },
  'POST /api/auth/login': { auth: 'public', cases: [{ body: freshCredentials }] },
  'POST /api/auth/refresh': { auth: 'public', cases: [{ body: freshRefreshToken }] },
  'POST /api/auth/logout': { auth: 'public', cases: [{ body: freshRefreshToken }] },
  'GET /api/me': ANY,
  // A wrong current password: every caller reaches the check (400), and nobody's sessions end mid-matrix.
  'POST /api/me/password': {
    auth: 'any',
    cases: [{ body: () => ({ currentPassword: 'not-the-password-0', newPassword: 'another-password-91' }) }],
  },
  'PATCH /api/users/{id}': { auth: ['admin'], cases: [{ resource: 'account', body: () => ({ disabled: true }) }] },
  'GET /api/brokers': ADMIN,

  'GET /api/notifications': ANY,
  'POST /api/notifications/{id}/read': {
    auth: 'any',
    cases: [{ resource: 'notification', sees: ['seller'], personal: true }],
  },
  'POST /api/notifications/read-all': ANY,

  'POST /api/listings': { auth: ['seller'], cases: [{ body: () => listingBody() }] },
  'GET /api/listings': PUBLIC,
  'GET /api/listings/review-queue': ADMIN,
  'GET /api/listings/{id}': {
    auth: 'public',
    cases: [{ resource: 'draftListing', sees: OWNER_AND_ADMIN }, { resource: 'listing' }],
  },
  'PATCH /api/listings/{id}': {
    auth: ['seller'],
    cases: ownListing({ body: () => ({ title: `改进的膜下滴灌技术 ${unique('p')}` }) }),
  },
  'POST /api/listings/{id}/submit': { auth: ['seller'], cases: ownListing() },
  'POST /api/listings/{id}/withdraw': { auth: ['seller'], cases: ownListing() },
  'POST /api/listings/{id}/review': {
    auth: ['admin'],
    cases: [{ resource: 'draftListing', body: () => ({ decision: 'approve' }) }],
  },
  'POST /api/listings/{id}/attachments': {
    auth: ['seller'],
    cases: ownListing({ upload: true, query: { visibility: 'public' } }),
  },
  'GET /api/listings/{id}/attachments/{attachmentId}': {
    auth: 'public',
    cases: [
      { resource: 'attachment' },
      { resource: 'confidentialAttachment', sees: ['seller', 'buyer', 'admin'] },
      { resource: 'draftAttachment', sees: OWNER_AND_ADMIN },
    ],
  },
  'DELETE /api/listings/{id}/attachments/{attachmentId}': {
    auth: ['seller'],
    cases: [
      { resource: 'attachment', forbidden: ['otherSeller'] },
      { resource: 'draftAttachment', sees: ['seller'] },
    ],
  },
  'GET /api/search/listings': PUBLIC,

  'POST /api/demands': {
    auth: ['buyer'],
    cases: [
      {
        body: () => ({
          title: '节水技术需求',
          description: '需要一项适用于棉田的节水灌溉技术。',
          field: 'modern_agriculture',
          dealTypes: ['license'],
        }),
      },
    ],
  },
  'GET /api/demands': PUBLIC,
  // Closed demands stay readable on the board's "closed" filter; they take no answers (409, not a refusal).
  'GET /api/demands/{id}': { auth: 'public', cases: [{ resource: 'demand' }, { resource: 'closedDemand' }] },
  'GET /api/demands/{id}/matches': { auth: 'public', cases: [{ resource: 'demand' }, { resource: 'closedDemand' }] },
  'POST /api/demands/{id}/responses': {
    auth: ['seller', 'broker'],
    cases: [
      { resource: 'demand', forbidden: ['otherSeller'], body: (w) => ({ listingId: w.params.listing.id }) },
      { resource: 'closedDemand', forbidden: ['otherSeller'], body: (w) => ({ listingId: w.params.listing.id }) },
    ],
  },
  'GET /api/demands/{id}/responses': { auth: 'any', cases: [{ resource: 'demand' }, { resource: 'closedDemand' }] },
  'PATCH /api/demands/{id}': { auth: ['buyer'], cases: ownDemand({ body: () => ({ title: '更新的节水技术需求' }) }) },
  'POST /api/demands/{id}/close': { auth: ['buyer'], cases: ownDemand() },

  'POST /api/saved-searches': {
    auth: 'any',
    cases: [{ body: () => ({ name: unique('订阅'), query: { q: '节水' } }) }],
  },
  'GET /api/saved-searches': ANY,
  'DELETE /api/saved-searches/{id}': {
    auth: 'any',
    cases: [{ resource: 'savedSearch', sees: ['buyer'], personal: true }],
  },

  'POST /api/invoices': {
    auth: ['admin'],
    cases: [
      {
        body: (w) => ({
          issuerOrganizationId: w.sessions.seller.user.organization.id,
          recipientOrganizationId: w.sessions.buyer.user.organization.id,
          lines: [{ kind: 'other', description: '技术咨询', amount: 100_00 }],
          dueAt: '2026-06-30T00:00:00.000Z',
        }),
      },
    ],
  },
  'GET /api/invoices': ANY,
  'GET /api/invoices/{id}': invoice(),
  'GET /api/invoices/{id}/pdf': invoice(),
  'POST /api/invoices/{id}/payments': invoice({
    forbidden: ['buyer'],
    body: () => ({ amount: 100, reference: unique('ICBC'), paidAt: '2026-03-01T00:00:00.000Z' }),
  }),
  // 付款通知: the payer advises (and uploads its receipt); the payee or an admin decides.
  'POST /api/invoices/{id}/receipts': invoice({ forbidden: ['seller', 'admin'], upload: true }),
  'POST /api/invoices/{id}/advices': invoice({ forbidden: ['seller', 'admin'], body: adviceBody }),
  'POST /api/invoices/{id}/advices/{adviceId}/confirm': {
    auth: 'any',
    cases: [{ resource: 'advice', sees: INVOICE_PARTIES, forbidden: ['buyer'] }],
  },
  'POST /api/invoices/{id}/advices/{adviceId}/dispute': {
    auth: 'any',
    cases: [{ resource: 'advice', sees: INVOICE_PARTIES, forbidden: ['buyer'], body: () => ({ reason: '未见到账' }) }],
  },
  'GET /api/invoices/{id}/advices/{adviceId}/receipt': {
    auth: 'any',
    cases: [{ resource: 'advice', sees: INVOICE_PARTIES }],
  },
  'POST /api/invoices/{id}/void': {
    auth: ['admin'],
    cases: [{ resource: 'invoice', body: () => ({ reason: '开票信息有误' }) }],
  },
  'POST /api/invoices/{id}/vouchers': invoice({
    forbidden: ['seller', 'admin'],
    body: (w) => ({ voucherId: w.voucherId, amount: 100 }),
  }),
  'POST /api/vouchers': {
    auth: ['admin'],
    cases: [
      {
        body: (w) => ({
          organizationId: w.sessions.otherBuyer.user.organization.id,
          amount: 500_000,
          expiresAt: '2030-01-01T00:00:00.000Z',
          serviceKinds: ['license_fee'],
        }),
      },
    ],
  },
  'GET /api/vouchers': ANY,
  'GET /api/settlements': { auth: ['admin'], cases: [{ query: { year: '2026', half: '1' } }] },
  'GET /api/settlements/{issuerOrganizationId}': {
    auth: ['admin'],
    cases: [{ resource: 'organization', query: { year: '2026', half: '1' } }],
  },

  'POST /api/deals': {
    auth: ['buyer'],
    cases: [{ body: async (w) => ({ listingId: (await w.fresh('listing')).id, type: 'license' }) }],
  },
  'GET /api/deals': ANY,
  'GET /api/deals/{id}': deal(),
  // A stale version: a party is told VERSION_CONFLICT (409), so the probe changes nothing.
  'POST /api/deals/{id}/events': deal({
    body: () => ({ type: 'PROPOSE_TERMS', expectedVersion: 1_000_000, terms: LICENSE_TERMS }),
  }),
  'GET /api/deals/{id}/history': deal(),
  'GET /api/deals/{id}/messages': deal(),
  'POST /api/deals/{id}/messages': deal({ body: () => ({ body: '请提供田间试验数据。' }) }),
  'POST /api/deals/{id}/documents': deal({ upload: true }),
  'GET /api/deals/{id}/documents': deal(),
  'GET /api/deals/{id}/documents/{documentId}': {
    auth: 'any',
    cases: [{ resource: 'dealDocument', sees: DEAL_PARTIES }],
  },
  'GET /api/deals/{id}/dossier': deal(),
  'GET /api/deals/{id}/nda': deal(),
  // Before agreement a party is told 409 (no terms to draw up yet): access, not a refusal.
  'GET /api/deals/{id}/contract': deal(),
  'GET /api/deals/{id}/proposals/diff': deal({ query: { from: '1', to: '1' } }),

  ...curated('policy', 'policies', '修订后的政策标题'),
  ...curated('case', 'cases', '修订后的案例标题'),
  ...curated('package', 'packages', '修订后的成果包标题'),
  'POST /api/packages': {
    auth: ['admin'],
    cases: [{ body: (w) => ({ title: '节水成果包', field: 'modern_agriculture', listingIds: [w.params.listing.id] }) }],
  },
  'GET /api/organizations': PUBLIC,
  'GET /api/organizations/{id}': { auth: 'public', cases: [{ resource: 'organization' }] },
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/contract-registrations': ADMIN,
  'GET /api/stats': ADMIN,
  'GET /api/stats/public': PUBLIC,

  'GET /api/reports/half-year': { auth: ['admin'], cases: [{ query: PERIOD }] },
  'GET /api/reports/half-year/status': { auth: ['admin'], cases: [{ query: PERIOD }] },
  'POST /api/reports/half-year/generate': { auth: ['admin'], cases: [{ body: () => REPORT_PERIOD }] },
  'POST /api/reports/half-year/remind': { auth: ['admin'], cases: [{ body: () => REPORT_PERIOD }] },
  // A report is the caller's own organization's: drafted for enterprises, not for agencies or the bureau.
  'GET /api/reports/half-year/mine': { auth: 'any', cases: [{ query: PERIOD, sees: REPORTING }] },
  'PATCH /api/reports/half-year/mine': {
    auth: 'any',
    cases: [{ query: PERIOD, sees: REPORTING, body: () => ({ narrative: '本半年完成成果登记两项。' }) }],
  },
  'POST /api/reports/half-year/mine/submit': { auth: 'any', cases: [{ query: PERIOD, sees: REPORTING }] },
  'GET /api/admin/exchange/listings': ADMIN,
  'POST /api/admin/exchange/listings': { auth: ['admin'], cases: [{ body: () => [] }] },
  ...TEAM_ACCESS,
  ...REWARD_ACCESS,
  ...PRICING_ACCESS,
};

export type Expected = 401 | 403 | 404 | 'allowed';

/** What this caller must be told. */
export function expectedFor(rule: AccessRule, c: AccessCase, caller: Caller): Expected {
  if (rule.auth === 'public' && caller === 'anonymous') return c.sees ? 404 : 'allowed';
  if (caller === 'anonymous') return 401;
  if (Array.isArray(rule.auth) && !rule.auth.includes(ROLE_OF[caller])) return 403;
  // A colleague is told what the first account of its organization is told, except where the rule names it.
  const mate = c.personal ? undefined : COLLEAGUE_OF[caller];
  const named = (list?: Member[]) => !!list && (list.includes(caller) || (!!mate && list.includes(mate)));
  if (c.sees && !named(c.sees)) return 404;
  if (named(c.forbidden)) return 403;
  return 'allowed';
}

/** The upload a multipart case sends. */
export const uploadRequest = () => multipart('检测报告.pdf', PDF);
