import { and, desc, eq, gte, like, lt } from 'drizzle-orm';
import { auditLog } from '../../db/schema/platform.js';
import type { AuditActorRole, AuditData } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import type { AuditQueryInput } from './schemas.js';

/**
 * The audit trail for admins, newest first. It is read-only here and everywhere: rows are only ever appended
 * (src/platform/audit.ts) in the transaction of the change they record. `action` ending in `.*` selects a
 * family (`policy.*`); `from` is inclusive and `to` exclusive, so consecutive windows never count a row twice.
 */
export async function readAuditLog(ctx: AppContext, q: AuditQueryInput) {
  if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to))
    throw validationFailed([{ path: 'querystring.from', message: 'must be before to' }]);
  const conds = [];
  if (q.entity) conds.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action?.endsWith('.*')) conds.push(like(auditLog.action, `${q.action.slice(0, -1).replace(/_/g, '\\_')}%`));
  else if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.from) conds.push(gte(auditLog.at, new Date(q.from).toISOString()));
  if (q.to) conds.push(lt(auditLog.at, new Date(q.to).toISOString()));
  if (q.cursor) conds.push(lt(auditLog.id, Number(q.cursor)));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map((r) => ({
    id: String(r.id),
    at: r.at,
    actor: { id: r.actorId, role: r.actorRole as AuditActorRole | null },
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    data: r.data as AuditData,
    requestId: r.requestId,
  }));
  return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
}
