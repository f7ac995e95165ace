import { Type } from 'typebox';
import { ORGANIZATION_TYPES, USER_ROLES } from '../db/schema/accounts.js';
import { Id, Text } from '../platform/http.js';
import { PASSWORD_MAX } from './passwords.js';

export const SELF_SERVICE_ROLES = ['seller', 'buyer', 'broker'] as const;

const Email = Type.String({ format: 'email', maxLength: 254 });

export const OrganizationSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    nameEn: Type.Union([Type.String(), Type.Null()]),
    type: Type.Enum([...ORGANIZATION_TYPES]),
    region: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Organization' },
);

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Enum([...USER_ROLES]),
    organization: OrganizationSchema,
    createdAt: Type.String(),
  },
  { $id: 'User' },
);

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    name: Text(100, 1),
    role: Type.Optional(Type.Enum([...SELF_SERVICE_ROLES], { description: 'Required without invitationToken' })),
    invitationToken: Type.Optional(
      Type.String({
        minLength: 20,
        maxLength: 200,
        description: 'Join the inviting organization, with the invited role',
      }),
    ),
    organization: Type.Optional(
      Type.Object(
        {
          name: Text(200, 2),
          nameEn: Type.Optional(Text(200)),
          type: Type.Enum([...ORGANIZATION_TYPES]),
          region: Type.Optional(Text(100)),
          taxId: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' })),
        },
        { additionalProperties: false, description: 'Required without invitationToken' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }) },
  { additionalProperties: false },
);
export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export const AccountStateBody = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export const AdminUserSchema = Type.Object({ ...UserSchema.properties, disabled: Type.Boolean() });

export const SessionSchema = Type.Object({
  user: UserSchema,
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Access token lifetime in seconds' }),
});
export const TokenPairSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer(),
});
export { Id };
