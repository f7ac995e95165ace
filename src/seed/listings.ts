import type { AppContext } from '../platform/context.js';
import { createDemand } from '../demands/service.js';
import { createListing, reviewListing, submitListing } from '../listings/service.js';
import { createSavedSearch } from '../saved-searches/service.js';
import type { ListingInput } from '../listings/schemas.js';
import { DEMO_DEMANDS, DEMO_LISTINGS } from './listings-data.js';
import { asAuth, type DemoUsers } from './accounts.js';

/** Demo listings through the listing services: drafted, submitted and reviewed like real ones. */
export async function seedListings(ctx: AppContext, users: DemoUsers) {
  const admin = asAuth(users.admin);
  const ids: string[] = [];
  for (const { owner, review, ...rest } of DEMO_LISTINGS) {
    const seller = asAuth(users[owner]);
    const input: ListingInput = {
      category: 'applied_technology',
      form: 'new_technology',
      stage: 'pilot',
      level: 'not_evaluated',
      fundingSource: 'fiscal_corps',
      ipType: 'none',
      ...rest,
    };
    const listing = await createListing(ctx, seller, input);
    ids.push(listing.id);
    if (review === 'draft') continue;
    await submitListing(ctx, seller, listing.id);
    if (review === 'approve') await reviewListing(ctx, admin, listing.id, 'approve');
    if (review === 'reject')
      await reviewListing(ctx, admin, listing.id, 'reject', '请补充第三方检测报告和专利证书复印件。');
  }
  for (const { owner, ...d } of DEMO_DEMANDS)
    await createDemand(ctx, asAuth(users[owner]), { ...d, dealTypes: [...d.dealTypes] });
  await createSavedSearch(ctx, asAuth(users.oasis), {
    name: '滴灌节水',
    query: { q: '滴灌', field: ['modern_agriculture'] },
  });
  return ids;
}
