import type { OfferingBid, OfferingView, Registration } from '../offerings/types.js';

/** An offering as GET /api/offerings/:id sends it to the public: a licence, listed, nobody registered. */
export const offering = (over: Partial<OfferingView> = {}): OfferingView => ({
  id: 'ofr_000000000000000000001',
  listing: { id: 'lst_1', title: '膜下滴灌智能控制系统', registrationNo: '6590002026A000001' },
  seller: { name: '石河子大学' },
  form: 'license',
  licenseType: 'exclusive',
  basePrice: 50_000_000,
  currency: 'CNY',
  deposit: 5_000_000,
  increment: 1_000_000,
  status: 'listed',
  startsAt: '2026-11-20T02:00:00.000Z',
  endsAt: '2026-12-10T02:00:00.000Z',
  registrationCount: 0,
  bestBid: null,
  dealPrice: null,
  terms: { licenseType: 'exclusive', territory: '新疆', fieldOfUse: '棉田灌溉', termMonths: 60, royaltyRateBp: 0 },
  basis: { kind: 'appraisal', reference: '新评报字〔2026〕第 18 号' },
  listingDays: 20,
  relistedFrom: null,
  round: null,
  minNextBid: null,
  bids: [],
  result: null,
  dealId: null,
  myRegistration: null,
  registrations: null,
  serverTime: '2026-12-04T12:00:00.000Z',
  ...over,
});

export const registration = (over: Partial<Registration> = {}): Registration => ({
  id: 'reg_000000000000000000001',
  bidderNo: 1,
  buyer: { orgId: 'org_b1', name: '节水农业公司' },
  registeredAt: '2026-11-21T02:00:00.000Z',
  depositReference: null,
  depositReceivedAt: null,
  refundDue: false,
  ...over,
});

export const bid = (seq: number, amount: number, bidderNo: number, named = false): OfferingBid => ({
  seq,
  amount,
  at: `2026-12-10T02:0${seq}:00.000Z`,
  bidderNo,
  bidder: named ? { orgId: `org_b${bidderNo}`, name: bidderNo === 1 ? '节水农业公司' : '绿洲种业公司' } : null,
});

/** The same offering in its bidding round, two bids in, as the public sees it. */
export const bidding = (over: Partial<OfferingView> = {}): OfferingView =>
  offering({
    status: 'bidding',
    registrationCount: 2,
    round: { startsAt: '2026-12-10T02:00:00.000Z', endsAt: '2026-12-10T04:00:00.000Z', extensions: 0 },
    bids: [bid(1, 50_000_000, 2), bid(2, 51_000_000, 1)],
    bestBid: 51_000_000,
    minNextBid: 52_000_000,
    serverTime: '2026-12-10T03:00:00.000Z',
    ...over,
  });
