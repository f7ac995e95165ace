import type { AccessRule } from './access-types.js';
import { offeringBody } from './offering-world.js';
import type { Member } from './world.js';

// The pricing routes (API.md "Pricing, notices and offerings"). Listed trading (API.md "Pricing, notices and offerings"): the board and an offering are public; only the seller's
// members list, cancel or relist (others 403); a buyer organization other than the seller's registers; the seller's
// members or the admin record deposits; only a registered buyer whose deposit was received bids (the world's buyer,
// told 409 while the offering is still listed; everyone else 403); the confirmation is for the winner, the seller
// and the admin (others 404).
const SELLER_ORG: Member[] = ['seller', 'sellerMate'];
const NOT_SELLER_ORG: Member[] = ['otherSeller', 'buyer', 'buyerMate', 'otherBuyer', 'broker', 'otherBroker', 'admin'];
const ALL: Member[] = [...SELLER_ORG, ...NOT_SELLER_ORG];

export const PRICING_ACCESS: Record<string, AccessRule> = {
  // The notice board is public; objections come from anyone signed in, while the notice is open (Law Art. 18).
  'GET /api/notices': { auth: 'public' },
  'GET /api/notices/{id}': { auth: 'public', cases: [{ resource: 'notice' }] },
  'POST /api/notices/{id}/objections': {
    auth: 'any',
    cases: [{ resource: 'notice', body: () => ({ reason: '该成果评估价格明显偏低，请说明定价依据。' }) }],
  },
  'GET /api/offerings': { auth: 'public' },
  'GET /api/offerings/{id}': { auth: 'public', cases: [{ resource: 'offering' }] },
  'POST /api/offerings': {
    auth: 'any',
    cases: [{ resource: 'listing', forbidden: NOT_SELLER_ORG, body: (_w, params) => offeringBody(params.id) }],
  },
  'POST /api/offerings/{id}/registrations': {
    auth: 'any',
    cases: [{ resource: 'offering', forbidden: [...SELLER_ORG, 'broker', 'otherBroker', 'admin'] }],
  },
  'POST /api/offerings/{id}/registrations/{rid}/deposit': {
    auth: 'any',
    cases: [
      {
        resource: 'offering',
        forbidden: ALL.filter((m) => !SELLER_ORG.includes(m) && m !== 'admin'),
        body: () => ({ reference: '保证金到账 001' }),
      },
    ],
  },
  'POST /api/offerings/{id}/bids': {
    auth: 'any',
    cases: [
      {
        resource: 'offering',
        forbidden: ALL.filter((m) => m !== 'buyer' && m !== 'buyerMate'),
        body: () => ({ amount: 1_000_000 }),
      },
    ],
  },
  'POST /api/offerings/{id}/cancel': {
    auth: 'any',
    cases: [{ resource: 'offering', forbidden: NOT_SELLER_ORG, body: () => ({ reason: '成果另行处置' }) }],
  },
  'POST /api/offerings/{id}/relist': {
    auth: 'any',
    cases: [
      {
        resource: 'offering',
        forbidden: NOT_SELLER_ORG,
        body: () => ({ basePrice: 900_000, basis: { kind: 'price_enquiry', reference: '询价公告 2026-01' } }),
      },
    ],
  },
  'GET /api/offerings/{id}/confirmation': {
    auth: 'any',
    cases: [{ resource: 'offering', sees: [...SELLER_ORG, 'admin'] }],
  },
};
