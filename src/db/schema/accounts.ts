import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.js';

import { ORGANIZATION_TYPES, USER_ROLES } from '../../shared/accounts.js';

export { ORGANIZATION_TYPES, USER_ROLES, type OrganizationType, type UserRole } from '../../shared/accounts.js';

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
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    description: text('description'),
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
