import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoicePayments } from '../../../src/db/schema/invoices.js';
import { notifications } from '../../../src/db/schema/listings.js';
import { auditLog } from '../../../src/db/schema/platform.js';
import { paymentAdvices } from '../../../src/db/schema/payment-advices.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { drainOutbox } from '../../helpers/outbox.js';
import { multipart } from '../../helpers/security/multipart.js';
import { dealWithParties, issue, licenceFee, type DealParties } from './fixtures.js';

// 付款通知 (issue #22): the payer says it paid; the payee confirms (through the one payment path) or disputes.

let t: TestApp;
let admin: Session;
let p: DealParties;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
  p = await dealWithParties(t, admin);
});
afterAll(async () => {
  await t.close();
});

const TOTAL = 12_345_678;
const advise = (id: string, body: object, s: Session = p.buyer) =>
  t.request({ method: 'POST', url: `/api/invoices/${id}/advices`, token: s.accessToken, payload: body });
const decide = (id: string, adviceId: string, verb: 'confirm' | 'dispute', s: Session = p.seller, body?: object) =>
  t.request({
    method: 'POST',
    url: `/api/invoices/${id}/advices/${adviceId}/${verb}`,
    token: s.accessToken,
    ...(body ? { payload: body } : {}),
  });
let refs = 0;
const advice = (amount: number, extra: object = {}) => ({
  amount,
  paidOn: '2026-03-02', // the test clock is 2026-03-02T08:00Z, 16:00 China time
  reference: `ABC${Date.now()}${++refs}`,
  ...extra,
});
const kinds = async (userId: string) =>
  (await t.ctx.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
const advicesOf = (invoiceId: string) =>
  t.ctx.db.select().from(paymentAdvices).where(eq(paymentAdvices.invoiceId, invoiceId));

describe('payment advices', () => {
  it('lets the payer advise a payment with a receipt; the payee confirms it and the payment is recorded once', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const pdf = Buffer.from('%PDF-1.4\n% bank slip\n');
    const up = await t.request({
      method: 'POST',
      url: `/api/invoices/${inv.id}/receipts`,
      token: p.buyer.accessToken,
      ...multipart('回单.pdf', pdf),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ filename: '回单.pdf', mimeType: 'application/pdf', size: pdf.length });

    const body = advice(2_345_678, { receiptId: up.json().id });
    const sent = await advise(inv.id, body);
    expect(sent.statusCode).toBe(201);
    const [a] = sent.json().advices;
    expect(a).toMatchObject({ amount: 2_345_678, paidOn: '2026-03-02', status: 'pending', paymentId: null });
    expect(a.receipt).toMatchObject({ filename: '回单.pdf', mimeType: 'application/pdf' });
    expect(sent.json()).toMatchObject({ status: 'issued', paid: 0, balance: TOTAL });

    const receipt = await t.request({
      method: 'GET',
      url: `/api/invoices/${inv.id}/advices/${a.id}/receipt`,
      token: p.seller.accessToken,
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.rawPayload.equals(pdf)).toBe(true);

    const ok = await decide(inv.id, a.id, 'confirm');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'partially_paid', paid: 2_345_678, balance: TOTAL - 2_345_678 });
    const confirmed = ok.json().advices[0];
    expect(confirmed.status).toBe('confirmed');
    // Recorded as the payments path records it: the reference, dated at 00:00 China time of the day given.
    expect(ok.json().payments).toEqual([
      expect.objectContaining({
        id: confirmed.paymentId,
        amount: 2_345_678,
        reference: body.reference,
        paidAt: '2026-03-01T16:00:00.000Z',
      }),
    ]);

    // Repeating the confirm is harmless: still one payment, the same figures.
    const again = await decide(inv.id, a.id, 'confirm');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ paid: 2_345_678, payments: [expect.any(Object)] });
    expect(await t.ctx.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))).toHaveLength(1);

    // Disputing a confirmed advice is a stable 409 that changes nothing.
    const late = await decide(inv.id, a.id, 'dispute', p.seller, { reason: '未到账' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ADVICE_CONFIRMED');
    expect((await advicesOf(inv.id))[0]).toMatchObject({ status: 'confirmed', disputeReason: null });

    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, inv.id))).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invoice.receipt_uploaded',
        'invoice.advice_submitted',
        'invoice.payment_recorded',
        'invoice.advice_confirmed',
      ]),
    );
    await drainOutbox(t.ctx);
    expect(await kinds(p.seller.user.id)).toContain('invoice.advice_submitted');
    expect(await kinds(p.buyer.user.id)).toContain('invoice.advice_confirmed');
    const [told] = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, p.buyer.user.id))
      .then((rows) => rows.filter((n) => n.kind === 'invoice.advice_confirmed'));
    expect(told.link).toBe(`/invoices/${inv.id}`);
  });

  it('lets the payee dispute an advice with a reason; a repeat is harmless, a later confirm a 409', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const a = (await advise(inv.id, advice(1_000))).json().advices[0];
    const noReason = await decide(inv.id, a.id, 'dispute', p.seller, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);

    const d = await decide(inv.id, a.id, 'dispute', p.seller, { reason: '银行流水中未见此笔款项' });
    expect(d.statusCode).toBe(200);
    expect(d.json().advices[0]).toMatchObject({ status: 'disputed', disputeReason: '银行流水中未见此笔款项' });
    expect((await decide(inv.id, a.id, 'dispute', p.seller, { reason: 'again' })).json().advices[0]).toMatchObject({
      status: 'disputed',
      disputeReason: '银行流水中未见此笔款项',
    });
    const c = await decide(inv.id, a.id, 'confirm');
    expect(c.statusCode).toBe(409);
    expect(c.json().code).toBe('ADVICE_DISPUTED');
    expect(c.headers['content-type']).toContain('application/problem+json');
    expect(
      (await t.request({ method: 'GET', url: `/api/invoices/${inv.id}`, token: p.buyer.accessToken })).json(),
    ).toMatchObject({ paid: 0, payments: [] });
    await drainOutbox(t.ctx);
    expect(await kinds(p.buyer.user.id)).toContain('invoice.advice_disputed');
  });

  it('refuses an advice above the open balance, a future date, a bad receipt, and a settled invoice', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const over = await advise(inv.id, advice(TOTAL + 1));
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'ADVICE_EXCEEDS_BALANCE', balance: TOTAL });
    expect((await advise(inv.id, advice(1, { paidOn: '2026-03-03' }))).json().code).toBe('VALIDATION_FAILED');
    expect((await advise(inv.id, advice(1, { paidOn: '2026-02-30' }))).statusCode).toBe(400);
    expect((await advise(inv.id, { ...advice(1), amount: 1.5 })).statusCode).toBe(400);
    const foreign = await advise(inv.id, advice(1, { receiptId: 'rcp_doesnotexist000000000' }));
    expect(foreign.json().code).toBe('VALIDATION_FAILED');
    const exe = await t.request({
      method: 'POST',
      url: `/api/invoices/${inv.id}/receipts`,
      token: p.buyer.accessToken,
      ...multipart('slip.pdf', Buffer.from('MZ\x90\x00 not a pdf')),
    });
    expect(exe.statusCode).toBe(415);
    expect(await advicesOf(inv.id)).toHaveLength(0);

    // Paid in full (by the issuer's own record): nothing is owed, so there is nothing to advise.
    const all = await advise(inv.id, advice(TOTAL));
    await decide(inv.id, all.json().advices[0].id, 'confirm');
    const settled = await advise(inv.id, advice(1));
    expect(settled.statusCode).toBe(409);
    expect(settled.json().code).toBe('INVALID_TRANSITION');
  });

  it('lets only the payer advise and only the payee or an admin decide; strangers are told 404', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    expect((await advise(inv.id, advice(1), p.seller)).statusCode).toBe(403);
    expect((await advise(inv.id, advice(1), admin)).statusCode).toBe(403);
    expect((await advise(inv.id, advice(1), p.stranger)).statusCode).toBe(404);
    const a = (await advise(inv.id, advice(5_000))).json().advices[0];
    expect((await decide(inv.id, a.id, 'confirm', p.buyer)).statusCode).toBe(403);
    expect((await decide(inv.id, a.id, 'dispute', p.buyer, { reason: 'x' })).statusCode).toBe(403);
    expect((await decide(inv.id, a.id, 'confirm', p.stranger)).statusCode).toBe(404);
    expect((await decide(inv.id, 'adv_doesnotexist000000000', 'confirm')).statusCode).toBe(404);
    const receipt = await t.request({
      method: 'GET',
      url: `/api/invoices/${inv.id}/advices/${a.id}/receipt`,
      token: p.stranger.accessToken,
    });
    expect(receipt.statusCode).toBe(404);
    expect((await advicesOf(inv.id))[0].status).toBe('pending');
    const byAdmin = await decide(inv.id, a.id, 'confirm', admin);
    expect(byAdmin.json()).toMatchObject({ paid: 5_000, advices: [{ status: 'confirmed' }] });
  });
});
