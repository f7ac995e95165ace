import type { AppContext } from '../platform/context.js';
import { answerDemand } from '../demands/responses.js';
import { createDemand } from '../demands/service.js';
import { createListing, reviewListing, submitListing } from '../listings/service.js';
import { createSavedSearch } from '../saved-searches/service.js';
import type { ListingInput } from '../listings/schemas.js';
import { DEMO_DEMANDS, DEMO_LISTINGS } from './listings-data.js';
import { asAuth, type DemoUsers } from './accounts.js';

/** Answers on the demand board, by index into DEMO_DEMANDS and DEMO_LISTINGS. */
export const DEMO_ANSWERS = [
  {
    by: 'shzu',
    demand: 0,
    listing: 0,
    message: '我校膜下滴灌水肥一体化技术已在第八师推广 200 万亩，可提供现场技术指导。',
  },
  {
    by: 'ttc',
    demand: 2,
    listing: 7,
    message: '塔里木大学的自清洁纳米涂层适用于沙尘环境，转移中心可协助对接作价入股。',
  },
] as const;

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
  const demandIds: string[] = [];
  for (const { owner, ...d } of DEMO_DEMANDS)
    demandIds.push((await createDemand(ctx, asAuth(users[owner]), { ...d, dealTypes: [...d.dealTypes] })).id);
  // The demand board's answers: a university offers its own drip-irrigation listing, the transfer centre's
  // broker brings a desert-PV coating to the enterprise that asked for one.
  for (const a of DEMO_ANSWERS)
    await answerDemand(ctx, asAuth(users[a.by]), demandIds[a.demand], {
      listingId: ids[a.listing],
      message: a.message,
    });
  await createSavedSearch(ctx, asAuth(users.oasis), {
    name: '滴灌节水',
    query: { q: '滴灌', field: ['modern_agriculture'] },
  });
  return ids;
}
