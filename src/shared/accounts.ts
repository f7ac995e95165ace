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

// Organizations as teams (API.md): an organization's members are its manager(s) and members; signatories may
// sign contracts for it (a separate flag: a manager need not sign, a legal officer may).
export const ORG_ROLES = ['manager', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const ORG_ROLE_LABELS: Readonly<Record<OrgRole, Label>> = {
  manager: { zh: '管理员', en: 'Manager' },
  member: { zh: '成员', en: 'Member' },
};

// The languages the platform speaks to users, on screens and in mail.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

// Mail a user may turn off. Invitations and password resets are always sent: they are the point of the request.
export const OPTIONAL_MAIL = ['deals', 'invoices', 'reports'] as const;
export type OptionalMail = (typeof OPTIONAL_MAIL)[number];
export const OPTIONAL_MAIL_LABELS: Readonly<Record<OptionalMail, Label>> = {
  deals: { zh: '交易待办（轮到我方、异议待答复）', en: 'Deals awaiting my side (including objections to answer)' },
  invoices: { zh: '发票开具与逾期', en: 'Invoices issued or overdue' },
  reports: { zh: '报告到期提醒', en: 'Reports due' },
};

// Invitations expire after 7 days; password-reset links after 1 hour (issue #16).
export const INVITATION_TTL_DAYS = 7;
export const PASSWORD_RESET_TTL_MINUTES = 60;

// Which organization types a role may belong to: brokers are members of technology-transfer agencies
// (技术转移机构); sellers and buyers are not agencies. Registration and invitations both check it.
export const ROLE_ORG_TYPES: Readonly<Record<UserRole, readonly OrganizationType[]>> = {
  seller: ['university', 'institute', 'enterprise', 'individual'],
  buyer: ['enterprise', 'institute', 'university', 'individual'],
  broker: ['agency'],
  admin: ['agency', 'institute'],
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
