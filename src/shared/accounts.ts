import type { Label } from './listing.js';

// The closed sets of accounts (DOMAIN.md "Parties"), their labels for screens, exports and reports.

export const ORGANIZATION_TYPES = ['university', 'institute', 'enterprise', 'agency', 'individual'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export const USER_ROLES = ['seller', 'buyer', 'broker', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Readonly<Record<UserRole, Label>> = {
  seller: { zh: '成果方', en: 'Seller' },
  buyer: { zh: '需求方', en: 'Buyer' },
  broker: { zh: '技术经理人', en: 'Broker' },
  admin: { zh: '科技局', en: 'Bureau' },
};

export const ORGANIZATION_TYPE_LABELS: Readonly<Record<OrganizationType, Label>> = {
  university: { zh: '高等院校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  agency: { zh: '技术转移机构', en: 'Technology-transfer agency' },
  individual: { zh: '个人', en: 'Individual' },
};
