import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens } from '../db/schema/accounts.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';

// Refresh tokens are random opaque strings; only their SHA-256 is stored, so a database leak yields no tokens.
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueRefreshToken(
  tx: DbOrTx,
  userId: string,
  ttlDays: number,
  now: Date,
  familyId = newId('fam'),
): Promise<string> {
  const token = `rt_${randomBytes(32).toString('base64url')}`;
  await tx.insert(refreshTokens).values({
    id: newId('rtk'),
    userId,
    familyId,
    tokenHash: digest(token),
    expiresAt: new Date(now.getTime() + ttlDays * 86_400_000).toISOString(),
  });
  return token;
}

const invalid = () => new AppError('UNAUTHENTICATED', 'The refresh token is invalid or expired');

/**
 * Spends a refresh token and returns its user and family for the successor. A token that was already spent
 * (or revoked) is a replay: the whole family is revoked, which logs out the thief and the victim alike and
 * forces a fresh login (OAuth 2.0 Security BCP, refresh token rotation).
 */
export async function spendRefreshToken(
  tx: DbOrTx,
  token: string,
  now: Date,
): Promise<{ userId: string; familyId: string }> {
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, digest(token)))
    .for('update');
  if (!row) throw invalid();
  if (row.spentAt || row.revokedAt) {
    await revokeFamily(tx, row.familyId, now);
    throw new AppError('UNAUTHENTICATED', 'This refresh token was already used; the session has been revoked', {
      reuseDetected: true,
    });
  }
  if (new Date(row.expiresAt) <= now) throw invalid();
  await tx.update(refreshTokens).set({ spentAt: now.toISOString() }).where(eq(refreshTokens.id, row.id));
  return { userId: row.userId, familyId: row.familyId };
}

export async function revokeFamily(tx: DbOrTx, familyId: string, now: Date) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Logout: revokes the family of the given token; unknown tokens are ignored (logout always succeeds). */
export async function revokeByToken(tx: DbOrTx, token: string, now: Date) {
  const [row] = await tx
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, digest(token)));
  if (row) await revokeFamily(tx, row.familyId, now);
}
