import type { ApiClient, Query } from './client.js';
import { adminEndpoints } from './admin-endpoints.js';
import type { Deal } from './deal-types.js';
import { LISTING_SEARCH_PATH } from '../../../src/shared/search-state.ts';
import { http } from './http.js';
import type {
  DealForm,
  Demand,
  DemandInput,
  DemandMatches,
  Listing,
  Notice,
  NoticeObjection,
  NoticeStatus,
  PackageDetail,
  PackageSummary,
  Page,
  Policy,
  RegisterInput,
  SearchResult,
  Session,
  User,
} from './types.js';
import { offeringEndpoints } from './offering-endpoints.js';
import { publicEndpoints } from './public-endpoints.js';
import { teamEndpoints } from './team-endpoints.js';
import { workEndpoints } from './work-endpoints.js';

/** Every API call the app makes, typed; pages call these and never build URLs themselves. */
/** Listing search: the page's own request and main.tsx's early one are the same address. */
export const SEARCH_PATH = LISTING_SEARCH_PATH;

export function endpoints(client: ApiClient) {
  const verbs = http(client);
  const get = <T>(path: string, query?: Query, signal?: AbortSignal) => verbs.get<T>(path, query, signal);
  const post = <T>(path: string, body: unknown) => verbs.post<T>(path, body);
  return {
    register: (input: RegisterInput) => post<Session>('/api/auth/register', input),
    login: (email: string, password: string) => post<Session>('/api/auth/login', { email, password }),
    logout: (refreshToken: string) => post<void>('/api/auth/logout', { refreshToken }),
    me: (signal?: AbortSignal) => get<User>('/api/me', undefined, signal),
    searchListings: (query: URLSearchParams, signal?: AbortSignal) => get<SearchResult>(SEARCH_PATH, query, signal),
    getListing: (id: string, signal?: AbortSignal) =>
      get<Listing>(`/api/listings/${encodeURIComponent(id)}`, undefined, signal),
    openDeal: (listingId: string, type: DealForm, message?: string) =>
      post<Deal>('/api/deals', { listingId, type, ...(message ? { message } : {}) }),
    postDemand: (input: DemandInput) => post<Demand>('/api/demands', input),
    demandMatches: (id: string, signal?: AbortSignal) =>
      get<DemandMatches>(`/api/demands/${encodeURIComponent(id)}/matches`, undefined, signal),
    listPolicies: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      get<Page<Policy>>('/api/policies', query, signal),
    listNotices: (
      query: { status?: NoticeStatus; q?: string; limit?: number; cursor?: string },
      signal?: AbortSignal,
    ) => get<Page<Notice>>('/api/notices', query, signal),
    objectToNotice: (id: string, reason: string) =>
      post<NoticeObjection>(`/api/notices/${encodeURIComponent(id)}/objections`, { reason }),
    listPackages: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      get<Page<PackageSummary>>('/api/packages', query, signal),
    getPackage: (id: string, signal?: AbortSignal) =>
      get<PackageDetail>(`/api/packages/${encodeURIComponent(id)}`, undefined, signal),
    ...workEndpoints(verbs),
    ...adminEndpoints(verbs),
    ...teamEndpoints(verbs),
    ...publicEndpoints(verbs),
    ...offeringEndpoints(verbs),
  };
}
export type Api = ReturnType<typeof endpoints>;
