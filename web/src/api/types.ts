// The shapes of API.md, as the web app reads them. Money is integer fen with its currency beside it;
// times are ISO 8601 strings; ids are opaque.

import type { Category, DealType, Field, Form, FundingSource, IpType, Level, Stage } from '../../../src/listings/enums.ts';

export type { DealType, Field, IpType };

export type Role = 'seller' | 'buyer' | 'broker' | 'admin';
export type SelfServiceRole = Exclude<Role, 'admin'>;
export const SELF_SERVICE_ROLES: readonly SelfServiceRole[] = ['seller', 'buyer', 'broker'];

export type OrganizationType = 'university' | 'institute' | 'enterprise' | 'agency' | 'individual';
export const ORGANIZATION_TYPES: readonly OrganizationType[] = ['university', 'institute', 'enterprise', 'agency', 'individual'];

export type Currency = 'CNY';

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface Organization {
  id: string;
  name: string;
  nameEn: string | null;
  type: OrganizationType;
  region: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: Organization;
  createdAt: string;
}

export interface TokenPair { accessToken: string; refreshToken: string; expiresIn: number }
export interface Session extends TokenPair { user: User }

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  role: SelfServiceRole;
  organization: { name: string; type: OrganizationType };
}

export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type AttachmentVisibility = 'public' | 'confidential';

export interface Attachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  visibility: AttachmentVisibility;
  createdAt: string;
}

export interface Listing {
  id: string;
  status: ListingStatus;
  organization: { id: string; name: string; type: string };
  title: string;
  titleEn: string | null;
  summary: string;
  description: string;
  keywords: string[];
  category: Category;
  field: Field;
  form: Form;
  trl: number;
  stage: Stage;
  level: Level;
  ipType: IpType;
  ipNumbers: string[];
  dealTypes: DealType[];
  askingPrice: number | null;
  currency: Currency;
  fundingSource: FundingSource;
  region: string | null;
  inventors: Array<{ name: string; title?: string }>;
  contact: { name: string; phone?: string; email?: string } | null;
  ndaRequired: boolean;
  /** Sent only to the owner, admins, and a buyer whose deal has a signed NDA (or whose listing needs none). */
  confidentialDetails?: string | null;
  canSeeConfidential: boolean;
  attachments: Attachment[];
  registrationNo: string | null;
  /** The reviewer's reason for returning it: for the owner and admins only. */
  rejectionReason?: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The registration form as POST /api/listings takes it (PATCH takes any part of it). */
export interface ListingInput {
  title: string;
  titleEn?: string | null;
  summary: string;
  description?: string;
  keywords?: string[];
  category: Category;
  field: Field;
  form: Form;
  trl: number;
  stage: Stage;
  level?: Level;
  ipType: IpType;
  ipNumbers?: string[];
  dealTypes: DealType[];
  askingPrice?: number | null;
  fundingSource: FundingSource;
  region?: string | null;
  inventors?: Array<{ name: string; title?: string }>;
  contact?: { name: string; phone?: string; email?: string } | null;
  ndaRequired?: boolean;
  confidentialDetails?: string | null;
}

/** A listing in a list (my listings, the review queue): no attachments, no confidential part. */
export interface ListingSummary {
  id: string;
  status: ListingStatus;
  title: string;
  titleEn: string | null;
  summary: string;
  field: Field;
  trl: number;
  dealTypes: DealType[];
  askingPrice: number | null;
  currency: Currency;
  registrationNo: string | null;
  organization: { id: string; name: string; type: string };
  publishedAt: string | null;
  updatedAt: string;
  rejectionReason?: string | null;
}

export interface SearchHit {
  id: string;
  title: string;
  titleEn?: string;
  summary: string;
  /** title and summary with matches in <mark>, already HTML-escaped apart from the marks (keywords: a list). */
  _highlight?: { title?: string; summary?: string; [field: string]: string | string[] | undefined };
  keywords?: string[];
  field?: Field;
  trl?: number;
  dealTypes?: DealType[];
  ipType?: IpType;
  region?: string;
  organization?: { id: string; name: string };
  askingPrice?: number | null;
  currency?: Currency;
  publishedAt?: string;
}

export type FacetName = 'field' | 'trl' | 'dealType' | 'ipType';
export type FacetCounts = Record<string, number>;

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Partial<Record<FacetName, FacetCounts>>;
  processingTimeMs: number;
}

export interface Policy {
  id: string;
  title: string;
  issuingBody: string;
  documentNumber: string | null;
  issuedOn: string;
  year: number;
  level: string;
  category: string;
  tags: string[];
  sourceUrl: string | null;
  published: boolean;
  updatedAt: string;
}

export interface TechPackage {
  id: string;
  title: string;
  field?: Field;
  summary?: string | null;
  listingCount?: number;
  listings?: Array<Pick<Listing, 'id' | 'title' | 'summary' | 'trl' | 'field'>>;
}

export interface DemandInput {
  title: string;
  description: string;
  field: Field;
  budget?: number | null;
  dealTypes: DealType[];
}

export interface Demand extends DemandInput {
  id: string;
  status: string;
  budget: number | null;
  currency: Currency;
  region: string | null;
  deadline: string | null;
  organization: { id: string; name: string; type: string };
  createdAt: string;
  updatedAt: string;
}

export type MatchReason = 'text' | 'field' | 'dealType' | 'budget';

/** A published listing ranked against a demand: score 0–100, with the reasons that raised it. */
export interface DemandMatch {
  score: number;
  reasons: MatchReason[];
  listing: Pick<SearchHit, 'id' | 'title' | 'summary' | 'field' | 'trl' | 'dealTypes' | 'askingPrice' | 'organization'>;
}

export interface DemandMatches { demandId: string; items: DemandMatch[] }
