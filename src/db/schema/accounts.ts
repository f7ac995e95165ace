import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.js';
import { DEFAULT_REWARD_RATE_BP } from '../../shared/rewards.js';

import {
  DEFAULT_LOCALE,
  LOCALES,
  ORG_ROLES,
  ORGANIZATION_TYPES,
  USER_ROLES,
  type OptionalMail,
} from '../../shared/accounts.js';

export {
  ORG_ROLES,
  ORGANIZATION_TYPES,
  USER_ROLES,
  type OrgRole,
  type OrganizationType,
  type UserRole,
} from '../../shared/accounts.js';

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
    // 统一社会信用代码 (GB 32100-2015), printed on invoices.
    taxId: text('tax_id'),
    address: text('address'),
    region: text('region'),
    // The account invoices it issues are paid into (开户行, 账号 as digits, 户名); its managers keep it.
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    bankAccountName: text('bank_account_name'),
    description: text('description'),
    // The inventor reward rate of the unit's own rule (Law Art. 44), bp of net income; 5000 when it set none
    // (DEFAULT_REWARD_RATE_BP, Art. 45). Read only for public-institution sellers.
    rewardRateBp: integer('reward_rate_bp').notNull().default(DEFAULT_REWARD_RATE_BP),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('organizations_name_uq').on(t.name)],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    // The organization's team (API.md "Organizations as teams"). A removed member is disabled: their rows stay
    // (who proposed, who paid) but they can no longer sign in or see anything.
    orgRole: text('org_role', { enum: ORG_ROLES }).notNull().default('member'),
    signatory: boolean('signatory').notNull().default(false),
    locale: text('locale', { enum: LOCALES }).notNull().default(DEFAULT_LOCALE),
    /** Optional mail the user turned off. */
    mailOff: jsonb('mail_off').$type<OptionalMail[]>().notNull().default([]),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_org_idx').on(t.organizationId)],
);

// Refresh tokens are stored hashed. Each login starts a family; each refresh spends one token and issues its
// successor in the same family. Presenting a spent token means it was stolen or replayed: the family dies.
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    spentAt: instant('spent_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId)],
);

// Invitations to join an organization. Like refresh tokens, only the token's SHA-256 is stored; a token is
// spent once (acceptedAt) and dies after INVITATION_TTL_DAYS or when a manager revokes it.
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedBy: text('accepted_by').references(() => users.id),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_hash_uq').on(t.tokenHash), index('invitations_org_idx').on(t.organizationId)],
);

// Password-reset links: hashed, single-use, short-lived (PASSWORD_RESET_TTL_MINUTES).
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_resets_hash_uq').on(t.tokenHash), index('password_resets_user_idx').on(t.userId)],
);
