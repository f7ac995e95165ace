import type { SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema/platform.js';
import type { DbOrTx } from './db.js';
import { insertStatement, runStatement } from './statements.js';

// Who acts: a signed-in user by role (db/schema/accounts.ts USER_ROLES), or the platform's own jobs.
export const AUDIT_ACTOR_ROLES = ['seller', 'buyer', 'broker', 'admin', 'system'] as const;
export type AuditActorRole = (typeof AUDIT_ACTOR_ROLES)[number];
export interface Actor {
  id: string | null;
  role: string;
}
/** What an audit record keeps of an action: scalars, or lists of ids or field names (never a nested object). */
export type AuditData = Record<string, string | number | boolean | null | string[]>;
export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };

/** One record for the audit trail, as a statement to run with others (platform/statements.ts). */
export function auditStatement(
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  data: AuditData = {},
  requestId?: string,
): SQL {
  return insertStatement(auditLog, {
    actorId: actor.id,
    actorRole: actor.role,
    action,
    entity,
    entityId,
    data,
    requestId: requestId ?? null,
  });
}

/** Appends one record to the audit trail, inside the caller's transaction. */
export async function audit(
  tx: DbOrTx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  data: AuditData = {},
  requestId?: string,
) {
  await runStatement(tx, auditStatement(actor, action, entity, entityId, data, requestId));
}
