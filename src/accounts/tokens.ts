import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
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
  familyId: string,
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
 * (or revoked) is a replay: the error names its family, which the caller revokes, logging out the thief and the
 * victim alike and forcing a fresh login (OAuth 2.0 Security BCP, refresh token rotation).
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
    throw new AppError('UNAUTHENTICATED', 'This refresh token was already used; the session has been revoked', {
      reuseDetected: row.familyId,
    });
  }
  if (new Date(row.expiresAt) <= now) throw invalid();
  await tx.update(refreshTokens).set({ spentAt: now.toISOString() }).where(eq(refreshTokens.id, row.id));
  return { userId: row.userId, familyId: row.familyId };
}

/** The session (family) of a refresh token, or null for a token never issued. */
export async function sessionOfToken(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, digest(token)));
  return row?.familyId ?? null;
}
