// The offering shapes (API.md "Pricing, notices and offerings"; notes/offering-contract.md), named from the
// server's OpenAPI document (schema.gen.ts). Money is integer fen; times are ISO 8601 strings.
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../api/schema.js';
import { OFFERING_STATUSES, type OfferingStatus } from '../../../src/shared/offering.ts';

export { OFFERING_STATUSES, type OfferingStatus };
export type { OfferingForm, OfferingTerms } from '../../../src/shared/offering.ts';

/** The statuses after which nothing changes: the page stops polling. */
export const FINAL_STATUSES: readonly OfferingStatus[] = ['sold', 'lapsed', 'cancelled'];

export type OfferingSummary = ItemOf<'/api/offerings'>;
export type OfferingView = ResponseOf<'/api/offerings/{id}'>;
export type Registration = ResponseOf<'/api/offerings/{id}/registrations', 'post'>;
export type OfferingBid = OfferingView['bids'][number];
export type OfferingResult = NonNullable<OfferingView['result']>;
export type Bid = ResponseOf<'/api/offerings/{id}/bids', 'post'>;
export type PricingBasis = OfferingView['basis'];
export type OfferingInput = BodyOf<'/api/offerings', 'post'>;
export type RelistInput = BodyOf<'/api/offerings/{id}/relist', 'post'>;
export type OfferingQuery = Partial<QueryOf<'/api/offerings'>>;
export type LicenseType = NonNullable<OfferingSummary['licenseType']>;
