import { Type, type Static } from 'typebox';
import type { Label } from './listing.js';
import { mulBpHalfUp } from './money.js';
import { schemaErrors, type FieldError } from './schema-errors.js';
import { Bp, Fen, LICENSE_TYPES, Text, type LicenseTerms, type TransferTerms } from './terms.js';

// Listed trading (挂牌交易) and online bidding (网络竞价): DOMAIN.md "Pricing routes" (Law Art. 18; 国发〔2016〕16号).
// The closed sets and limits of an offering, shared by the server and the web app.

export const OFFERING_STATUSES = ['listed', 'bidding', 'sold', 'lapsed', 'cancelled'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
export const OFFERING_FORMS = ['license', 'transfer'] as const;
export type OfferingForm = (typeof OFFERING_FORMS)[number];
export const OFFERING_OUTCOMES = ['sold', 'lapsed', 'cancelled'] as const;
export type OfferingOutcome = (typeof OFFERING_OUTCOMES)[number];

export const OFFERING_STATUS_LABELS: Readonly<Record<OfferingStatus, Label>> = {
  listed: { zh: '挂牌中', en: 'Listed' },
  bidding: { zh: '竞价中', en: 'Bidding' },
  sold: { zh: '已成交', en: 'Sold' },
  lapsed: { zh: '未成交', en: 'Lapsed' },
  cancelled: { zh: '已撤牌', en: 'Cancelled' },
};

// The listing period: 20 days unless the seller says otherwise (DOMAIN.md). No national rule fixes a floor for a
// technology result's listing; we require at least 10 days (choice: long enough for intended buyers to find the
// notice and pay a deposit, as the property-rights exchanges' rules do) and at most 90.
export const LISTING_DAYS_DEFAULT = 20;
export const LISTING_DAYS_MIN = 10;
export const LISTING_DAYS_MAX = 90;
/** A bid this close to the round's end extends it by the same span (DOMAIN.md: 5 minutes). */
export const LATE_BID_MINUTES = 5;

/** What an offering notification says, per key, in both languages (notifications/texts.ts 'offering.update'). */
export const OFFERING_NOTICES = {
  'offering.registered': ['收到新的意向受让方登记', 'A new intended buyer registered'],
  'offering.depositRecorded': ['保证金已确认到账', 'Your deposit was recorded as received'],
  'offering.biddingStarted': ['挂牌期满，网络竞价开始', 'The listing period ended: online bidding has started'],
  'offering.won': ['竞得成交，请签订合同', 'You won the offering: please sign the contract'],
  'offering.sold': ['挂牌项目已成交', 'Your offering was sold'],
  'offering.lost': [
    '挂牌项目已由他方竞得，保证金将退还',
    'Another buyer won the offering: your deposit is due for refund',
  ],
  'offering.lapsed': ['挂牌项目未成交', 'The offering lapsed without a sale'],
  'offering.cancelled': ['挂牌项目已撤牌', 'The offering was cancelled'],
} as const satisfies Record<string, readonly [string, string]>;
export type OfferingNoticeKey = keyof typeof OFFERING_NOTICES;

export function offeringNotice(key: OfferingNoticeKey, listing: string): [string, string] {
  const [zh, en] = OFFERING_NOTICES[key];
  return [`${zh}：${listing}`, `${en}: ${listing}`];
}

// ---- the terms an offering lists: a deal proposal's terms without the price, which the winning amount fills ----

/** A licence on offer: every licence term but the upfront fee (入门费), which is the price bid for. */
export const OfferingLicenseTermsSchema = Type.Object(
  {
    licenseType: Type.Enum(LICENSE_TYPES),
    territory: Text(200),
    fieldOfUse: Text(500),
    termMonths: Type.Integer({ minimum: 1, maximum: 600 }),
    royaltyRateBp: Bp(),
    minimumAnnualRoyalty: Type.Optional(Fen()),
    milestones: Type.Optional(
      Type.Array(Type.Object({ name: Text(200), amount: Fen(1) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
  },
  { additionalProperties: false },
);
/**
 * A transfer on offer: its payment schedule with each instalment's share of the price in basis points (the
 * amounts follow from the winning price; the shares add up to 10,000).
 */
export const OfferingTransferTermsSchema = Type.Object(
  {
    payments: Type.Array(
      Type.Object(
        { name: Text(200), shareBp: Bp(1), dueDays: Type.Integer({ minimum: 0, maximum: 3650 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 24 },
    ),
  },
  { additionalProperties: false },
);
export type OfferingLicenseTerms = Static<typeof OfferingLicenseTermsSchema>;
export type OfferingTransferTerms = Static<typeof OfferingTransferTermsSchema>;
export type OfferingTerms = OfferingLicenseTerms | OfferingTransferTerms;

export const OFFERING_TERMS_SCHEMAS = {
  license: OfferingLicenseTermsSchema,
  transfer: OfferingTransferTermsSchema,
} as const;

export function offeringTermsErrors(form: OfferingForm, terms: unknown): FieldError[] {
  const errors = schemaErrors(OFFERING_TERMS_SCHEMAS[form], terms);
  if (errors.length > 0 || form !== 'transfer') return errors;
  const total = (terms as OfferingTransferTerms).payments.reduce((sum, p) => sum + p.shareBp, 0);
  return total === 10_000 ? [] : [{ path: 'payments', message: `the shares add up to ${total} bp, not 10000` }];
}

/** The deal's terms at a price: the licence's upfront fee, or the transfer's price split by the shares. */
export function dealTermsAt(form: OfferingForm, terms: OfferingTerms, price: number): LicenseTerms | TransferTerms {
  if (form === 'license') return { ...(terms as OfferingLicenseTerms), upfrontFee: price };
  const shares = (terms as OfferingTransferTerms).payments;
  let left = price;
  const payments = shares.map((p, i) => {
    // Half-up per share; the last instalment takes what is left, so the payments always add up to the price.
    const amount = i === shares.length - 1 ? left : mulBpHalfUp(price, p.shareBp);
    left -= amount;
    return { name: p.name, amount, dueDays: p.dueDays };
  });
  return { price, payments };
}
