import { Type } from 'typebox';
import { Id } from '../platform/http.js';
import { LOCALES, OPTIONAL_MAIL, ORG_ROLES, USER_ROLES } from '../shared/accounts.js';
import { OneOf } from '../shared/schema.js';
import { PASSWORD_MAX } from './passwords.js';
import { SELF_SERVICE_ROLES } from './schemas.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Token = Type.String({ minLength: 20, maxLength: 200 });

export const OrgParams = Type.Object({ id: Id }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false });
export const InvitationParams = Type.Object({ id: Id, invitationId: Id }, { additionalProperties: false });

export const MemberSchema = Type.Object(
  {
    userId: Type.String(),
    name: Type.String(),
    email: Type.String(),
    role: OneOf(USER_ROLES),
    orgRole: OneOf(ORG_ROLES),
    signatory: Type.Boolean({ description: 'May sign contracts for the organization' }),
  },
  { $id: 'Member' },
);
export const MembersSchema = Type.Object({ items: Type.Array(MemberSchema) });

export const MemberPatch = Type.Object(
  { orgRole: Type.Optional(OneOf(ORG_ROLES)), signatory: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

export const InvitationBody = Type.Object(
  { email: Email, role: OneOf(SELF_SERVICE_ROLES) },
  { additionalProperties: false },
);
export const InvitationSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    role: OneOf(USER_ROLES),
    expiresAt: Type.String(),
    createdAt: Type.String(),
    acceptUrl: Type.Optional(Type.String({ description: 'Only in the answer that created it (also mailed)' })),
  },
  { $id: 'Invitation' },
);
export const InvitationsSchema = Type.Object({
  items: Type.Array(InvitationSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const PasswordResetBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetConfirmBody = Type.Object(
  { token: Token, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }) },
  { additionalProperties: false },
);

export const MailPreferencesSchema = Type.Object(
  {
    locale: OneOf(LOCALES),
    optional: Type.Object(
      Object.fromEntries(OPTIONAL_MAIL.map((k) => [k, Type.Boolean()])) as Record<
        (typeof OPTIONAL_MAIL)[number],
        ReturnType<typeof Type.Boolean>
      >,
      { description: 'Optional mail, on (true) or off; invitations and password resets are always sent' },
    ),
  },
  { $id: 'MailPreferences' },
);
export const MailPreferencesPatch = Type.Object(
  {
    locale: Type.Optional(OneOf(LOCALES)),
    optional: Type.Optional(
      Type.Object(Object.fromEntries(OPTIONAL_MAIL.map((k) => [k, Type.Optional(Type.Boolean())])), {
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);
