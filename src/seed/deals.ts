import { eq } from 'drizzle-orm';
import { deals } from '../db/schema/deals.js';
import type { DealEventInput } from '../deals/engine.js';
import { openDeal, sendEventTx } from '../deals/service.js';
import { listInvoices } from '../invoices/list.js';
import { recordPayment } from '../invoices/payments.js';
import { dealRewards, markRewardPaid } from '../rewards/service.js';
import { chinaDate } from '../shared/china-time.js';
import { listListings } from '../listings/service.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext, Clock } from '../platform/context.js';
import { fireDueTimers } from '../platform/timers.js';
import { fileObjection, noticesOfDeal } from '../pricing/notices.js';
import { asAuth, type DemoUsers } from './accounts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The recent part of the story (two deals, eleven steps an hour apart) starts this long before the seed's now,
// so that its last step lands just before now and no seeded event is dated in the future (issue #22).
const RECENT_STORY = 12 * HOUR;

/**
 * Demo deals through the deal service, one per form, left at telling points. The story starts 40 days before the
 * app clock's now on a clock of its own, so that public notices (15 days, the sellers are public institutions) end
 * through the same timer path as in production; the last steps happen in the last hours, so no demo proposal
 * expires at first start. The story clock never passes now: a step that would is a bug in this file.
 */
export async function seedDeals(ctx: AppContext, users: DemoUsers) {
  const now = ctx.clock.now().getTime();
  let t = now - 40 * DAY;
  const clock: Clock = { now: () => new Date(t) };
  const advance = (ms: number) => {
    if (t + ms > now) throw new Error('seedDeals: the demo story would run past the seed clock');
    t += ms;
  };
  const c: AppContext = { ...ctx, clock };
  const published = (await listListings(ctx, null, { limit: 100 })).items;
  const listing = (part: string) => published.find((l) => l.title.includes(part))!.id;
  const [oasis, tarimAgri, kuitun, admin, shzu, xaas, taru] = [
    users.oasis,
    users.tarimAgri,
    users.kuitun,
    users.admin,
    users.shzu,
    users.xaas,
    users.taru,
  ].map(asAuth);

  const step = (who: AuthUser, dealId: string, event: DealEventInput) =>
    c.db.transaction(async (tx) => {
      const [{ version }] = await tx.select({ version: deals.version }).from(deals).where(eq(deals.id, dealId));
      advance(HOUR);
      return sendEventTx(c, tx, who, dealId, version, event);
    });
  const agree = async (buyer: AuthUser, seller: AuthUser, dealId: string, terms: Record<string, unknown>) => {
    const accepted = await step(seller, dealId, { type: 'ACCEPT_INQUIRY' });
    if (accepted.state === 'nda') {
      await step(buyer, dealId, { type: 'SIGN_NDA' });
      await step(seller, dealId, { type: 'SIGN_NDA' });
    }
    await step(buyer, dealId, { type: 'PROPOSE_TERMS', terms });
    await step(seller, dealId, { type: 'ACCEPT_TERMS' });
  };
  const sign = async (buyer: AuthUser, seller: AuthUser, dealId: string) => {
    await step(seller, dealId, { type: 'SIGN_CONTRACT' });
    await step(buyer, dealId, { type: 'SIGN_CONTRACT' });
  };

  // A licence of a cotton variety, a transfer of the jujube process, an R&D cooperation on cotton-picker
  // navigation: agreed 40 days ago, through public notice, signed 24 days ago.
  const variety = (
    await openDeal(c, kuitun, { listingId: listing('新陆早'), type: 'license', message: '希望在北疆推广该品种。' })
  ).id;
  await agree(kuitun, xaas, variety, {
    licenseType: 'non_exclusive',
    territory: '北疆',
    fieldOfUse: '棉花种子生产',
    termMonths: 36,
    upfrontFee: 5_000_000,
    royaltyRateBp: 200,
  });
  const jujube = (await openDeal(c, oasis, { listingId: listing('红枣'), type: 'transfer' })).id;
  await agree(oasis, taru, jujube, {
    price: 6_000_000,
    payments: [
      { name: '首付款', amount: 2_000_000, dueDays: 15 },
      { name: '尾款', amount: 4_000_000, dueDays: 120 },
    ],
  });
  const picker = (await openDeal(c, tarimAgri, { listingId: listing('采棉机'), type: 'cooperation' })).id;
  await agree(tarimAgri, shzu, picker, {
    scope: '南疆长绒棉采棉机自动导航与测产系统的适配开发',
    budget: 3_000_000,
    ipOwnership: 'joint',
    milestones: [
      {
        name: '样机适配',
        amount: 1_200_000,
        deliverable: '适配样机及田间测试报告',
        dueDate: new Date(now + 60 * DAY).toISOString().slice(0, 10),
      },
      {
        name: '批量验证',
        amount: 1_800_000,
        deliverable: '100 台批量验证报告',
        dueDate: new Date(now + 200 * DAY).toISOString().slice(0, 10),
      },
    ],
  });
  advance(16 * DAY);
  await fireDueTimers(c);
  await sign(kuitun, xaas, variety);
  await sign(oasis, taru, jujube);
  await sign(tarimAgri, shzu, picker);
  // The variety licence is registered a day after signing: its upfront-fee invoice, issued at 6% while the contract
  // was not registered, is voided and reissued VAT-exempt (财税〔2016〕36号); the bureau then confirms the
  // registration. The jujube transfer and the picker's development stay unregistered: their invoices carry 6%.
  advance(DAY);
  await step(kuitun, variety, {
    type: 'REGISTER_CONTRACT',
    registrationNo: '6590012026000018',
    registry: '兵团技术市场',
    registeredOn: chinaDate(new Date(t)),
    certifiedIncome: 5_000_000,
  });
  await step(admin, variety, { type: 'CONFIRM_CONTRACT_REGISTRATION' });
  advance(5 * DAY);
  const [firstInstalment] = (await listInvoices(c, taru, { dealId: jujube, limit: 20 })).items.filter(
    (i) => i.subtotal === 2_000_000,
  );
  await c.db.transaction((tx) =>
    recordPayment(c, tx, taru, firstInstalment.id, {
      amount: firstInstalment.total,
      reference: 'ABC-20260001',
      paidAt: new Date(t).toISOString(),
    }),
  );
  // Tarim University is a public institution: that instalment owes the inventors their rewards (Law Art. 45).
  // After the 15-day publicity the first inventor's is paid; the others stay owed.
  advance(16 * DAY);
  const [firstReward] = (await dealRewards(c, taru, jujube)).items;
  if (!firstReward) throw new Error('seedDeals: the paid instalment owed no inventor reward');
  await markRewardPaid(c, taru, firstReward.id, { paidOn: chinaDate(new Date(t)), reference: '工资-2026-奖励-001' });
  await step(shzu, picker, { type: 'DELIVER_MILESTONE', index: 0 });

  // Today: a licence under negotiation, with a broker and a counter-offer on the table.
  t = now - RECENT_STORY;
  const terms = {
    licenseType: 'exclusive',
    territory: '新疆生产建设兵团',
    fieldOfUse: '棉花种植',
    termMonths: 60,
    upfrontFee: 60_000_000,
    royaltyRateBp: 300,
  };
  const drip = (
    await openDeal(c, oasis, {
      listingId: listing('膜下滴灌'),
      type: 'license',
      message: '我们希望获得兵团范围内的独占许可。',
    })
  ).id;
  await step(shzu, drip, { type: 'ACCEPT_INQUIRY' });
  await step(oasis, drip, { type: 'SIGN_NDA' });
  await step(shzu, drip, { type: 'SIGN_NDA' });
  await step(admin, drip, { type: 'ASSIGN_BROKER', brokerId: users.ttc.id, commissionRateBp: 300 });
  await step(oasis, drip, { type: 'PROPOSE_TERMS', terms });
  await step(shzu, drip, { type: 'PROPOSE_TERMS', terms: { ...terms, upfrontFee: 80_000_000, royaltyRateBp: 400 } });

  // Today: a second transfer of the jujube process, its price under public notice on the board with an objection
  // awaiting the seller's answer (DOMAIN.md "Pricing routes").
  const noticed = (await openDeal(c, kuitun, { listingId: listing('红枣'), type: 'transfer' })).id;
  await step(taru, noticed, { type: 'ACCEPT_INQUIRY' });
  await step(kuitun, noticed, {
    type: 'PROPOSE_TERMS',
    terms: { price: 4_500_000, payments: [{ name: '一次性付清', amount: 4_500_000, dueDays: 30 }] },
  });
  await step(taru, noticed, {
    type: 'RECORD_PRICING_DECISION',
    body: '塔里木大学校长办公会',
    decidedOn: new Date(t).toISOString().slice(0, 10),
    documentRef: '塔大校办纪要〔2026〕7号',
    relatedParty: false,
    basis: { kind: 'price_enquiry', reference: '兵团技术交易市场公开询价 2026-031' },
  });
  await step(taru, noticed, { type: 'ACCEPT_TERMS' });
  const [notice] = await noticesOfDeal(c.db, noticed);
  advance(HOUR);
  await fileObjection(c, tarimAgri, notice.id, '转让价格低于首笔转让（600 万元），请说明定价依据。');
}
