import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../db/schema/platform.js';
import type { Db, Tx } from './db.js';
import { AppError, hasCode } from './errors.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export const hasIdempotencyKey = (req: FastifyRequest) => req.headers['idempotency-key'] !== undefined;

/**
 * Runs a state- or money-moving write once per Idempotency-Key. The answer is stored in the same transaction
 * as the write, so either both commit or neither does; a retry with the same key and body gets the stored
 * answer; the same key with a different body is refused. Two concurrent first tries: one commits, the other
 * fails on the key's primary key, rolls its write back, and returns the stored answer.
 */
export async function idempotent<T extends object>(
  db: Db,
  req: FastifyRequest,
  work: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const header = req.headers['idempotency-key'];
  if (header === undefined) {
    const r = await db.transaction(work);
    return { ...r, replayed: false };
  }
  const key = Array.isArray(header) ? header[0] : header;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 8–128 characters of [A-Za-z0-9_.:-]', {
      errors: [{ path: 'headers.idempotency-key', message: 'invalid format' }],
    });
  }
  const userId = (req.user as { id?: string } | undefined)?.id ?? 'anonymous';
  const scope = `${userId} ${req.method} ${req.routeOptions.url}`;
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ params: req.params, body: req.body ?? null }))
    .digest('hex');

  const replay = async () => {
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) return null;
    if (row.requestHash !== requestHash)
      throw new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request');
    return { status: row.status, body: row.body as T, replayed: true };
  };

  const first = await replay();
  if (first) return first;
  try {
    const r = await db.transaction(async (tx) => {
      const out = await work(tx);
      await tx.insert(idempotencyKeys).values({ scope, key, requestHash, status: out.status, body: out.body });
      return out;
    });
    return { ...r, replayed: false };
  } catch (err) {
    if (!hasCode(err, ['23505'])) throw err;
    const again = await replay();
    if (again) return again;
    throw err;
  }
}
