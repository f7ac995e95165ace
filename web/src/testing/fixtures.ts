import type { Deal } from '../api/deal-types.js';
import type { Listing, OrganizationType, Role, User } from '../api/types.js';

/** A session in storage, as after a login: the app then loads the user from GET /api/me. */
export function logIn() {
  window.localStorage.setItem('tte.accessToken', 'acc');
  window.localStorage.setItem('tte.refreshToken', 'ref-token-0123456789');
}

export const person = (
  role: Role,
  org: { id: string; name: string; type: OrganizationType } = {
    id: `org_${role}`,
    name: `${role} 单位`,
    type: 'enterprise',
  },
): User => ({
  id: `usr_${role}`,
  email: `${role}@example.cn`,
  name: `${role} 用户`,
  role,
  createdAt: '2026-01-01T00:00:00Z',
  organization: { ...org, nameEn: null, region: null },
});

/** A licence deal in negotiation with the buyer's first proposal on the table, as GET /api/deals/:id sends it. */
export function licenceDeal(overrides: Partial<Deal> = {}): Deal {
  const terms = {
    licenseType: 'non_exclusive' as const,
    territory: '新疆',
    fieldOfUse: '棉花种植',
    termMonths: 36,
    upfrontFee: 10_000_000,
    royaltyRateBp: 300,
  };
  return {
    id: 'dl_1',
    type: 'license',
    state: 'negotiating',
    version: 3,
    role: 'seller',
    listing: { id: 'lst_1', title: '膜下滴灌智能控制系统', titleEn: null, field: 'modern_agriculture' },
    buyer: {
      organization: { id: 'org_buyer', name: '节水农业公司', type: 'enterprise' },
      user: { id: 'usr_buyer', name: '赵敏' },
    },
    seller: { organization: { id: 'org_seller', name: '石河子大学', type: 'university' } },
    broker: null,
    currentTerms: terms,
    contractValue: null,
    currency: 'CNY',
    nextEvents: ['PROPOSE_TERMS', 'ACCEPT_TERMS', 'REJECT_TERMS', 'DECLINE'],
    awaiting: ['seller'],
    toDo: true,
    signedAt: null,
    closedAt: null,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-02T00:00:00Z',
    agreedTerms: null,
    proposals: [
      {
        seq: 1,
        terms,
        by: 'buyer',
        authorId: 'usr_buyer',
        at: '2026-03-02T00:00:00Z',
        expiresAt: '2026-03-16T00:00:00Z',
        status: 'current',
        acceptedBy: [],
        closedAt: null,
      },
    ],
    nda: { required: false, buyer: null, seller: null },
    publicNotice: null,
    objections: [],
    noticeObjections: [],
    pricingDecision: null,
    contract: { buyer: null, seller: null, signedAt: null },
    contractRegistration: null,
    closure: null,
    progress: null,
    delivery: null,
    ...overrides,
  };
}

/** A published listing as GET /api/listings/:id sends it to a visitor. */
export const publishedListing: Listing = {
  id: 'lst_1',
  status: 'published',
  organization: { id: 'org_s', name: '石河子大学', type: 'university' },
  title: '膜下滴灌节水灌溉技术',
  titleEn: 'Drip irrigation under film',
  summary: '适用于棉花的节水灌溉。',
  description: '详细说明',
  keywords: ['滴灌', '棉花'],
  category: 'applied_technology',
  field: 'modern_agriculture',
  form: 'new_technology',
  trl: 7,
  stage: 'mature',
  level: 'domestic_leading',
  ipType: 'invention_patent',
  ipNumbers: ['ZL201910123456.7'],
  dealTypes: ['license', 'transfer'],
  askingPrice: 50000000,
  currency: 'CNY',
  fundingSource: 'fiscal_corps',
  region: '660800',
  inventors: [{ name: '王强', title: '教授' }],
  contact: null,
  ndaRequired: true,
  canSeeConfidential: false,
  attachments: [],
  registrationNo: '6500002026A0001',
  submittedAt: '2026-01-20T00:00:00Z',
  publishedAt: '2026-02-01T00:00:00Z',
  withdrawnAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-02-01T00:00:00Z',
};
