import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { addFailure, hit, readStreak, reserveAttempt, reset, windowEnd, type Streak } from '../platform/throttle.js';

// Login throttling that slows guessing down without letting anyone lock the owner out (OWASP Authentication
// Cheat Sheet, "Protect against automated attacks"; NIST SP 800-63B §5.2.2, rate limiting that does not deny the
// subscriber). Everything is kept in the database, so it holds across API processes.
//  - The account from one client (a known device, else the address): LOGIN_MAX_PER_ACCOUNT failures are free,
//    then each further one doubles the wait before the next attempt (2 s, 4 s, … up to LOGIN_WINDOW_SECONDS).
//  - An address: LOGIN_MAX_PER_IP failures per LOGIN_WINDOW_SECONDS window from clients it does not know; successes
//    are not counted, so a campus behind one NAT does not lock itself out.
//  - The account from clients it does not know (a guesser spread over many addresses): after
//    UNKNOWN_CLIENT_FACTOR times the free failures, unknown clients wait as above.
// A known device (devices.ts) is only slowed by its own failures: strangers' failures never refuse it. Every
// refusal is 429 with `retry-after`, the real seconds left.

/** A streak is forgotten a day after its last attempt; a success ends it at once. */
const FORGET_SECONDS = 86_400;
const UNKNOWN_CLIENT_FACTOR = 4;

export interface LoginClient {
  ip: string;
  /** The device id of a valid device token for this account, or null (an unknown client). */
  deviceId: string | null;
}

const keys = (email: string, client: LoginClient) => ({
  client: `login:fail:${email}:${client.deviceId ? `dev:${client.deviceId}` : `ip:${client.ip}`}`,
  address: `login:ipfail:${client.ip}`,
  account: `login:acctfail:${email}`,
});

/** How long after a streak's last attempt the next may come: nothing for the free ones, then doubling. */
export function waitMs(streak: Streak | null, free: number, capSeconds: number, now: Date): number {
  if (!streak || streak.count < free) return 0;
  const delay = Math.min(2 ** (streak.count - free + 1), capSeconds) * 1000;
  return Math.max(0, streak.last.getTime() + delay - now.getTime());
}

const refuse = (ms: number) =>
  new AppError('RATE_LIMITED', 'Too many failed logins; try again later', {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) },
  });

/**
 * Lets a login attempt through or refuses it (429). The attempt is counted on its client's streak before the
 * password is checked (loginSucceeded takes it back), so a burst of parallel guesses meets the delay too.
 */
export async function admitLogin(ctx: AppContext, email: string, client: LoginClient): Promise<void> {
  const { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_IP, LOGIN_WINDOW_SECONDS } = ctx.config;
  const now = ctx.clock.now();
  const k = keys(email, client);
  if (!client.deviceId) {
    const addressFailures = await hit(ctx.db, k.address, LOGIN_WINDOW_SECONDS, now, 0);
    if (addressFailures >= LOGIN_MAX_PER_IP)
      throw refuse(windowEnd(now, LOGIN_WINDOW_SECONDS).getTime() - now.getTime());
    const account = await readStreak(ctx.db, k.account, FORGET_SECONDS, now);
    const left = waitMs(account, LOGIN_MAX_PER_ACCOUNT * UNKNOWN_CLIENT_FACTOR, LOGIN_WINDOW_SECONDS, now);
    if (left > 0) throw refuse(left);
  }
  const left = await reserveAttempt(ctx.db, k.client, FORGET_SECONDS, now, (streak) =>
    waitMs(streak, LOGIN_MAX_PER_ACCOUNT, LOGIN_WINDOW_SECONDS, now),
  );
  if (left > 0) throw refuse(left);
}

/** A wrong password (or an unknown or disabled account): the client's attempt stays counted. */
export async function loginFailed(ctx: AppContext, email: string, client: LoginClient): Promise<void> {
  if (client.deviceId) return;
  const now = ctx.clock.now();
  const k = keys(email, client);
  await hit(ctx.db, k.address, ctx.config.LOGIN_WINDOW_SECONDS, now);
  await addFailure(ctx.db, k.account, FORGET_SECONDS, now);
}

/** The right password: the client's streak ends. */
export async function loginSucceeded(ctx: AppContext, email: string, client: LoginClient): Promise<void> {
  await reset(ctx.db, keys(email, client).client);
}
