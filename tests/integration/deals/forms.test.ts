import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/platform/db.js';
import { chinaDate } from '../../../src/shared/china-time.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, admin: Session;
// An enterprise seller skips public notice; NDA off keeps these tests on each form's own steps.
const listingFor = (dealTypes: string[]) =>
  createListing(t, seller, { publishWith: admin, body: { ndaRequired: false, dealTypes } });
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function agree(dealId: string, terms: Record<string, unknown>) {
  await sendOk(t, seller, dealId, 'ACCEPT_INQUIRY');
  await sendOk(t, buyer, dealId, 'PROPOSE_TERMS', { terms });
  await sendOk(t, seller, dealId, 'ACCEPT_TERMS');
  await sendOk(t, buyer, dealId, 'SIGN_CONTRACT');
  return sendOk(t, seller, dealId, 'SIGN_CONTRACT');
}
const invoicesOf = async (dealId: string) =>
  (await t.request({ method: 'GET', url: `/api/invoices?dealId=${dealId}`, token: buyer.accessToken })).json().items;

describe('transfer', () => {
  it('issues an invoice per instalment at signing; when all are paid the deal moves to recordal, then completes', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['transfer'])).id, 'transfer');
    const signed = await agree(deal.id, {
      price: 10_000_000,
      payments: [
        { name: '首付款', amount: 4_000_000, dueDays: 10 },
        { name: '尾款', amount: 6_000_000, dueDays: 90 },
      ],
    });
    expect(signed.state).toBe('payment');
    const invoices = await invoicesOf(deal.id);
    // 6% VAT on each instalment while the contract is not registered.
    expect(invoices.map((i: { total: number }) => i.total).sort()).toEqual([4_240_000, 6_360_000]);
    for (const inv of invoices) {
      const paid = await t.request({
        method: 'POST',
        url: `/api/invoices/${inv.id}/payments`,
        token: seller.accessToken,
        payload: { amount: inv.total, reference: `BANK-${inv.number}`, paidAt: t.clock.now().toISOString() },
      });
      expect(paid.statusCode).toBe(200);
      expect(paid.json().status).toBe('paid');
    }
    const recordal = (await getDeal(t, seller, deal.id)).json();
    expect(recordal.state).toBe('recordal');
    const done = await sendOk(t, seller, deal.id, 'RECORD_ASSIGNMENT', {
      registrationNo: 'ZL201910123456.7-ZY',
      registeredAt: t.clock.now().toISOString().slice(0, 10),
    });
    expect(done.state).toBe('completed');
    expect(done.nextEvents).toEqual([]);
  });
});

describe('equity', () => {
  it('an appraisal below the valuation sends the deal back to negotiation; a confirmed one leads to contract, assignment and registration', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['equity'])).id, 'equity');
    const terms = {
      valuation: 50_000_000,
      equityPercentBp: 2000,
      companyName: '石河子绿洲节水新材料有限公司',
      registeredCapital: 250_000_000,
      inventorRewardBp: 7000,
    };
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms });
    expect((await sendOk(t, seller, deal.id, 'ACCEPT_TERMS')).state).toBe('appraisal');
    const over = await sendOk(t, seller, deal.id, 'SUBMIT_APPRAISAL', {
      appraiser: '新疆天山资产评估有限公司',
      reportNo: '天山评报字〔2026〕第12号',
      appraisedValue: 40_000_000,
    });
    expect(over.state).toBe('negotiating');
    await sendOk(t, seller, deal.id, 'PROPOSE_TERMS', { terms: { ...terms, valuation: 40_000_000 } });
    await sendOk(t, buyer, deal.id, 'ACCEPT_TERMS');
    const ok = await sendOk(t, seller, deal.id, 'SUBMIT_APPRAISAL', {
      appraiser: '新疆天山资产评估有限公司',
      reportNo: '天山评报字〔2026〕第13号',
      appraisedValue: 40_000_000,
    });
    expect(ok.state).toMatch(/^contracting/);
    await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT');
    await sendOk(t, seller, deal.id, 'SIGN_CONTRACT');
    await sendOk(t, seller, deal.id, 'RECORD_ASSIGNMENT', {
      registrationNo: 'ZY-2026-001',
      registeredAt: t.clock.now().toISOString().slice(0, 10),
    });
    const done = await sendOk(t, seller, deal.id, 'REGISTER_EQUITY', {
      registrationRef: '91659001MA7ABCDE1X-变更-2026',
    });
    expect(done.state).toBe('completed');
    expect(await invoicesOf(deal.id)).toEqual([]);
  });

  const lowReward = {
    valuation: 1,
    equityPercentBp: 100,
    companyName: 'X 公司',
    registeredCapital: 100,
    inventorRewardBp: 4999,
  };

  it("refuses a public institution's inventor reward below 50% and changes nothing (Law Art. 45)", async () => {
    const university = await registerUser(t, 'seller', 'university');
    const listing = await createListing(t, university, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['equity'] },
    });
    const deal = await openDeal(t, buyer, listing.id, 'equity');
    await sendOk(t, university, deal.id, 'ACCEPT_INQUIRY');
    const before = (await getDeal(t, buyer, deal.id)).json();
    const res = await send(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: lowReward });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors[0].path).toBe('body.terms.inventorRewardBp');
    const after = (await getDeal(t, buyer, deal.id)).json();
    expect({ version: after.version, terms: after.currentTerms }).toEqual({ version: before.version, terms: null });
  });

  it("leaves an enterprise seller's inventor share to its own agreement (Law Art. 44)", async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['equity'])).id, 'equity');
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    const proposed = await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: lowReward });
    expect(proposed.currentTerms.inventorRewardBp).toBe(4999);
  });
});

describe('cooperation', () => {
  it('milestones are delivered, sent back for changes, accepted with an invoice each, and the deal completes', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['cooperation'])).id, 'cooperation');
    const signed = await agree(deal.id, {
      scope: '研发适用于南疆的滴灌控制器',
      budget: 3_000_000,
      ipOwnership: 'joint',
      milestones: [
        { name: '样机', amount: 1_000_000, deliverable: '样机一台及测试报告', dueDate: '2026-06-30' },
        { name: '中试', amount: 2_000_000, deliverable: '中试报告', dueDate: '2026-12-31' },
      ],
    });
    expect(signed.state).toBe('inProgress');
    await sendOk(t, seller, deal.id, 'DELIVER_MILESTONE', { index: 0 });
    await sendOk(t, buyer, deal.id, 'REQUEST_CHANGES', { index: 0, reason: '测试报告缺少田间数据' });
    await sendOk(t, seller, deal.id, 'DELIVER_MILESTONE', { index: 0 });
    await sendOk(t, buyer, deal.id, 'ACCEPT_MILESTONE', { index: 0 });
    expect((await invoicesOf(deal.id)).map((i: { total: number }) => i.total)).toEqual([1_060_000]);
    const twice = await send(t, buyer, deal.id, 'ACCEPT_MILESTONE', { index: 0 });
    expect(twice.statusCode).toBeGreaterThanOrEqual(400);
    await sendOk(t, seller, deal.id, 'DELIVER_MILESTONE', { index: 1 });
    const done = await sendOk(t, buyer, deal.id, 'ACCEPT_MILESTONE', { index: 1 });
    expect(done.state).toBe('completed');
    expect((await invoicesOf(deal.id)).length).toBe(2);
  });
});

describe('concurrency and contract registration', () => {
  it('parties racing on one version: exactly one wins, the rest get VERSION_CONFLICT, and only the winner wrote', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['license'])).id);
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    const v = (await getDeal(t, buyer, deal.id)).json().version;
    const terms = {
      licenseType: 'non_exclusive',
      territory: '全国',
      fieldOfUse: '全部',
      termMonths: 12,
      upfrontFee: 100,
      royaltyRateBp: 0,
    };
    const N = 8;
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        t.request({
          method: 'POST',
          url: `/api/deals/${deal.id}/events`,
          token: (i % 2 ? seller : buyer).accessToken,
          payload: { type: 'PROPOSE_TERMS', expectedVersion: v, terms: { ...terms, upfrontFee: 100 + i } },
        }),
      ),
    );
    const winners = answers.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    const losers = answers.filter((r) => r.statusCode !== 200);
    expect(losers.map((r) => [r.statusCode, r.json().code, r.json().currentVersion])).toEqual(
      Array(N - 1).fill([409, 'VERSION_CONFLICT', v + 1]),
    );
    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: buyer.accessToken })
    ).json();
    expect(history.map((h: { version: number }) => h.version)).toEqual([0, 1, 2]);
    // The winner's proposal is the one on record, and nothing of a loser's event was written: one audit row,
    // one pending idle timer, one notice to the other side.
    expect(history[2].payload.terms.upfrontFee).toBe(100 + answers.indexOf(winners[0]));
    const count = async (query: SQL) =>
      (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from ${query}`))[0].n;
    expect(await count(sql`audit_log where entity_id = ${deal.id} and action = 'deal.propose_terms'`)).toBe(1);
    expect(await count(sql`timers where subject_id = ${deal.id} and name = 'idleExpiry' and status = 'pending'`)).toBe(
      1,
    );
    expect(await count(sql`outbox where payload->>'dedupeKey' like ${`deal:${deal.id}:${v + 1}:%`}`)).toBe(1);
  });

  it('a race on a signature that issues an invoice: one wins, one invoice, and the loser is told the version', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['license'])).id);
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', {
      terms: {
        licenseType: 'sole',
        territory: '新疆',
        fieldOfUse: '棉花',
        termMonths: 24,
        upfrontFee: 800_000,
        royaltyRateBp: 0,
      },
    });
    await sendOk(t, seller, deal.id, 'ACCEPT_TERMS');
    const v = (await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT')).version;
    const answers = await Promise.all(
      [0, 1, 2].map(() => send(t, seller, deal.id, 'SIGN_CONTRACT', { expectedVersion: v })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const lost of answers.filter((r) => r.statusCode === 409))
      expect(lost.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: v + 1 });
    expect(await invoicesOf(deal.id)).toHaveLength(1);
  });

  it('any party records the technology-contract registration after signing, once', async () => {
    const deal = await openDeal(t, buyer, (await listingFor(['license'])).id);
    const registration = (registrationNo: string) => ({
      registrationNo,
      registry: '兵团技术市场',
      registeredOn: chinaDate(t.clock.now().toISOString()),
      certifiedIncome: 500_000,
    });
    expect((await send(t, buyer, deal.id, 'REGISTER_CONTRACT', registration('6590012026000123'))).statusCode).toBe(409);
    await agree(deal.id, {
      licenseType: 'sole',
      territory: '新疆',
      fieldOfUse: '棉花',
      termMonths: 24,
      upfrontFee: 500_000,
      royaltyRateBp: 100,
    });
    const reg = await sendOk(t, buyer, deal.id, 'REGISTER_CONTRACT', registration('6590012026000123'));
    expect(reg.contractRegistration).toMatchObject(registration('6590012026000123'));
    expect(
      (await send(t, seller, deal.id, 'REGISTER_CONTRACT', registration('6590012026000124'))).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });
});
