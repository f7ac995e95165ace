import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeObjections, outbox, publicNotices } from '../../../src/db/schema/index.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

const TRANSFER = { price: 30_000_000, payments: [{ name: '一次性付清', amount: 30_000_000, dueDays: 30 }] };

let t: TestApp;
let seller: Session, buyer: Session, public1: Session, public2: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, public1, public2, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    registerUser(t, 'broker'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

/** A university's transfer deal whose agreed price is now under public notice; its board entry. */
async function noticed(price = TRANSFER.price) {
  const listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
  const deal = await openDeal(t, buyer, listing.id, 'transfer');
  await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
  await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', {
    terms: { price, payments: [{ name: '一次性付清', amount: price, dueDays: 30 }] },
  });
  expect((await sendOk(t, seller, deal.id, 'ACCEPT_TERMS')).state).toBe('publicNotice');
  const board = (await t.request({ method: 'GET', url: '/api/notices?status=open&limit=100' })).json();
  const notice = board.items.find((n: { dealId: string }) => n.dealId === deal.id);
  return { listing, deal, notice };
}

const object = (s: Session | null, id: string, reason: unknown) =>
  t.request({
    method: 'POST',
    url: `/api/notices/${id}/objections`,
    ...(s ? { token: s.accessToken } : {}),
    payload: { reason },
  });

describe('the public notice board (Law Art. 18; 国发〔2016〕16号)', () => {
  it('publishes, to anyone, what the notice must show: result, number, form, price, parties, mark, period', async () => {
    const { listing, deal, notice } = await noticed();
    expect(notice).toEqual({
      id: expect.stringMatching(/^ntc_/),
      dealId: deal.id,
      listing: { id: listing.id, title: listing.title, registrationNo: listing.registrationNo },
      form: 'transfer',
      price: 30_000_000,
      currency: 'CNY',
      seller: { name: seller.user.organization.name },
      buyer: { name: buyer.user.organization.name },
      relatedParty: false,
      startsAt: t.clock.now().toISOString(),
      endsAt: new Date(t.clock.now().getTime() + 15 * 86_400_000).toISOString(),
      status: 'open',
      outcome: null,
      endedAt: null,
      objections: [],
    });
    expect(listing.registrationNo).toBeTruthy();
    const one = await t.request({ method: 'GET', url: `/api/notices/${notice.id}` });
    expect(one.json()).toEqual(notice);
    expect((await t.request({ method: 'GET', url: '/api/notices/ntc_000000000000000000000' })).statusCode).toBe(404);

    // Searchable by the result's name or number and by either organization's name.
    for (const q of [
      listing.title.slice(-8),
      listing.registrationNo,
      seller.user.organization.name,
      buyer.user.organization.name,
    ]) {
      const found = (await t.request({ method: 'GET', url: `/api/notices?q=${encodeURIComponent(q)}` })).json();
      expect(found.items.map((n: { id: string }) => n.id)).toContain(notice.id);
    }
    const none = (await t.request({ method: 'GET', url: `/api/notices?q=${encodeURIComponent('无此成果%')}` })).json();
    expect(none.items).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/notices?status=closed' })).statusCode).toBe(400);
  });

  it('takes objections from anyone signed in while open, tells the parties, and holds the notice until answered', async () => {
    const { deal, notice } = await noticed();
    expect((await object(null, notice.id, '价格偏低')).statusCode).toBe(401);
    const blank = await object(public1, notice.id, '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toMatch(/problem\+json/);
    expect((await object(public1, notice.id, 'x'.repeat(1001))).statusCode).toBe(400);
    expect(await t.ctx.db.select().from(noticeObjections).where(eq(noticeObjections.noticeId, notice.id))).toEqual([]);

    t.clock.advanceDays(2);
    const filed = await object(public1, notice.id, '成交价明显低于评估值 Well below the appraisal');
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toEqual({
      id: expect.stringMatching(/^obj_/),
      reason: '成交价明显低于评估值 Well below the appraisal',
      answer: null,
      at: t.clock.now().toISOString(),
    });
    // The parties are told, through the outbox like every deal notice.
    const queued = await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'notification'));
    const told = queued.filter((o) => JSON.stringify(o.payload).includes('公示收到异议'));
    expect(told.length).toBeGreaterThanOrEqual(2);
    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: seller.accessToken })
    ).json();
    expect(history.at(-1)).toMatchObject({ type: 'OBJECTION_FILED', actor: { id: null, role: 'system' } });

    // The period ends with the objection unanswered: the notice runs on.
    t.clock.advanceDays(13);
    await fireDueTimers(t.ctx);
    expect((await getDeal(t, buyer, deal.id)).json().state).toBe('publicNotice');
    expect((await object(public2, notice.id, 'late')).statusCode).toBe(409);

    // The buyer may not answer; the seller dismisses it, and the notice ends at once by the timer worker.
    expect((await getDeal(t, seller, deal.id)).json().nextEvents).toContain('ANSWER_OBJECTION');
    const answer = {
      objectionId: filed.json().id,
      decision: 'dismissed',
      reason: '价格依据评估报告 Backed by the appraisal',
    };
    expect((await send(t, buyer, deal.id, 'ANSWER_OBJECTION', answer)).statusCode).toBe(403);
    expect((await sendOk(t, seller, deal.id, 'ANSWER_OBJECTION', answer)).state).toBe('publicNotice');
    await fireDueTimers(t.ctx);
    expect((await getDeal(t, buyer, deal.id)).json().state).toBe('contracting.awaitingBoth');

    const ended = (await t.request({ method: 'GET', url: `/api/notices/${notice.id}` })).json();
    expect(ended).toMatchObject({ status: 'ended', outcome: 'passed', endedAt: t.clock.now().toISOString() });
    expect(ended.objections).toEqual([
      {
        id: filed.json().id,
        reason: '成交价明显低于评估值 Well below the appraisal',
        answer: { decision: 'dismissed', reason: answer.reason, at: t.clock.now().toISOString() },
        at: filed.json().at,
      },
    ]);
    // Objectors are not named anywhere on the board.
    expect(JSON.stringify(ended)).not.toContain(public1.user.id);
    const endedList = (await t.request({ method: 'GET', url: '/api/notices?status=ended&limit=100' })).json();
    expect(endedList.items.map((n: { id: string }) => n.id)).toContain(notice.id);
  });

  it('sends the deal back to negotiation when the admin upholds an objection; the next notice is a new entry', async () => {
    const { deal, notice } = await noticed(25_000_000);
    const filed = (await object(public2, notice.id, '买方为发明人控股企业 The buyer is the inventor’s company')).json();
    const back = await sendOk(t, admin, deal.id, 'ANSWER_OBJECTION', {
      objectionId: filed.id,
      decision: 'upheld',
      reason: '关联交易未披露',
    });
    expect(back.state).toBe('negotiating');
    expect((await t.request({ method: 'GET', url: `/api/notices/${notice.id}` })).json()).toMatchObject({
      status: 'ended',
      outcome: 'upheld',
      objections: [{ answer: { decision: 'upheld', reason: '关联交易未披露' } }],
    });
    expect((await object(public1, notice.id, 'too late')).statusCode).toBe(409);

    // The seller records its internal decision, marking the buyer related; the new notice shows the mark.
    await sendOk(t, seller, deal.id, 'RECORD_PRICING_DECISION', {
      body: '校长办公会',
      decidedOn: t.clock.now().toISOString().slice(0, 10),
      documentRef: '校办纪要〔2026〕12号',
      relatedParty: true,
    });
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: TRANSFER });
    await sendOk(t, seller, deal.id, 'ACCEPT_TERMS');
    const rows = await t.ctx.db.select().from(publicNotices).where(eq(publicNotices.dealId, deal.id));
    expect(rows.map((r) => [r.status, r.outcome, r.price, r.relatedParty])).toEqual([
      ['ended', 'upheld', 25_000_000, false],
      ['open', null, 30_000_000, true],
    ]);
  });

  it('bounds objections per account per notice, answering 429 and keeping nothing', async () => {
    const { notice } = await noticed();
    for (let i = 0; i < 3; i++) expect((await object(public1, notice.id, `理由 ${i}`)).statusCode).toBe(201);
    const refused = await object(public1, notice.id, '理由 3');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(await t.ctx.db.select().from(noticeObjections).where(eq(noticeObjections.noticeId, notice.id))).toHaveLength(
      3,
    );
    expect((await object(public2, notice.id, '另一人的异议')).statusCode).toBe(201);
  });

  it('closes the notice when the deal ends under it (the buyer withdraws)', async () => {
    const { deal, notice } = await noticed();
    await sendOk(t, buyer, deal.id, 'WITHDRAW');
    expect((await t.request({ method: 'GET', url: `/api/notices/${notice.id}` })).json()).toMatchObject({
      status: 'ended',
      outcome: 'closed',
    });
    expect((await object(public1, notice.id, 'r')).statusCode).toBe(409);
  });
});
