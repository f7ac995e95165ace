import type { AppContext, Clock } from '../platform/context.js';
import { fireDueTimers } from '../platform/timers.js';
import { listListings } from '../listings/service.js';
import { placeBid } from '../offerings/bids.js';
import { createOffering } from '../offerings/listing.js';
import { recordDeposit, registerBuyer } from '../offerings/registrations.js';
import { asAuth, type DemoUsers } from './accounts.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BASE = 80_000_000;
const INCREMENT = 2_000_000;

/**
 * Listed trading in the demo (DOMAIN.md "Pricing routes"), through the offering services and the same timers as in
 * production: one offering sold through a bidding round (two depositors, four bids, the winner's deal in
 * contracting) and one still listed with a registration. Its own clock starts 13 days back and never passes now.
 */
export async function seedOfferings(ctx: AppContext, users: DemoUsers) {
  const now = ctx.clock.now().getTime();
  let t = now - 13 * DAY;
  const clock: Clock = { now: () => new Date(t) };
  const advance = (ms: number) => {
    if (t + ms > now) throw new Error('seedOfferings: the demo story would run past the seed clock');
    t += ms;
  };
  const c: AppContext = { ...ctx, clock };
  const published = (await listListings(ctx, null, { limit: 100 })).items;
  const listing = (part: string) => published.find((l) => l.title.includes(part))!.id;
  const [xaas, oasis, kuitun, tarimAgri] = [users.xaas, users.oasis, users.kuitun, users.tarimAgri].map(asAuth);
  const basis = { kind: 'appraisal' as const, reference: '兵科评报字〔2026〕第007号' };
  const payments = [
    { name: '合同生效后首付款', shareBp: 3_000, dueDays: 15 },
    { name: '技术交付验收后尾款', shareBp: 7_000, dueDays: 120 },
  ];

  const sold = await createOffering(c, xaas, {
    listingId: listing('畜禽粪污'),
    form: 'transfer',
    terms: { payments },
    basePrice: BASE,
    basis,
    listingDays: 10,
    deposit: 5_000_000,
    increment: INCREMENT,
  });
  for (const buyer of [oasis, kuitun]) {
    advance(HOUR);
    const reg = await registerBuyer(c, buyer, sold.id);
    advance(HOUR);
    await recordDeposit(c, xaas, sold.id, reg.id, `保证金到账 ${reg.bidderNo} 号`);
  }
  // The listing period ends: two depositors, so a one-hour bidding round opens.
  advance(Date.parse(sold.endsAt) - t);
  await fireDueTimers(c);
  const bids: Array<[typeof oasis, number]> = [
    [oasis, BASE],
    [kuitun, BASE + INCREMENT],
    [oasis, BASE + 3 * INCREMENT],
    [kuitun, BASE + 5 * INCREMENT],
  ];
  for (const [who, amount] of bids) {
    advance(10 * MINUTE);
    await placeBid(c, who, sold.id, amount);
  }
  advance(25 * MINUTE);
  await fireDueTimers(c);

  // Still listed: opened two days ago, one intended buyer registered so far, its deposit received.
  advance(now - 2 * DAY - t);
  const open = await createOffering(c, xaas, {
    listingId: listing('番茄'),
    form: 'transfer',
    terms: { payments: [{ name: '合同生效后一次付清', shareBp: 10_000, dueDays: 30 }] },
    basePrice: 30_000_000,
    basis: { kind: 'price_enquiry', reference: '兵科询价〔2026〕第3号' },
    listingDays: 20,
    deposit: 2_000_000,
    increment: 1_000_000,
  });
  advance(3 * HOUR);
  const reg = await registerBuyer(c, tarimAgri, open.id);
  advance(2 * HOUR);
  await recordDeposit(c, xaas, open.id, reg.id, '保证金到账 1 号');
}
