// The offering shapes of /work/notes/offering-contract.md (API.md "Pricing, notices and offerings"), written by
// hand until the backend's route schemas reach schema.gen.ts; then these become names of the generated types.
// Money is integer fen; times are ISO 8601 strings.
import type { LicenseTerms } from '../api/deal-types.js';
import type { PricingBasisKind } from '../../../src/shared/deal.ts';

export const OFFERING_STATUSES = ['listed', 'bidding', 'sold', 'lapsed', 'cancelled'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
/** The statuses after which nothing changes: the page stops polling. */
export const FINAL_STATUSES: readonly OfferingStatus[] = ['sold', 'lapsed', 'cancelled'];
export type OfferingForm = 'license' | 'transfer';
export type LicenseType = LicenseTerms['licenseType'];

/** The terms an offering publishes: a deal proposal's terms without the price, which the market forms. */
export type OfferingTerms =
  Omit<LicenseTerms, 'upfrontFee'> | { payments: Array<{ name: string; shareBp: number; dueDays: number }> };

export interface PricingBasis {
  kind: PricingBasisKind;
  reference: string;
}

export interface OfferingSummary {
  id: string;
  listing: { id: string; title: string; registrationNo: string | null };
  seller: { name: string };
  form: OfferingForm;
  licenseType: LicenseType | null;
  basePrice: number;
  currency: 'CNY';
  deposit: number;
  increment: number;
  status: OfferingStatus;
  startsAt: string;
  endsAt: string;
  registrationCount: number;
  bestBid: number | null;
  dealPrice: number | null;
}

export interface Registration {
  id: string;
  bidderNo: number;
  buyer: { orgId: string; name: string };
  registeredAt: string;
  depositReference: string | null;
  depositReceivedAt: string | null;
  refundDue: boolean;
}

export interface OfferingBid {
  seq: number;
  amount: number;
  at: string;
  bidderNo: number;
  bidder: { orgId: string; name: string } | null;
}
export type Bid = Omit<OfferingBid, 'bidder'>;

export interface OfferingResult {
  outcome: 'sold' | 'lapsed' | 'cancelled';
  price: number | null;
  buyer: { name: string } | null;
  at: string;
  dealId: string | null;
  reason: string | null;
}

export interface OfferingView extends OfferingSummary {
  terms: OfferingTerms;
  basis: PricingBasis;
  listingDays: number;
  relistedFrom: string | null;
  round: { startsAt: string; endsAt: string; extensions: number } | null;
  minNextBid: number | null;
  bids: OfferingBid[];
  result: OfferingResult | null;
  dealId: string | null;
  myRegistration: Registration | null;
  registrations: Registration[] | null;
  serverTime: string;
}

export interface OfferingInput {
  listingId: string;
  form: OfferingForm;
  terms: OfferingTerms;
  basePrice: number;
  basis: PricingBasis;
  listingDays?: number;
  deposit: number;
  increment: number;
}

export interface RelistInput {
  basePrice: number;
  basis: PricingBasis;
  listingDays?: number;
}

export type OfferingQuery = {
  status?: OfferingStatus;
  q?: string;
  cursor?: string;
  limit?: number;
};
