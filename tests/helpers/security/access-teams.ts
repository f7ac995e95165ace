import { PASSWORD, unique } from '../factories.js';
import type { AccessRule } from './access-types.js';
import type { Member } from './world.js';

// Organizations as teams (API.md): the seller's organization is the resource; its first account is its manager,
// `sellerMate` a plain member; admins see the members but change nothing; everyone else is told 404.
const SEES: Member[] = ['seller', 'admin'];
const MANAGER_ONLY: Member[] = ['sellerMate', 'admin'];

export const TEAM_ACCESS: Record<string, AccessRule> = {
  'GET /api/organizations/{id}/members': { auth: 'any', cases: [{ resource: 'organization', sees: SEES }] },
  'PATCH /api/organizations/{id}/members/{userId}': {
    auth: 'any',
    cases: [{ resource: 'member', sees: SEES, forbidden: MANAGER_ONLY, body: () => ({ signatory: true }) }],
  },
  'DELETE /api/organizations/{id}/members/{userId}': {
    auth: 'any',
    cases: [{ resource: 'member', sees: SEES, forbidden: MANAGER_ONLY }],
  },
  'POST /api/organizations/{id}/invitations': {
    auth: 'any',
    cases: [
      {
        resource: 'organization',
        sees: SEES,
        forbidden: MANAGER_ONLY,
        body: () => ({ email: `${unique('inv')}@example.com`, role: 'buyer' }),
      },
    ],
  },
  'GET /api/organizations/{id}/invitations': {
    auth: 'any',
    cases: [{ resource: 'organization', sees: SEES, forbidden: MANAGER_ONLY }],
  },
  'DELETE /api/organizations/{id}/invitations/{invitationId}': {
    auth: 'any',
    cases: [{ resource: 'invitation', sees: SEES, forbidden: MANAGER_ONLY }],
  },
  'GET /api/organizations/{id}/billing': { auth: 'any', cases: [{ resource: 'organization', sees: SEES }] },
  'PUT /api/organizations/{id}/billing': {
    auth: 'any',
    cases: [
      {
        resource: 'organization',
        sees: SEES,
        forbidden: MANAGER_ONLY,
        body: () => ({
          taxId: '91110000802100433B',
          bankName: '中国银行',
          bankAccount: '6216 6100 0001 2345',
          bankAccountName: '测试单位',
        }),
      },
    ],
  },
  'POST /api/auth/password-reset': {
    auth: 'public',
    cases: [{ body: () => ({ email: `${unique('nobody')}@example.com` }) }],
  },
  'POST /api/auth/password-reset/confirm': {
    auth: 'public',
    cases: [{ body: () => ({ token: `pwr_${unique('guess')}${'x'.repeat(20)}`, password: PASSWORD }) }],
  },
  'GET /api/me/mail-preferences': { auth: 'any' },
  'PATCH /api/me/mail-preferences': { auth: 'any', cases: [{ body: () => ({ locale: 'en' }) }] },
};
