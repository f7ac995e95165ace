import type { AccessRule } from './access-types.js';
import { rewardPaymentBody } from './reward-world.js';
import type { Member } from './world.js';

// Inventor rewards (API.md "Contracts and compliance"): published within the seller's unit, so the seller's
// members and admins see them and everyone else is told 404; only the seller's members mark one paid (admins
// read only: 403). The reward rate is the organization's setting: its managers and admins set it.
const SELLER_AND_ADMIN: Member[] = ['seller', 'admin'];

export const REWARD_ACCESS: Record<string, AccessRule> = {
  'GET /api/deals/{id}/rewards': { auth: 'any', cases: [{ resource: 'deal', sees: SELLER_AND_ADMIN }] },
  'POST /api/rewards/{id}/payments': {
    auth: 'any',
    cases: [{ resource: 'reward', sees: SELLER_AND_ADMIN, forbidden: ['admin'], body: () => rewardPaymentBody() }],
  },
  'PATCH /api/organizations/{id}/settings': {
    auth: 'any',
    cases: [
      {
        resource: 'organization',
        sees: SELLER_AND_ADMIN,
        forbidden: ['sellerMate'],
        body: () => ({ rewardRateBp: 6000 }),
      },
    ],
  },
};
