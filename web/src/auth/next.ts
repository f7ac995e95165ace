import type { Role } from '../api/types.js';

/**
 * Where to go after logging in: the `next` query parameter when it is a path on this site. Anything else
 * ("//evil.example", "https://…", "javascript:") is ignored, so the login page cannot be used to redirect
 * a reader off the site.
 */
export function safeNext(next: string | null, fallback = '/profile'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

// Each role's own work, where a login lands when no page asked for it (issue #22: not a static profile).
const WORK: Record<Role, string> = {
  seller: '/seller',
  buyer: '/deals',
  broker: '/broker',
  admin: '/admin/review',
};

/** The page a login lands on: a safe `next` target wins, otherwise the user's work. */
export const landingAfterLogin = (role: Role, next: string | null): string => safeNext(next, WORK[role]);
