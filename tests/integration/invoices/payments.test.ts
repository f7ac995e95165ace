import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoicePayments, invoices } from '../../../src/db/schema/invoices.js';
import { auditLog, timers } from '../../../src/db/schema/platform.js';
import { INVOICE_PAID, type PaidInvoice } from '../../../src/invoices/events.js';
import { invoiceTimer } from '../../../src/invoices/overdue.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, testHook, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { dealWithParties, issue, licenceFee, payment, type DealParties } from './fixtures.js';

let t: TestApp;
let admin: Session;
let p: DealParties;
const paidHook = testHook<PaidInvoice>(INVOICE_PAID);
const onInvoicePaid = paidHook.listen;
beforeAll(async () => {
  t = await buildTestApp({ features: [paidHook.feature] });
  admin = await adminSession(t);
  p = await dealWithParties(t, admin);
});
afterAll(async () => {
  await t.close();
});

const pay = (id: string, body: unknown, s: Session = p.seller, headers: Record<string, string> = {}) =>
  t.request({
    method: 'POST',
    url: `/api/invoices/${id}/payments`,
    token: s.accessToken,
    payload: body as object,
    headers,
  });
const get = (id: string, s: Session = p.seller) =>
  t.request({ method: 'GET', url: `/api/invoices/${id}`, token: s.accessToken });
const voidIt = (id: string, reason: unknown, s: Session = admin) =>
  t.request({ method: 'POST', url: `/api/invoices/${id}/void`, token: s.accessToken, payload: { reason } });
const timerOf = async (id: string) =>
  (
    await t.ctx.db
      .select()
      .from(timers)
      .where(and(eq(timers.subject, 'invoice'), eq(timers.subjectId, id)))
  )[0];

describe('payments', () => {
  it('moves issued → partially_paid → paid, and tells the paid listeners once, inside the payment', async () => {
    const paid: PaidInvoice[] = [];
    const stop = onInvoicePaid(async (_ctx, tx, invoice) => {
      // Inside the paying transaction: the row already reads as paid.
      const [row] = await tx.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoice.id));
      expect(row.status).toBe('paid');
      paid.push(invoice);
    });
    try {
      const inv = await issue(t, p.deal, licenceFee(t, { ref: 'royalty:2026Q1' }));
      const first = await pay(inv.id, payment(t, 2_345_678));
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ status: 'partially_paid', paid: 2_345_678, balance: 10_000_000 });
      expect(paid).toHaveLength(0);

      const second = await pay(inv.id, payment(t, 10_000_000, 'ICBC-FINAL-0001'));
      expect(second.json()).toMatchObject({ status: 'paid', paid: 12_345_678, balance: 0 });
      expect(second.json().payments.map((x: { amount: number; reference: string }) => [x.amount, x.reference])).toEqual(
        [
          [2_345_678, expect.any(String)],
          [10_000_000, 'ICBC-FINAL-0001'],
        ],
      );
      expect(paid).toEqual([
        {
          id: inv.id,
          number: inv.number,
          kind: 'upfront_fee',
          dealId: p.deal.id,
          ref: 'royalty:2026Q1',
          issuerOrganizationId: inv.issuer.organizationId,
          recipientOrganizationId: inv.recipient.organizationId,
          total: inv.total,
          paidAt: t.clock.now().toISOString(),
        },
      ]);
      expect((await timerOf(inv.id)).status).toBe('obsolete');
      const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, inv.id)).orderBy(auditLog.id);
      expect(trail.map((a) => a.action)).toEqual([
        'invoice.issued',
        'invoice.payment_recorded',
        'invoice.payment_recorded',
        'invoice.paid',
      ]);

      const more = await pay(inv.id, payment(t, 1));
      expect(more.statusCode).toBe(409);
      expect(more.json().code).toBe('INVALID_TRANSITION');
      expect(paid).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('refuses an overpayment and leaves the invoice as it was', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    await pay(inv.id, payment(t, 345_678));
    const before = (await get(inv.id)).json();
    const over = await pay(inv.id, payment(t, 12_000_001));
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'CONFLICT', balance: 12_000_000 });
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect((await get(inv.id)).json()).toEqual(before);
    expect(await t.ctx.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))).toHaveLength(1);
  });

  it('checks payments recorded at the same time against one balance: together never more than is owed', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const results = await Promise.all([pay(inv.id, payment(t, 7_000_000)), pay(inv.id, payment(t, 7_000_000))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await get(inv.id)).json()).toMatchObject({ status: 'partially_paid', paid: 7_000_000, balance: 5_345_678 });
  });

  it('replays a retried payment with the same Idempotency-Key: the first answer, one payment', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    const body = payment(t, 1_000_000);
    const headers = { 'idempotency-key': `pay-${inv.id}` };
    const first = await pay(inv.id, body, p.seller, headers);
    t.clock.advance(60_000);
    const retry = await pay(inv.id, body, p.seller, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await t.ctx.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))).toHaveLength(1);
    const otherBody = await pay(inv.id, { ...body, amount: 2 }, p.seller, headers);
    expect(otherBody.statusCode).toBe(409);
    expect((await get(inv.id)).json().paid).toBe(1_000_000);
  });

  it('lets only the issuer or an admin record, and checks what is recorded', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    expect((await pay(inv.id, payment(t, 100), p.buyer)).statusCode).toBe(403);
    expect((await pay(inv.id, payment(t, 100), p.stranger)).statusCode).toBe(404);
    expect((await pay(inv.id, payment(t, 100), admin)).json().paid).toBe(100);

    const future = await pay(inv.id, {
      ...payment(t, 100),
      paidAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future.json().errors).toEqual([{ path: 'body.paidAt', message: 'must not be in the future' }]);
    const twice = await pay(inv.id, payment(t, 100, 'SAME-REF-1'));
    expect(twice.statusCode).toBe(200);
    const again = await pay(inv.id, payment(t, 100, 'SAME-REF-1'));
    expect(again.statusCode).toBe(409);
    const invalid = await pay(inv.id, { amount: '100', reference: '', paidAt: 'yesterday' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.amount', 'body.paidAt', 'body.reference', 'body.reference']);
    expect((await pay(inv.id, payment(t, 0))).statusCode).toBe(400);
    expect((await get(inv.id)).json().paid).toBe(200);
  });

  it('rolls the payment back when a paid listener fails', async () => {
    const stop = onInvoicePaid(async () => {
      throw new Error('deal engine refused');
    });
    try {
      const inv = await issue(t, p.deal, licenceFee(t));
      const res = await pay(inv.id, payment(t, inv.total));
      expect(res.statusCode).toBe(500);
      expect((await get(inv.id)).json()).toMatchObject({ status: 'issued', paid: 0 });
    } finally {
      stop();
    }
  });
});

describe('void', () => {
  it('voids with a reason (admin): kept and numbered, nothing owed, its timer cancelled; never twice', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    expect((await voidIt(inv.id, '金额有误', p.seller)).statusCode).toBe(403);
    expect((await voidIt(inv.id, '   ')).statusCode).toBe(400);
    const res = await voidIt(inv.id, '金额有误，将重新开具');
    expect(res.json()).toMatchObject({
      number: inv.number,
      status: 'void',
      balance: 0,
      total: inv.total,
      voidReason: '金额有误，将重新开具',
      voidedAt: t.clock.now().toISOString(),
    });
    expect((await timerOf(inv.id)).status).toBe('obsolete');
    expect((await voidIt(inv.id, 'again')).json().code).toBe('INVALID_TRANSITION');
    expect((await pay(inv.id, payment(t, 1))).json().code).toBe('INVALID_TRANSITION');
  });

  it('refuses to void once a payment is recorded', async () => {
    const inv = await issue(t, p.deal, licenceFee(t));
    await pay(inv.id, payment(t, 1_000));
    const res = await voidIt(inv.id, 'too late');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect((await get(inv.id)).json().status).toBe('partially_paid');
  });
});

describe('overdue', () => {
  it('marks owed invoices overdue when due passes, keeps them so until paid, and leaves paid and void ones alone', async () => {
    const owed = await issue(t, p.deal, licenceFee(t));
    const partly = await issue(t, p.deal, licenceFee(t));
    const settled = await issue(t, p.deal, licenceFee(t));
    const voided = await issue(t, p.deal, licenceFee(t));
    await pay(partly.id, payment(t, 100));
    await pay(settled.id, payment(t, settled.total));
    await voidIt(voided.id, 'duplicate');

    t.clock.advanceDays(29);
    await fireDueTimers(t.ctx);
    expect((await get(owed.id)).json().status).toBe('issued');
    t.clock.advanceDays(2);
    await fireDueTimers(t.ctx);
    const status = async (id: string) => (await get(id)).json().status;
    expect([await status(owed.id), await status(partly.id), await status(settled.id), await status(voided.id)]).toEqual(
      ['overdue', 'overdue', 'paid', 'void'],
    );
    expect((await timerOf(owed.id)).status).toBe('fired');

    const part = await pay(owed.id, payment(t, 1_000));
    expect(part.json()).toMatchObject({ status: 'overdue', paid: 1_000 });
    expect((await pay(owed.id, payment(t, owed.total - 1_000))).json().status).toBe('paid');

    // A timer that reaches a paid or void invoice is obsolete and changes nothing.
    for (const inv of [settled, voided]) {
      const outcome = await t.ctx.db.transaction((tx) =>
        invoiceTimer(t.ctx, tx, {
          id: 'tmr_x',
          subject: 'invoice',
          subjectId: inv.id,
          name: 'overdue',
          payload: {},
          dueAt: inv.dueAt,
          expectVersion: null,
        }),
      );
      expect(outcome).toBe('obsolete');
    }
    expect([await status(settled.id), await status(voided.id)]).toEqual(['paid', 'void']);
  });
});
