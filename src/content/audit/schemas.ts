import { Type, type Static } from 'typebox';
import { AUDIT_ACTOR_ROLES } from '../../platform/audit.js';
import { Id, OneOf, Timestamp } from '../../platform/http.js';
import { Nullable } from '../shared.js';

export const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Type.String({ pattern: '^[a-z_]{1,40}$', description: 'policy, case, package, listing, …' })),
    entityId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,100}$' })),
    actorId: Type.Optional(Id),
    action: Type.Optional(
      Type.String({
        pattern: '^[a-z_]{1,40}(\\.[a-z_]{1,40}){0,3}(\\.\\*)?$',
        description: 'An action (policy.created), or a family (policy.*)',
      }),
    ),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  },
  { additionalProperties: false },
);
export type AuditQueryInput = Static<typeof AuditQuery>;

const AuditValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null(), Type.Array(Type.String())]);

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Type.Object({ id: Nullable(Type.String()), role: Nullable(OneOf(AUDIT_ACTOR_ROLES)) }),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  data: Type.Record(Type.String(), AuditValue, {
    description: "The action's facts: scalars, or lists of ids or field names",
  }),
  requestId: Nullable(Type.String()),
});
