import { Type, type Static } from 'typebox';
import { LICENSE_TYPES, PRICING_BASIS_KINDS } from '../shared/deal.js';
import { REASON_MAX } from '../shared/deal-event-limits.js';
import {
  LISTING_DAYS_MAX,
  LISTING_DAYS_MIN,
  OFFERING_FORMS,
  OFFERING_OUTCOMES,
  OFFERING_STATUSES,
  OfferingLicenseTermsSchema,
  OfferingTransferTermsSchema,
} from '../shared/offering.js';
import { Fen as FenAtLeast, Text } from '../shared/terms.js';
import { Fen, Id, Nullable, OneOf, Timestamp } from '../platform/http.js';

// Listed trading and online bidding: the HTTP shapes of notes/offering-contract.md (API.md "Pricing, notices and
// offerings"). Money is integer fen; times are ISO 8601.

const Basis = Type.Object(
  { kind: OneOf(PRICING_BASIS_KINDS), reference: Text(200) },
  { additionalProperties: false, description: 'The base price basis: an appraisal report or a public price enquiry' },
);
const ListingDays = Type.Integer({ minimum: LISTING_DAYS_MIN, maximum: LISTING_DAYS_MAX, description: 'Default 20' });
// A base price of at least ¥100: every instalment of a transfer's schedule is then at least one fen.
const BasePrice = FenAtLeast(10_000);

export const CreateOfferingBody = Type.Object(
  {
    listingId: Id,
    form: OneOf(OFFERING_FORMS),
    terms: Type.Union([OfferingLicenseTermsSchema, OfferingTransferTermsSchema], {
      description: "The deal's terms without the price: the winning amount fills it (licence: upfrontFee)",
    }),
    basePrice: BasePrice,
    basis: Basis,
    listingDays: Type.Optional(ListingDays),
    deposit: FenAtLeast(0),
    increment: FenAtLeast(1),
  },
  { additionalProperties: false },
);
export const RelistBody = Type.Object(
  { basePrice: BasePrice, basis: Basis, listingDays: Type.Optional(ListingDays) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ reason: Text(REASON_MAX) }, { additionalProperties: false });
export const DepositBody = Type.Object({ reference: Text(200) }, { additionalProperties: false });
export const BidBody = Type.Object({ amount: FenAtLeast(1) }, { additionalProperties: false });
export const RegistrationParams = Type.Object({ id: Id, rid: Id }, { additionalProperties: false });

export const ListOfferingsQuery = Type.Object(
  {
    status: Type.Optional(OneOf(OFFERING_STATUSES)),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: "Words in the result's name or number, or the seller's" }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListOfferingsInput = Static<typeof ListOfferingsQuery>;

export const RegistrationSchema = Type.Object({
  id: Id,
  bidderNo: Type.Integer({ minimum: 1 }),
  buyer: Type.Object({ orgId: Id, name: Type.String() }),
  registeredAt: Timestamp,
  depositReference: Nullable(Type.String()),
  depositReceivedAt: Nullable(Timestamp),
  refundDue: Type.Boolean(),
});
export const BidSchema = Type.Object({ seq: Type.Integer(), amount: Fen, at: Timestamp, bidderNo: Type.Integer() });

export const OfferingSummarySchema = Type.Object({
  id: Id,
  listing: Type.Object({ id: Id, title: Type.String(), registrationNo: Nullable(Type.String()) }),
  seller: Type.Object({ name: Type.String() }),
  form: OneOf(OFFERING_FORMS),
  licenseType: Nullable(OneOf(LICENSE_TYPES)),
  basePrice: Fen,
  currency: Type.Literal('CNY'),
  deposit: Fen,
  increment: Fen,
  status: OneOf(OFFERING_STATUSES),
  startsAt: Timestamp,
  endsAt: Timestamp,
  registrationCount: Type.Integer(),
  bestBid: Nullable(Fen),
  dealPrice: Nullable(Fen),
});

export const OfferingViewSchema = Type.Intersect([
  OfferingSummarySchema,
  Type.Object({
    terms: Type.Union([OfferingLicenseTermsSchema, OfferingTransferTermsSchema]),
    basis: Type.Object({ kind: OneOf(PRICING_BASIS_KINDS), reference: Type.String() }),
    listingDays: Type.Integer(),
    relistedFrom: Nullable(Id),
    round: Nullable(Type.Object({ startsAt: Timestamp, endsAt: Timestamp, extensions: Type.Integer() })),
    minNextBid: Nullable(Fen),
    bids: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        amount: Fen,
        at: Timestamp,
        bidderNo: Type.Integer(),
        bidder: Nullable(Type.Object({ orgId: Id, name: Type.String() })),
      }),
    ),
    result: Nullable(
      Type.Object({
        outcome: OneOf(OFFERING_OUTCOMES),
        price: Nullable(Fen),
        buyer: Nullable(Type.Object({ name: Type.String() })),
        at: Timestamp,
        dealId: Nullable(Id),
        reason: Nullable(Type.String()),
      }),
    ),
    dealId: Nullable(Id),
    myRegistration: Nullable(RegistrationSchema),
    registrations: Nullable(Type.Array(RegistrationSchema)),
    serverTime: Timestamp,
  }),
]);
