import { Type } from 'typebox';
import type { AuthUser } from '../platform/auth.js';
import type { Actor } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import { MAX_YEAR, MIN_YEAR } from '../shared/content.js';

// Pieces the bureau's content features share: who wrote (for the audit log), bounded years, list cursors.

/** An admin acting through a request: the audit record carries the request id so a log line can be traced. */
export interface AdminAct {
  admin: AuthUser;
  requestId?: string;
}
export const actorOf = (u: AuthUser): Actor => ({ id: u.id, role: u.role });

export const Year = Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const bearer = [{ bearer: [] }];

/**
 * Lists ordered by a sort key and then id (newest policy first, latest case year first) page with a cursor
 * that carries both, `<key>~<id>`: the next page starts strictly after the last row shown, so rows with the
 * same key are neither repeated nor skipped.
 */
export function keyCursor(key: string | number, id: string): string {
  return `${key}~${id}`;
}

export function parseKeyCursor(cursor: string, keyPattern: RegExp): { key: string; id: string } {
  const m = /^([^~]{1,40})~([a-z]{2,5}_[0-9a-z]{21})$/.exec(cursor);
  if (!m || !keyPattern.test(m[1])) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list gave out', {
      errors: [{ path: 'querystring.cursor', message: 'is invalid' }],
    });
  }
  return { key: m[1], id: m[2] };
}

/** A LIKE pattern that matches `text` literally anywhere (%, _ and \ in the user's text are not wildcards). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
