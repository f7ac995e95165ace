import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { FieldError } from '../platform/errors.js';

// argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

// A real hash of a random password: unknown emails are verified against it so that "no such user" takes as
// long as "wrong password" and the answer time does not reveal which emails are registered.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash(`dummy-${Math.random()}-password`, OPTIONS));

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** The password policy: 10–128 characters, letters and digits, not the email's name part. */
export function passwordProblems(password: string, email?: string): FieldError[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) problems.push(`must be at most ${PASSWORD_MAX} characters`);
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) problems.push('must contain letters and digits');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local))
    problems.push('must not contain your email name');
  return problems.map((message) => ({ path: 'body.password', message }));
}
