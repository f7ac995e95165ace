import type {
  AuditEntry,
  BrokerSummary,
  CaseDetail,
  CaseInput,
  CaseSummary,
  HalfYearGeneration,
  HalfYearOversight,
  Listing,
  ReviewItem,
  OrganizationSummary,
  PackageDetail,
  PackageInput,
  Page,
  Policy,
  PolicyDetail,
  PolicyInput,
  Stats,
} from './types.js';
import { seg, type Http } from './http.js';

type Paging = { limit?: number; cursor?: string };

/** The bureau's work: review, content, oversight. Routes that other helpers may not have built yet answer 404. */
export function adminEndpoints({ get, post, patch, del, blob }: Http) {
  return {
    reviewQueue: (q: Paging, signal?: AbortSignal) => get<Page<ReviewItem>>('/api/listings/review-queue', q, signal),
    reviewListing: (id: string, decision: 'approve' | 'reject', reason?: string) =>
      post<Listing>(`/api/listings/${seg(id)}/review`, { decision, ...(reason ? { reason } : {}) }),

    adminPolicies: (q: Paging, signal?: AbortSignal) => get<Page<Policy>>('/api/policies', q, signal),
    getPolicy: (id: string, signal?: AbortSignal) => get<PolicyDetail>(`/api/policies/${seg(id)}`, undefined, signal),
    createPolicy: (input: PolicyInput) => post<PolicyDetail>('/api/policies', input),
    updatePolicy: (id: string, input: Partial<PolicyInput>) => patch<PolicyDetail>(`/api/policies/${seg(id)}`, input),
    deletePolicy: (id: string) => del(`/api/policies/${seg(id)}`),

    listCases: (q: Paging, signal?: AbortSignal) => get<Page<CaseSummary>>('/api/cases', q, signal),
    getCase: (id: string, signal?: AbortSignal) => get<CaseDetail>(`/api/cases/${seg(id)}`, undefined, signal),
    createCase: (input: CaseInput) => post<CaseDetail>('/api/cases', input),
    updateCase: (id: string, input: Partial<CaseInput>) => patch<CaseDetail>(`/api/cases/${seg(id)}`, input),
    deleteCase: (id: string) => del(`/api/cases/${seg(id)}`),

    adminPackage: (id: string, signal?: AbortSignal) =>
      get<PackageDetail>(`/api/packages/${seg(id)}`, undefined, signal),
    createPackage: (input: PackageInput) => post<PackageDetail>('/api/packages', input),
    updatePackage: (id: string, input: Partial<PackageInput>) =>
      patch<PackageDetail>(`/api/packages/${seg(id)}`, input),
    deletePackage: (id: string) => del(`/api/packages/${seg(id)}`),

    organizations: (q: Paging & { q?: string; type?: string }, signal?: AbortSignal) =>
      get<Page<OrganizationSummary>>('/api/organizations', q, signal),
    brokers: (signal?: AbortSignal) => get<Page<BrokerSummary>>('/api/brokers', undefined, signal),
    auditLog: (q: Paging & { entity?: string; action?: string }, signal?: AbortSignal) =>
      get<Page<AuditEntry>>('/api/admin/audit', q, signal),
    stats: (signal?: AbortSignal) => get<Stats>('/api/stats', undefined, signal),
    halfYearReport: (year: number, half: 1 | 2, signal?: AbortSignal) =>
      get<HalfYearOversight>('/api/reports/half-year', { year, half }, signal),
    halfYearReportPdf: (year: number, half: 1 | 2) => blob('/api/reports/half-year', { year, half, format: 'pdf' }),
    generateHalfYearReports: (year: number, half: 1 | 2) =>
      post<HalfYearGeneration>('/api/reports/half-year/generate', { year, half }),
    remindHalfYearReports: (year: number, half: 1 | 2) =>
      post<{ reminded: number }>('/api/reports/half-year/remind', { year, half }),
  };
}
