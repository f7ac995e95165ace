import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { passwordResets, users } from '../db/schema/accounts.js';
import { resetPath } from '../mail/deliver.js';
import { renderMail } from '../mail/templates.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { sendMail } from '../platform/mail.js';
import { enqueue } from '../platform/outbox.js';
import { normalizeEmail, PASSWORD_RESET_TTL_MINUTES } from '../shared/accounts.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { revokeSessions } from '../platform/sessions.js';

export const PASSWORD_RESET_TOPIC = 'password_reset.requested';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A reset request does the same thing whoever asks: it queues the address and answers 202. Whether an account
 * has that address is decided later by the outbox handler, so neither the answer nor its timing tells an
 * attacker which emails are registered.
 */
export async function requestPasswordReset(ctx: AppContext, email: string) {
  await enqueue(ctx.db, PASSWORD_RESET_TOPIC, { email: normalizeEmail(email) });
}

/**
 * The outbox handler: for an active account, a fresh single-use token (stored hashed, as refresh tokens are)
 * and the mail with its link. The token exists only in the mail; if sending fails the relay retries with a new
 * one, and the one that never left is useless.
 */
export async function deliverPasswordReset(ctx: AppContext, payload: { email: string }) {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, payload.email));
  if (!user || user.disabled) return;
  const now = ctx.clock.now();
  const token = `pwr_${randomBytes(32).toString('base64url')}`;
  await ctx.db.insert(passwordResets).values({
    id: newId('pwr'),
    userId: user.id,
    tokenHash: digest(token),
    expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000).toISOString(),
  });
  const path = resetPath(token);
  await sendMail(
    ctx.config,
    renderMail(user.email, user.locale, ctx.config.APP_URL, { template: 'password_reset', name: user.name, path }),
  );
}

const invalidToken = () =>
  validationFailed([{ path: 'body.token', message: 'invalid, expired or already used' }], 'The reset link is invalid');

/** Sets the new password, spends the link (and every other open link of the user) and ends every session. */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string) {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, digest(token)))
      .for('update');
    if (!row || row.usedAt || new Date(row.expiresAt) <= now) throw invalidToken();
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
    if (!user || user.disabled) throw invalidToken();
    const problems = passwordProblems(password, user.email);
    if (problems.length) throw validationFailed(problems);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: now.toISOString() })
      .where(eq(users.id, user.id));
    await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await revokeSessions(ctx, { userId: user.id }, tx);
    await audit(tx, { id: user.id, role: user.role }, 'account.password_reset', 'user', user.id);
  });
}
