import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { openDeal, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';

const terms = (price: number) => ({ price, payments: [{ name: '一次性付清', amount: price, dueDays: 30 }] });

let t: TestApp;
let seller: Session, buyer: Session, stranger: Session, admin: Session, company: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, stranger, admin, company] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
    registerUser(t, 'seller', 'enterprise'),
  ]);
});
afterAll(async () => {
  await t.close();
});

const dossier = (s: Session | null, dealId: string) =>
  t.request({ method: 'GET', url: `/api/deals/${dealId}/dossier`, ...(s ? { token: s.accessToken } : {}) });

describe('the pricing dossier (DOMAIN.md "Pricing routes")', () => {
  it("keeps a public institution's route, internal decision, appraisal, notice and objections in one PDF", async () => {
    const listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
    const deal = await openDeal(t, buyer, listing.id, 'transfer');
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: terms(28_000_000) });
    await sendOk(t, seller, deal.id, 'PROPOSE_TERMS', { terms: terms(30_000_000) });
    await sendOk(t, seller, deal.id, 'RECORD_PRICING_DECISION', {
      body: '石河子大学校长办公会',
      decidedOn: '2026-03-01',
      documentRef: '校办纪要〔2026〕12号',
      relatedParty: false,
      basis: { kind: 'appraisal', reference: '新天评报字〔2026〕第018号' },
    });
    await sendOk(t, buyer, deal.id, 'ACCEPT_TERMS');
    const board = (await t.request({ method: 'GET', url: '/api/notices?status=open&limit=100' })).json();
    const notice = board.items.find((n: { dealId: string }) => n.dealId === deal.id);
    const filed = await t.request({
      method: 'POST',
      url: `/api/notices/${notice.id}/objections`,
      token: stranger.accessToken,
      payload: { reason: '转让价格低于市场行情' },
    });
    await sendOk(t, admin, deal.id, 'ANSWER_OBJECTION', {
      objectionId: filed.json().id,
      decision: 'dismissed',
      reason: '价格以资产评估报告为依据',
    });
    t.clock.advanceDays(15);
    await fireDueTimers(t.ctx);

    expect((await dossier(null, deal.id)).statusCode).toBe(401);
    expect((await dossier(stranger, deal.id)).statusCode).toBe(404);
    for (const who of [seller, buyer, admin]) {
      const res = await dossier(who, deal.id);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
    }
    const res = await dossier(buyer, deal.id);
    const text = (await readPdf(res.rawPayload)).pages.map((p) => p.text).join('');
    for (const expected of [
      '定价过程记录',
      listing.title,
      listing.registrationNo,
      seller.user.organization.name,
      buyer.user.organization.name,
      '协议定价，经公示',
      '¥300,000.00',
      '石河子大学校长办公会',
      '2026-03-01',
      '校办纪要〔2026〕12号',
      '资产评估报告',
      '新天评报字〔2026〕第018号',
      '¥280,000.00',
      '转让价格低于市场行情',
      '价格以资产评估报告为依据',
      '公示期满',
    ])
      expect(text, expected).toContain(squash(expected));
    // The objector is not named in the dossier either.
    expect(text).not.toContain(squash(stranger.user.organization.name));
    // The same record gives the same bytes.
    expect((await dossier(admin, deal.id)).rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it("says a company's negotiated price needed no notice", async () => {
    const listing = await createListing(t, company, { publishWith: admin, body: { ndaRequired: false } });
    const deal = await openDeal(t, buyer, listing.id, 'transfer');
    await sendOk(t, company, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', { terms: terms(10_000_000) });
    expect((await sendOk(t, company, deal.id, 'ACCEPT_TERMS')).state).toBe('contracting.awaitingBoth');
    const text = (await readPdf((await dossier(company, deal.id)).rawPayload)).pages.map((p) => p.text).join('');
    expect(text).toContain(squash('协商定价（成果方非事业单位，无需公示）'));
    expect(text).toContain(squash('未登记 Not recorded'));
  });
});
