import { and, eq, isNull, sql } from 'drizzle-orm';
import { refreshTokens } from '../db/schema/accounts.js';
import type { Database, DbOrTx } from './db.js';
import { inTransaction, isTransaction, queryRows } from './db.js';

// A session is a refresh-token family: login starts one, each refresh continues it, and every access token names
// it (the `sid` claim). Revoking a session marks its refresh tokens revoked; from then on its access tokens are
// refused too, in every API process. Each process keeps what it has learnt in a bounded cache and hears about
// revocations by LISTEN/NOTIFY, so a request costs a map lookup once its session has been seen.

export const SESSIONS_CHANNEL = 'sessions_revoked';
/** Sessions remembered per process; the least recently used is forgotten first. */
export const SESSION_CACHE_MAX = 10_000;
/** A remembered "still open" is checked again after this long, in case a notification was lost. */
export const SESSION_CACHE_TTL_MS = 60_000;
// NOTIFY payloads are limited to 8000 bytes: ids are at most 40 characters.
const IDS_PER_NOTIFY = 150;

export interface SessionRevocations {
  /** Whether the session was revoked (or never existed). */
  isRevoked(sessionId: string): Promise<boolean>;
  /** Forgets what this process knows of these sessions (all of them without an argument). */
  forget(sessionIds?: readonly string[]): void;
  /** Lookups answered from the cache and from the database, since start (for the benchmark and tests). */
  readonly stats: { hits: number; misses: number };
  close(): Promise<void>;
}

/** A session is open while it has refresh tokens and none of them was revoked (revocation marks them all). */
async function lookupRevoked(db: DbOrTx, sessionId: string): Promise<boolean> {
  const [row] = await queryRows<{ n: number | string; revoked: number | string }>(
    db,
    sql`select count(*) as n, count(${refreshTokens.revokedAt}) as revoked from ${refreshTokens}
        where ${refreshTokens.familyId} = ${sessionId}`,
  );
  return Number(row.n) === 0 || Number(row.revoked) > 0;
}

export function sessionRevocations(database: Database, now: () => number = () => performance.now()) {
  const cache = new Map<string, { revoked: boolean; at: number }>();
  // Bumped by every invalidation: a lookup that started before one may have read the old state, so it is not kept.
  let generation = 0;
  let listening: Promise<(() => Promise<void>) | null> | null = null;
  let connected = false;
  const stats = { hits: 0, misses: 0 };

  const forget = (ids?: readonly string[]) => {
    generation++;
    if (!ids) cache.clear();
    else for (const id of ids) cache.delete(id);
  };
  // Started on the first check, so processes that never authenticate (the worker, reindex) hold no connection.
  const listen = () =>
    (listening ??= database
      .listen(
        SESSIONS_CHANNEL,
        (payload) => forget(payload.split(',')),
        () => {
          // (Re)connected: whatever was sent while away is unknown, so nothing remembered is trusted.
          forget();
          connected = true;
        },
      )
      .catch(() => {
        listening = null;
        return null;
      }));

  const revocations: SessionRevocations = {
    stats,
    forget,
    async isRevoked(sessionId) {
      const known = cache.get(sessionId);
      if (known && (known.revoked || now() - known.at < SESSION_CACHE_TTL_MS)) {
        stats.hits++;
        cache.delete(sessionId);
        cache.set(sessionId, known);
        return known.revoked;
      }
      stats.misses++;
      await listen();
      const started = generation;
      const revoked = await lookupRevoked(database.db, sessionId);
      if (connected && started === generation) {
        cache.set(sessionId, { revoked, at: now() });
        if (cache.size > SESSION_CACHE_MAX) cache.delete(cache.keys().next().value!);
      }
      return revoked;
    },
    async close() {
      const unlisten = await listening;
      listening = null;
      await unlisten?.().catch(() => {});
    },
  };
  return revocations;
}

export type SessionTarget = { userId: string } | { sessionId: string };

/**
 * Ends sessions: one (logout, a replayed refresh token) or every session of a user (password change or reset,
 * removal from an organization, an admin disabling the account). Their refresh tokens stop working and their
 * access tokens are refused at once by every API process: the NOTIFY is delivered on commit, and this process
 * forgets them before and after. Every revocation goes through here. Returns the sessions ended.
 */
export async function revokeSessions(
  ctx: { db: DbOrTx; sessions: SessionRevocations; clock: { now(): Date } },
  target: SessionTarget,
  db: DbOrTx = ctx.db,
): Promise<string[]> {
  const ownTransaction = !isTransaction(db);
  const ids = await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(refreshTokens)
      .set({ revokedAt: ctx.clock.now().toISOString() })
      .where(
        and(
          'userId' in target ? eq(refreshTokens.userId, target.userId) : eq(refreshTokens.familyId, target.sessionId),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ familyId: refreshTokens.familyId });
    const families = [...new Set(rows.map((r) => r.familyId))];
    for (let i = 0; i < families.length; i += IDS_PER_NOTIFY) {
      const chunk = families.slice(i, i + IDS_PER_NOTIFY).join(',');
      await tx.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${chunk})`);
    }
    ctx.sessions.forget(families);
    return families;
  });
  // Inside a caller's transaction the commit is still to come: the NOTIFY, sent then, forgets them again.
  if (ownTransaction) ctx.sessions.forget(ids);
  return ids;
}
