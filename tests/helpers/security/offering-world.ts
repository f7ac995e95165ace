import type { InjectOptions } from 'fastify';

type Call = (caller: 'seller' | 'buyer', method: InjectOptions['method'], url: string, payload?: unknown) => any;

/** An offering body for a listing of the world's seller: a non-exclusive licence, so no exclusivity applies. */
export const offeringBody = (listingId: string) => ({
  listingId,
  form: 'license',
  terms: {
    licenseType: 'non_exclusive',
    territory: '新疆生产建设兵团',
    fieldOfUse: '棉花种植',
    termMonths: 24,
    royaltyRateBp: 0,
  },
  basePrice: 1_000_000,
  basis: { kind: 'appraisal', reference: '兵评报字〔2026〕第1号' },
  deposit: 100_000,
  increment: 10_000,
});

/**
 * A listed offering (DOMAIN.md "Pricing routes") of the world's seller on a published listing of its own, with the
 * world's buyer registered as intended buyer and its deposit received: `id` and the registration's `rid`.
 */
export async function offeringOn(call: Call, publishedListing: () => Promise<string>) {
  const offering = await call('seller', 'POST', '/api/offerings', offeringBody(await publishedListing()));
  const registration = await call('buyer', 'POST', `/api/offerings/${offering.id}/registrations`);
  await call('seller', 'POST', `/api/offerings/${offering.id}/registrations/${registration.id}/deposit`, {
    reference: '保证金到账 000',
  });
  return { id: offering.id as string, rid: registration.id as string };
}
