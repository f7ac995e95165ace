import type { FieldError } from '../api/errors.js';
import type { OrganizationType, SelfServiceRole } from '../api/types.js';
import type { MessageKey } from '../i18n/zh-CN.js';

// Inline checks that mirror the API's own (src/accounts/schemas.ts and passwords.ts), so that a reader
// learns what is wrong while typing; the server still checks everything and its answer is shown too.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const EMAIL_MAX = 254;
// The shape the API's `format: email` accepts in practice: something@host.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface RegistrationValues {
  email: string;
  password: string;
  name: string;
  role: SelfServiceRole;
  orgName: string;
  orgType: OrganizationType;
}

export type RegistrationField = keyof RegistrationValues;
export type RegistrationErrors = Partial<Record<RegistrationField, MessageKey>>;

export function emailProblem(email: string): MessageKey | undefined {
  const value = email.trim();
  if (!value) return 'form.required';
  if (value.length > EMAIL_MAX || !EMAIL.test(value)) return 'form.emailInvalid';
  return undefined;
}

/** The first rule of the password policy that `password` breaks: 10–128 characters, letters and digits. */
export function passwordProblem(password: string, email: string): MessageKey | undefined {
  if (!password) return 'form.required';
  if (password.length < PASSWORD_MIN) return 'form.passwordShort';
  if (password.length > PASSWORD_MAX) return 'form.passwordLong';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'form.passwordChars';
  const local = email.trim().split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'form.passwordEmail';
  return undefined;
}

export function validateRegistration(v: RegistrationValues): RegistrationErrors {
  const errors: RegistrationErrors = {};
  const email = emailProblem(v.email);
  if (email) errors.email = email;
  const password = passwordProblem(v.password, v.email);
  if (password) errors.password = password;
  const name = v.name.trim();
  if (name.length < 1 || name.length > 100) errors.name = name ? 'form.nameLength' : 'form.required';
  const orgName = v.orgName.trim();
  if (orgName.length < 2 || orgName.length > 200) errors.orgName = orgName ? 'form.orgNameLength' : 'form.required';
  return errors;
}

const SERVER_PATHS: Record<string, RegistrationField> = {
  'body.email': 'email',
  'body.password': 'password',
  'body.name': 'name',
  'body.role': 'role',
  'body.organization.name': 'orgName',
  'body.organization.type': 'orgType',
};

/** The server's field errors (`errors[].path`) attached to the form's fields; unknown paths are dropped. */
export function serverFieldErrors(errors: FieldError[]): Partial<Record<RegistrationField, string>> {
  const byField: Partial<Record<RegistrationField, string>> = {};
  for (const e of errors) {
    const field = SERVER_PATHS[e.path];
    if (field && !byField[field]) byField[field] = e.message;
  }
  return byField;
}
