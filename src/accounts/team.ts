import { and, asc, eq, sql } from 'drizzle-orm';
import { organizations, users, type OrgRole } from '../db/schema/accounts.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { revokeSessions } from '../platform/sessions.js';

// Organizations as teams (API.md): members list, manager's changes, removal, and who may sign.

const memberView = (u: typeof users.$inferSelect) => ({
  userId: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  orgRole: u.orgRole,
  signatory: u.signatory,
});

/**
 * The caller's standing in an organization: admins see every organization; anyone who is not an active member
 * is told it does not exist (API.md: never reveal). `manager` is required for changes.
 */
export async function standing(db: DbOrTx, who: AuthUser, orgId: string, need: 'member' | 'manager') {
  const [me] = await db.select().from(users).where(eq(users.id, who.id));
  const member = !!me && !me.disabled && me.organizationId === orgId;
  if (!member && who.role !== 'admin') throw notFound('Organization');
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('Organization');
  if (need === 'manager' && !(member && me.orgRole === 'manager'))
    throw new AppError('FORBIDDEN', "Only the organization's managers may do this");
  return org;
}

export async function listMembers(ctx: AppContext, who: AuthUser, orgId: string) {
  await standing(ctx.db, who, orgId, 'member');
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt), asc(users.id));
  return { items: rows.map(memberView) };
}

// Serialises changes to one organization's team, so two managers demoting each other at once cannot leave it
// with none: the second waits for the first and then counts the managers that are left.
async function lockOrganization(tx: DbOrTx, orgId: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('update');
}

async function activeMember(tx: DbOrTx, orgId: string, userId: string) {
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, orgId), eq(users.disabled, false)));
  if (!u) throw notFound('Member');
  return u;
}

async function assertAnotherManager(tx: DbOrTx, orgId: string, userId: string) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.organizationId, orgId),
        eq(users.disabled, false),
        eq(users.orgRole, 'manager'),
        sql`${users.id} <> ${userId}`,
      ),
    );
  if (Number(n) === 0)
    throw new AppError('CONFLICT', 'An organization always keeps one manager: make another member manager first');
}

export async function updateMember(
  ctx: AppContext,
  who: AuthUser,
  orgId: string,
  userId: string,
  patch: { orgRole?: OrgRole; signatory?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    await standing(tx, who, orgId, 'manager');
    await lockOrganization(tx, orgId);
    const member = await activeMember(tx, orgId, userId);
    if (member.orgRole === 'manager' && patch.orgRole === 'member') await assertAnotherManager(tx, orgId, userId);
    const [updated] = await tx
      .update(users)
      .set({ ...patch, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(users.id, userId))
      .returning();
    await audit(tx, who, 'organization.member_updated', 'user', userId, { organizationId: orgId, ...patch });
    return memberView(updated);
  });
}

/** Removes a member: the account is disabled (its past acts stay attributed) and every session of it ends. */
export async function removeMember(ctx: AppContext, who: AuthUser, orgId: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    await standing(tx, who, orgId, 'manager');
    await lockOrganization(tx, orgId);
    const member = await activeMember(tx, orgId, userId);
    if (member.orgRole === 'manager') await assertAnotherManager(tx, orgId, userId);
    const now = ctx.clock.now();
    await tx
      .update(users)
      .set({ disabled: true, orgRole: 'member', signatory: false, updatedAt: now.toISOString() })
      .where(eq(users.id, userId));
    await revokeSessions(ctx, { userId }, tx); // the removed member's access tokens are refused at once
    await audit(tx, who, 'organization.member_removed', 'user', userId, { organizationId: orgId });
  });
}

/**
 * Whether a user may sign contracts for an organization: an active member of it with the signatory flag
 * (API.md "Who may sign for an organization"; the contract signatures check this).
 */
export async function maySignFor(ctx: Pick<AppContext, 'db'>, userId: string, orgId: string, db: DbOrTx = ctx.db) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.id, userId), eq(users.organizationId, orgId), eq(users.disabled, false), eq(users.signatory, true)),
    );
  return !!u;
}
