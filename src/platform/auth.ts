import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRole } from '../db/schema/accounts.js';
import { AppError } from './errors.js';
import type { SessionRevocations } from './sessions.js';

export interface AuthUser {
  id: string;
  role: UserRole;
  organizationId: string;
  /** The session of the access token the caller presented (absent on users built by services). */
  sessionId?: string;
}
interface AccessClaims {
  sub: string;
  role: UserRole;
  org: string;
  /** The session (refresh-token family) the token was issued in: revoking it refuses the token. */
  sid: string;
  typ: 'access';
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AuthUser;
  }
}
declare module 'fastify' {
  interface FastifyInstance {
    // Route hooks for `onRequest`: they run before the body is parsed and validated, so an anonymous or
    // wrong-role caller is told 401/403 and learns nothing about the route's schema from a 400.
    /** A valid access token is required. */
    authenticate: onRequestAsyncHookHandler;
    /** Authenticated, with one of these roles. */
    requireRole(...roles: UserRole[]): onRequestAsyncHookHandler;
    /** Reads the token if there is one; anonymous otherwise (public pages that show more to some). */
    optionalAuth: onRequestAsyncHookHandler;
    signAccessToken(user: AuthUser, sessionId: string): string;
  }
}

// Access tokens are short-lived HS256 JWTs. Only HS256 is accepted, so `alg: none` and algorithm confusion fail.
// Which hooks need a token, for the OpenAPI document's security (platform/openapi.ts): what it says is what runs.
type Access = 'required' | 'role' | 'optional';
const ACCESS = new WeakMap<object, Access>();
const marked = <T extends object>(hook: T, access: Access) => (ACCESS.set(hook, access), hook);
/** Whether a route hook needs a token (authenticate), a token and a role (requireRole: 403), or reads one. */
export const accessOf = (hook: unknown) => (typeof hook === 'function' ? ACCESS.get(hook) : undefined);

// A token whose session was revoked (logout, refresh-token reuse, password change, disabled account) is refused
// as at once as a forged one: the check costs a map lookup per request once the session is known (sessions.ts).
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { secret: string; accessTtlSeconds: number; sessions: SessionRevocations }) => {
    await app.register(fastifyJwt, {
      secret: opts.secret,
      sign: { algorithm: 'HS256', expiresIn: opts.accessTtlSeconds },
      verify: { algorithms: ['HS256'] },
      formatUser: (p: AccessClaims) => ({ id: p.sub, role: p.role, organizationId: p.org, sessionId: p.sid }),
    });

    app.decorate('signAccessToken', (user: AuthUser, sessionId: string) =>
      app.jwt.sign({ sub: user.id, role: user.role, org: user.organizationId, sid: sessionId, typ: 'access' }),
    );

    async function verify(req: FastifyRequest) {
      try {
        await req.jwtVerify();
      } catch {
        throw new AppError('UNAUTHENTICATED', 'A valid access token is required', {
          headers: { 'www-authenticate': 'Bearer' },
        });
      }
      const claims = req.user as unknown as AuthUser & { typ?: string };
      const sid = claims.sessionId;
      if (!claims.id || !claims.role || !claims.organizationId || typeof sid !== 'string' || !sid) {
        throw new AppError('UNAUTHENTICATED', 'A valid access token is required');
      }
      if (await opts.sessions.isRevoked(sid)) {
        throw new AppError('UNAUTHENTICATED', 'This session has ended; log in again', {
          headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
    }

    app.decorate(
      'authenticate',
      marked(async (req: FastifyRequest, _reply: FastifyReply) => {
        await verify(req);
      }, 'required'),
    );
    app.decorate(
      'optionalAuth',
      marked(async (req: FastifyRequest) => {
        if (req.headers.authorization) await verify(req);
      }, 'optional'),
    );
    app.decorate('requireRole', (...roles: UserRole[]) =>
      marked(async (req: FastifyRequest) => {
        await verify(req);
        if (!roles.includes(req.user.role)) {
          throw new AppError('FORBIDDEN', `This action needs the role ${roles.join(' or ')}`);
        }
      }, 'role'),
    );
  },
  { name: 'auth' },
);

/** The caller, or null when anonymous (after optionalAuth). */
export function caller(req: FastifyRequest): AuthUser | null {
  return (req.user as AuthUser | undefined)?.id ? req.user : null;
}
