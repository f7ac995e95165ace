import { eq } from 'drizzle-orm';
import { users } from '../db/schema/accounts.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { revokeSessions } from '../platform/sessions.js';
import { issueDeviceToken, verifyDeviceToken } from './devices.js';
import { admitLogin, loginFailed, loginSucceeded, type LoginClient } from './login-throttle.js';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import {
  createAccount,
  findUserView,
  joinByInvitation,
  normalizeEmail,
  withOrganization,
  type Registration,
  type UserView,
} from './service.js';
import { issueRefreshToken, sessionOfToken, spendRefreshToken } from './tokens.js';

// Sessions: login starts one (a refresh-token family), refresh continues it, and every way of ending one goes
// through revokeSessions (platform/sessions.ts), which makes its access tokens refused at once everywhere.

export type Signer = (user: AuthUser, sessionId: string) => string;

async function startSession(ctx: AppContext, tx: DbOrTx, user: UserView, sign: Signer, familyId = newId('fam')) {
  const refreshToken = await issueRefreshToken(
    tx,
    user.id,
    ctx.config.REFRESH_TOKEN_TTL_DAYS,
    ctx.clock.now(),
    familyId,
  );
  const accessToken = sign({ id: user.id, role: user.role, organizationId: user.organization.id }, familyId);
  return { accessToken, refreshToken, expiresIn: ctx.config.ACCESS_TOKEN_TTL_SECONDS };
}

export async function register(ctx: AppContext, input: Registration, sign: Signer) {
  return ctx.db.transaction(async (tx) => {
    const user = input.invitationToken
      ? await joinByInvitation(ctx, tx, { ...input, invitationToken: input.invitationToken })
      : await createAccount(ctx, tx, withOrganization(input));
    return { user, ...(await startSession(ctx, tx, user, sign)) };
  });
}

/**
 * Login, throttled per account and client (login-throttle.ts). Unknown emails cost the same argon2 verification
 * as known ones and get the same answer. A success also hands the browser a device token for this account.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; ip: string; deviceToken?: string },
  sign: Signer,
) {
  const email = normalizeEmail(input.email);
  const now = ctx.clock.now();
  const client: LoginClient = {
    ip: input.ip,
    deviceId: verifyDeviceToken(ctx.config.JWT_SECRET, email, input.deviceToken, now),
  };
  await admitLogin(ctx, email, client);
  const [row] = await ctx.db
    .select({ id: users.id, hash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  const ok = await verifyPassword(row?.hash ?? null, input.password);
  if (!ok || !row || row.disabled) {
    await loginFailed(ctx, email, client);
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  await loginSucceeded(ctx, email, client);
  const session = await ctx.db.transaction(async (tx) => {
    const user = (await findUserView(tx, row.id))!;
    return { user, ...(await startSession(ctx, tx, user, sign)) };
  });
  return { session, device: { email, ...issueDeviceToken(ctx.config.JWT_SECRET, email, now) } };
}

export async function refresh(ctx: AppContext, token: string, sign: Signer) {
  // The reuse check must commit even though the request fails, so the family revocation is not rolled back.
  let reuse: AppError | null = null;
  const out = await ctx.db.transaction(async (tx) => {
    try {
      const { userId, familyId } = await spendRefreshToken(tx, token, ctx.clock.now());
      const user = await findUserView(tx, userId);
      if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', 'The account is not active');
      return startSession(ctx, tx, user, sign, familyId);
    } catch (err) {
      if (err instanceof AppError && typeof err.extra.reuseDetected === 'string') {
        await revokeSessions(ctx, { sessionId: err.extra.reuseDetected }, tx);
        reuse = new AppError('UNAUTHENTICATED', err.detail);
        return null;
      }
      throw err;
    }
  });
  if (reuse || !out) throw reuse ?? new AppError('UNAUTHENTICATED', 'The refresh token is invalid or expired');
  return out;
}

/** Logout: ends the session of the given refresh token; unknown tokens are ignored (logout always succeeds). */
export async function logout(ctx: AppContext, token: string) {
  const sessionId = await sessionOfToken(ctx.db, token);
  if (sessionId) await revokeSessions(ctx, { sessionId });
}

/** A new password ends every session of the user, this one included: whoever knew the old one is out. */
export async function changePassword(
  ctx: AppContext,
  userId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound('User');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword)))
    throw validationFailed([{ path: 'body.currentPassword', message: 'is not your current password' }]);
  const problems = passwordProblems(input.newPassword, row.email).map((p) => ({ ...p, path: 'body.newPassword' }));
  if (problems.length) throw validationFailed(problems);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeSessions(ctx, { userId }, tx);
    await audit(tx, { id: userId, role: row.role }, 'account.passwordChanged', 'user', userId, {});
  });
}

/** An admin disables or re-enables an account; disabling ends its sessions (it cannot log in or refresh). */
export async function setDisabled(ctx: AppContext, admin: AuthUser, userId: string, disabled: boolean) {
  if (userId === admin.id) throw new AppError('CONFLICT', 'Admins cannot disable their own account');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!row) throw notFound('User');
    if (disabled) await revokeSessions(ctx, { userId }, tx);
    await audit(tx, admin, disabled ? 'account.disabled' : 'account.enabled', 'user', userId, {});
  });
  return (await findUserView(ctx.db, userId))!;
}
