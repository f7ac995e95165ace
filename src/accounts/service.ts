import { eq, sql } from 'drizzle-orm';
import { organizations, users, type OrganizationType, type UserRole } from '../db/schema/accounts.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { normalizeEmail, ROLE_ORG_TYPES } from '../shared/accounts.js';
import { spendInvitation } from './invitations.js';
import { hashPassword, passwordProblems } from './passwords.js';

export interface NewOrganization {
  name: string;
  nameEn?: string;
  type: OrganizationType;
  region?: string;
  taxId?: string;
  address?: string;
  bankName?: string;
  bankAccount?: string;
  description?: string;
}
export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  organization: NewOrganization;
}
/** Self-registration: a new organization, or (with an invitation token) joining the inviting one. */
export type Registration = Omit<NewUser, 'role' | 'organization'> &
  Partial<Pick<NewUser, 'role' | 'organization'>> & { invitationToken?: string };

export { normalizeEmail };

export async function findUserView(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .where(eq(users.id, userId));
  if (!row) return null;
  const { user, organization } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt,
    organization: {
      id: organization.id,
      name: organization.name,
      nameEn: organization.nameEn,
      type: organization.type,
      region: organization.region,
    },
  };
}
export type UserView = NonNullable<Awaited<ReturnType<typeof findUserView>>>;

/**
 * Creates an organization and its first user. Used by self-registration (roles seller, buyer, broker), by the
 * admin bootstrap and by the demo seed, so every account obeys the same rules.
 */
export async function createAccount(
  ctx: AppContext,
  tx: DbOrTx,
  input: NewUser,
  opts: { allowAdmin?: boolean; existingOrganizationId?: string } = {},
): Promise<UserView> {
  if (input.role === 'admin' && !opts.allowAdmin)
    throw new AppError('FORBIDDEN', 'Admin accounts cannot be self-registered');
  const email = normalizeEmail(input.email);
  const problems = passwordProblems(input.password, email);
  if (!opts.existingOrganizationId && !ROLE_ORG_TYPES[input.role].includes(input.organization.type)) {
    problems.push({
      path: 'body.organization.type',
      message: `a ${input.role} must belong to: ${ROLE_ORG_TYPES[input.role].join(', ')}`,
    });
  }
  if (problems.length) throw validationFailed(problems);

  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken)
    throw new AppError('CONFLICT', 'An account with this email already exists', {
      errors: [{ path: 'body.email', message: 'already registered' }],
    });

  let organizationId = opts.existingOrganizationId;
  if (!organizationId) {
    const name = input.organization.name.trim();
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`lower(${organizations.name}) = lower(${name})`);
    // Joining an existing organization would let anyone act for 石河子大学: members are added by invitation.
    if (existing)
      throw new AppError('CONFLICT', 'This organization is already registered; ask its members to invite you', {
        errors: [{ path: 'body.organization.name', message: 'already registered' }],
      });
    organizationId = newId('org');
    await tx.insert(organizations).values({ id: organizationId, ...input.organization, name });
  }
  const id = newId('usr');
  // An organization's first member is its manager and a signatory (API.md "Organizations as teams").
  const first = !opts.existingOrganizationId;
  await tx.insert(users).values({
    id,
    email,
    passwordHash: await hashPassword(input.password),
    name: input.name.trim(),
    role: input.role,
    organizationId,
    orgRole: first ? 'manager' : 'member',
    signatory: first,
  });
  await audit(tx, { id, role: input.role }, 'account.created', 'user', id, { email, organizationId });
  return (await findUserView(tx, id))!;
}

export function withOrganization(input: Registration): NewUser {
  const { role, organization } = input;
  if (role && organization) return { ...input, role, organization };
  throw validationFailed(
    [
      ...(role ? [] : [{ path: 'body.role', message: 'required without an invitation' }]),
      ...(organization ? [] : [{ path: 'body.organization', message: 'required without an invitation' }]),
    ].slice(0, 2),
  );
}

/** Joining by invitation (also the demo seed): the invited email, role and organization, the token spent in the same transaction. */
export async function joinByInvitation(ctx: AppContext, tx: DbOrTx, input: Registration & { invitationToken: string }) {
  const { row, accept } = await spendInvitation(tx, input.invitationToken, ctx.clock.now());
  if (normalizeEmail(input.email) !== row.email)
    throw validationFailed([{ path: 'body.email', message: 'must be the email the invitation was sent to' }]);
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, row.organizationId));
  const user = await createAccount(
    ctx,
    tx,
    { ...input, role: row.role, organization: { name: org.name, type: org.type } },
    { existingOrganizationId: org.id },
  );
  await accept(user.id);
  return user;
}

export async function me(ctx: AppContext, userId: string) {
  const user = await findUserView(ctx.db, userId);
  if (!user) throw notFound('User');
  return user;
}

/** Serialises start-up work that several processes might do at once (admin bootstrap, demo seed). */
export const BOOTSTRAP_LOCK = 727_002;

/** Ensures the configured admin exists (ADMIN_EMAIL / ADMIN_PASSWORD), in the bureau's organization. */
export async function ensureAdmin(ctx: AppContext, email: string, password: string) {
  await ctx.db.transaction(async (tx) => {
    // Several API processes may start together on a new database: one ensures the admin, the others wait.
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)));
    if (existing) return;
    const [bureau] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, BUREAU.name));
    await createAccount(
      ctx,
      tx,
      { email, password, name: '科技局管理员', role: 'admin', organization: BUREAU },
      { allowAdmin: true, existingOrganizationId: bureau?.id },
    );
  });
}

export const BUREAU: NewOrganization = {
  name: '兵团科学技术局',
  nameEn: 'XPCC Science & Technology Bureau',
  type: 'institute',
  region: '新疆生产建设兵团',
};

/** Active brokers with their agencies, for the admin's broker assignment. */
export async function listBrokers(ctx: AppContext) {
  const rows = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      orgId: organizations.id,
      orgName: organizations.name,
      orgType: organizations.type,
    })
    .from(users)
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .where(sql`${users.role} = 'broker' and ${users.disabled} = false`)
    .orderBy(users.name);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organization: { id: r.orgId, name: r.orgName, type: r.orgType },
    })),
    nextCursor: null,
  };
}
