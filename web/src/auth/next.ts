/**
 * Where to go after logging in: the `next` query parameter when it is a path on this site. Anything else
 * ("//evil.example", "https://…", "javascript:") is ignored, so the login page cannot be used to redirect
 * a reader off the site.
 */
export function safeNext(next: string | null, fallback = '/profile'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
