import type { TestApp } from '../../helpers/app.js';
import { createListing, type Session } from '../../helpers/factories.js';

export const LICENCE = {
  licenseType: 'exclusive',
  territory: '新疆生产建设兵团',
  fieldOfUse: '棉花种植',
  termMonths: 60,
  royaltyRateBp: 300,
};
export const TRANSFER = { payments: [{ name: '合同生效后一次付清', shareBp: 10_000, dueDays: 30 }] };
export const BASE = 10_000_000;
export const INCREMENT = 500_000;

export function offeringBody(listingId: string, overrides: Record<string, unknown> = {}) {
  return {
    listingId,
    form: 'license',
    terms: LICENCE,
    basePrice: BASE,
    basis: { kind: 'appraisal', reference: '新天评报字〔2026〕第021号' },
    deposit: 1_000_000,
    increment: INCREMENT,
    ...overrides,
  };
}

/** A published listing of `seller` and an offering of it (201 expected). */
export async function listed(t: TestApp, seller: Session, admin: Session, overrides: Record<string, unknown> = {}) {
  const listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
  const res = await t.request({
    method: 'POST',
    url: '/api/offerings',
    token: seller.accessToken,
    payload: offeringBody(listing.id, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`create offering: ${res.statusCode} ${res.body}`);
  return { listing, offering: res.json() };
}

export async function register(t: TestApp, buyer: Session, offeringId: string) {
  return t.request({ method: 'POST', url: `/api/offerings/${offeringId}/registrations`, token: buyer.accessToken });
}

/** Registers the buyer and records its deposit as the seller. */
export async function depositor(t: TestApp, seller: Session, buyer: Session, offeringId: string) {
  const reg = await register(t, buyer, offeringId);
  if (reg.statusCode !== 201) throw new Error(`register: ${reg.statusCode} ${reg.body}`);
  const dep = await t.request({
    method: 'POST',
    url: `/api/offerings/${offeringId}/registrations/${reg.json().id}/deposit`,
    token: seller.accessToken,
    payload: { reference: `BANK-${reg.json().bidderNo}` },
  });
  if (dep.statusCode !== 200) throw new Error(`deposit: ${dep.statusCode} ${dep.body}`);
  return dep.json();
}

export const bid = (t: TestApp, buyer: Session, offeringId: string, amount: number) =>
  t.request({
    method: 'POST',
    url: `/api/offerings/${offeringId}/bids`,
    token: buyer.accessToken,
    payload: { amount },
  });

export const view = (t: TestApp, offeringId: string, s: Session | null = null) =>
  t.request({ method: 'GET', url: `/api/offerings/${offeringId}`, ...(s ? { token: s.accessToken } : {}) });
