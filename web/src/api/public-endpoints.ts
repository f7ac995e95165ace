import type {
  CaseDetail,
  CaseSummary,
  Demand,
  DemandBoardQuery,
  DemandInput,
  DemandResponse,
  Page,
  PolicyDetail,
  PublicStats,
} from './types.js';
import { seg, type Http } from './http.js';

type Paging = { limit?: number; cursor?: string };

/** The public pages: cases, statistics, policy texts, and the demand board (需求大厅) with its answers. */
export function publicEndpoints({ get, post, patch }: Http) {
  return {
    publicCases: (q: Paging & { q?: string }, signal?: AbortSignal) => get<Page<CaseSummary>>('/api/cases', q, signal),
    publicCase: (id: string, signal?: AbortSignal) => get<CaseDetail>(`/api/cases/${seg(id)}`, undefined, signal),
    publicPolicy: (id: string, signal?: AbortSignal) =>
      get<PolicyDetail>(`/api/policies/${seg(id)}`, undefined, signal),
    publicStats: (signal?: AbortSignal) => get<PublicStats>('/api/stats/public', undefined, signal),
    demandBoard: (q: DemandBoardQuery, signal?: AbortSignal) => get<Page<Demand>>('/api/demands', q, signal),
    getDemand: (id: string, signal?: AbortSignal) => get<Demand>(`/api/demands/${seg(id)}`, undefined, signal),
    updateDemand: (id: string, input: Partial<DemandInput>) => patch<Demand>(`/api/demands/${seg(id)}`, input),
    closeDemand: (id: string) => post<Demand>(`/api/demands/${seg(id)}/close`),
    answerDemand: (id: string, listingId: string, message?: string) =>
      post<DemandResponse>(`/api/demands/${seg(id)}/responses`, { listingId, ...(message ? { message } : {}) }),
    demandResponses: (id: string, q: Paging, signal?: AbortSignal) =>
      get<Page<DemandResponse>>(`/api/demands/${seg(id)}/responses`, q, signal),
  };
}
