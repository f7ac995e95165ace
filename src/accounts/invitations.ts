import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { invitations, users } from '../db/schema/accounts.js';
import { invitationPath, queueMail, sealToken } from '../mail/deliver.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { INVITATION_TTL_DAYS, ROLE_ORG_TYPES, normalizeEmail, type UserRole } from '../shared/accounts.js';
import { standing } from './team.js';

// Invitation tokens are random and only their SHA-256 is stored, as for refresh tokens (tokens.ts).
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

const view = (ctx: AppContext, i: typeof invitations.$inferSelect, token?: string) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
  ...(token ? { acceptUrl: new URL(invitationPath(token), ctx.config.APP_URL).toString() } : {}),
});

export async function createInvitation(
  ctx: AppContext,
  who: AuthUser,
  orgId: string,
  input: { email: string; role: UserRole },
) {
  return ctx.db.transaction(async (tx) => {
    const org = await standing(tx, who, orgId, 'manager');
    // The organization's kind decides the roles its members may have, as at registration.
    if (!ROLE_ORG_TYPES[input.role].includes(org.type))
      throw validationFailed([{ path: 'body.role', message: `a ${org.type} has no ${input.role} members` }]);
    const email = normalizeEmail(input.email);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken)
      throw new AppError('CONFLICT', 'An account with this email already exists', {
        errors: [{ path: 'body.email', message: 'already registered' }],
      });
    const now = ctx.clock.now();
    const token = `inv_${randomBytes(32).toString('base64url')}`;
    const [row] = await tx
      .insert(invitations)
      .values({
        id: newId('inv'),
        organizationId: orgId,
        email,
        role: input.role,
        tokenHash: digest(token),
        invitedBy: who.id,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString(),
      })
      .returning();
    await queueMail(ctx, tx, { kind: 'invitation', invitationId: row.id, sealed: sealToken(ctx, token) });
    await audit(tx, who, 'organization.invited', 'invitation', row.id, {
      organizationId: orgId,
      email,
      role: input.role,
    });
    return view(ctx, row, token);
  });
}

const pending = (now: Date) => [
  isNull(invitations.acceptedAt),
  isNull(invitations.revokedAt),
  gt(invitations.expiresAt, now.toISOString()),
];

export async function listInvitations(ctx: AppContext, who: AuthUser, orgId: string) {
  await standing(ctx.db, who, orgId, 'manager');
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), ...pending(ctx.clock.now())))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  return { items: rows.map((r) => view(ctx, r)), nextCursor: null };
}

export async function revokeInvitation(ctx: AppContext, who: AuthUser, orgId: string, invitationId: string) {
  await ctx.db.transaction(async (tx) => {
    await standing(tx, who, orgId, 'manager');
    const now = ctx.clock.now();
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, orgId), ...pending(now)))
      .returning();
    if (!row) throw notFound('Invitation');
    await audit(tx, who, 'organization.invitation_revoked', 'invitation', row.id, { organizationId: orgId });
  });
}

/**
 * Spends an invitation token inside the registering transaction: single use (the row is locked, then marked
 * accepted), unexpired, unrevoked. Any failure is one answer, so a guessed token learns nothing.
 */
export async function spendInvitation(tx: DbOrTx, token: string, now: Date) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, digest(token)))
    .for('update');
  if (!row || row.acceptedAt || row.revokedAt || new Date(row.expiresAt) <= now)
    throw validationFailed(
      [{ path: 'body.invitationToken', message: 'invalid, expired or already used' }],
      'The invitation is invalid, expired or already used',
    );
  return {
    row,
    accept: (userId: string) =>
      tx
        .update(invitations)
        .set({ acceptedAt: now.toISOString(), acceptedBy: userId })
        .where(eq(invitations.id, row.id)),
  };
}
