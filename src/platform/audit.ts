import { auditLog } from '../db/schema/platform.js';
import type { DbOrTx } from './db.js';

export interface Actor { id: string | null; role: string }
export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };

/** Appends one record to the audit trail, inside the caller's transaction. */
export async function audit(tx: DbOrTx, actor: Actor, action: string, entity: string, entityId: string, data: Record<string, unknown> = {}, requestId?: string) {
  await tx.insert(auditLog).values({ actorId: actor.id, actorRole: actor.role, action, entity, entityId, data, requestId });
}
