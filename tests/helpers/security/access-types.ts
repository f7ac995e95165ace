import type { Member, Params, Resource, Role, World } from './world.js';

/**
 * Who may call each route, as API.md and ARCHITECTURE.md ("Security boundaries") say: a route's role check
 * answers 401 to the anonymous and 403 to a wrong role; the service answers 404 for a resource the caller may
 * not see, and 403 for one it sees but may not change.
 */
export type Auth = 'public' | 'any' | Role[];

export interface AccessCase {
  /** The resource the path parameters name. */
  resource?: Resource;
  /** Callers with the route's role who reach the resource; the others with the role get 404. Default: all. */
  sees?: Member[];
  /** Callers who see the resource but may not do this to it: 403. */
  forbidden?: Member[];
  /**
   * The resource is a user's own (a notification, a saved search), not the organization's: a colleague of its
   * owner is an outsider. Otherwise a colleague is told what the organization's first account is told.
   */
  personal?: true;
  /** The body a caller sends; default: the smallest valid body of the route's schema. */
  body?: (w: World, params: Params) => unknown | Promise<unknown>;
  /** Send the body as a multipart file upload (a PDF). */
  upload?: true;
  query?: Record<string, string>;
}

export interface AccessRule {
  auth: Auth;
  cases?: AccessCase[];
}
