// The bureau's content and oversight (src/content/**): policies, cases, packages, organizations, the audit
// log. Statistics and half-year reports have no fixed shape yet: the dashboard reads them loosely.
import type { DealType, Field } from './types.js';

export const POLICY_LEVELS = ['national', 'autonomous_region', 'corps', 'division'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_CATEGORIES = ['law', 'regulation', 'action_plan', 'incentive', 'tax', 'finance', 'intellectual_property', 'other'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

export interface PolicyInput {
  title: string;
  issuingBody: string;
  documentNumber?: string | null;
  issuedOn: string;
  level: PolicyLevel;
  category: PolicyCategory;
  tags?: string[];
  body: string;
  sourceUrl?: string | null;
  published?: boolean;
}
export interface PolicyDetail extends Required<Omit<PolicyInput, 'documentNumber' | 'sourceUrl'>> {
  id: string;
  documentNumber: string | null;
  sourceUrl: string | null;
  year: number;
  updatedAt: string;
  createdAt: string;
}

export interface CaseInput {
  title: string;
  summary: string;
  body: string;
  field: Field;
  dealType: DealType;
  value?: number | null;
  year: number;
  listingId?: string | null;
  published?: boolean;
}
export interface CaseSummary {
  id: string;
  title: string;
  summary: string;
  field: string;
  dealType: string;
  organizations: Array<{ id: string | null; name: string }>;
  value: number | null;
  currency: string;
  year: number;
  published: boolean;
  updatedAt: string;
}
export interface CaseDetail extends CaseSummary { body: string; listing: { id: string; title: string; registrationNo: string | null } | null; createdAt: string }

export interface PackageInput { title: string; description?: string; field: Field; listingIds: string[]; published?: boolean }
export interface PackageSummary { id: string; title: string; description: string; field: string; published: boolean; listingCount: number; updatedAt: string }
export interface PackageDetail extends PackageSummary { listings: Array<{ id: string; title: string }>; listingIds?: string[]; createdAt: string }

/** An active broker (技术经理人) the bureau may assign to a deal, with the agency that employs them (GET /api/brokers). */
export interface BrokerSummary { id: string; name: string; email: string; organization: { id: string; name: string; type: string } }
export interface OrganizationSummary { id: string; name: string; nameEn: string | null; type: string; region: string | null; publishedListings: number }

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string | null; role: string | null };
  action: string;
  entity: string;
  entityId: string;
  data: Record<string, unknown>;
  requestId: string | null;
}

/** Whatever GET /api/stats or /api/reports/half-year answers: numbers and groups of numbers, drawn generically. */
export type LooseReport = Record<string, unknown>;
