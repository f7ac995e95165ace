import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './db.js';
import { jsonb, runStatement } from './statements.js';

export interface Actor { id: string | null; role: string }
export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };

/** One record for the audit trail, as a statement to run with others (platform/statements.ts). */
export function auditStatement(actor: Actor, action: string, entity: string, entityId: string, data: Record<string, unknown> = {}, requestId?: string): SQL {
  return sql`insert into audit_log (actor_id, actor_role, action, entity, entity_id, data, request_id)
    values (${actor.id}, ${actor.role}, ${action}, ${entity}, ${entityId}, ${jsonb(data)}, ${requestId ?? null})`;
}

/** Appends one record to the audit trail, inside the caller's transaction. */
export async function audit(tx: DbOrTx, actor: Actor, action: string, entity: string, entityId: string, data: Record<string, unknown> = {}, requestId?: string) {
  await runStatement(tx, auditStatement(actor, action, entity, entityId, data, requestId));
}
