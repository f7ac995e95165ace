import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Device tokens ("device cookies", OWASP Authentication Cheat Sheet, after Pinkas and Sander): a browser that has
// logged in to an account gets a signed token naming that account. Presented at login it makes the browser a
// known client of the account: strangers' failures (from its address, or against the account) never refuse it,
// and its own failures are counted on the token, not on the address it shares with a campus behind one NAT.

const DEVICE_DAYS = 365;
const COOKIE_PREFIX = 'tte_device_';

const mac = (secret: string, email: string, nonce: string, exp: string) =>
  createHmac('sha256', secret).update(`device|${email}|${nonce}|${exp}`).digest('base64url');

/** One cookie per account, so that two people sharing a browser keep their own. */
export const deviceCookieName = (email: string) =>
  COOKIE_PREFIX + createHash('sha256').update(email).digest('base64url').slice(0, 12).replace(/[-_]/g, 'x');

export function issueDeviceToken(secret: string, email: string, now: Date): { token: string; maxAge: number } {
  const nonce = randomBytes(12).toString('base64url');
  const exp = String(Math.floor(now.getTime() / 1000) + DEVICE_DAYS * 86_400);
  return { token: `${nonce}.${exp}.${mac(secret, email, nonce, exp)}`, maxAge: DEVICE_DAYS * 86_400 };
}

/** The device's id when the token is a valid, unexpired one for this account; null otherwise. */
export function verifyDeviceToken(secret: string, email: string, token: string | undefined, now: Date): string | null {
  const [nonce, exp, sig, ...rest] = (token ?? '').split('.');
  if (!nonce || !exp || !sig || rest.length || !/^\d{1,12}$/.test(exp)) return null;
  if (Number(exp) * 1000 <= now.getTime()) return null;
  const want = Buffer.from(mac(secret, email, nonce, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? nonce : null;
}

/** A cookie's value from a Cookie header (no cookie parser is registered for one value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function deviceCookie(name: string, token: string, maxAge: number, secure: boolean): string {
  return `${name}=${token}; Max-Age=${maxAge}; Path=/api/auth/login; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
