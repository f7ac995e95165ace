import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invoice, PaymentAdvice } from '../api/types.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';

// Paying an invoice (issue #22): the payee's account, the payer's advice, the payee's decision.

const party = (organizationId: string, name: string) => ({
  organizationId,
  name,
  taxId: null,
  address: null,
  bankName: null,
  bankAccount: null,
});
const ACCOUNT = {
  bankName: '中国工商银行石河子分行',
  bankAccount: '3006021109024500123',
  bankAccountName: '石河子大学',
};
const invoice: Invoice = {
  id: 'inv_1',
  number: 'INV-2026-000001',
  kind: 'upfront_fee',
  dealId: 'dl_1',
  ref: 'upfront',
  replacesInvoiceId: null,
  issuer: party('org_seller', '石河子大学'),
  recipient: party('org_buyer', '节水农业公司'),
  lines: [
    {
      kind: 'license_fee',
      description: '技术许可入门费',
      amount: 12_000_000,
      taxTreatment: 'exempt',
      taxRateBp: 0,
      taxAmount: 0,
    },
  ],
  subtotal: 12_000_000,
  tax: 0,
  total: 12_000_000,
  currency: 'CNY',
  status: 'issued',
  // 01:00 on 5 March in China, still 4 March in UTC (the zone these tests run in).
  issuedAt: '2026-03-04T17:00:00.000Z',
  dueAt: '2026-04-04T15:59:59.000Z',
  paid: 0,
  balance: 12_000_000,
  vouchers: [],
  payments: [],
  payeeAccount: ACCOUNT,
  advices: [],
  voidReason: null,
  voidedAt: null,
};
const pending: PaymentAdvice = {
  id: 'adv_1',
  amount: 12_000_000,
  paidOn: '2026-03-06',
  reference: 'ABC-20260306',
  status: 'pending',
  receipt: null,
  disputeReason: null,
  paymentId: null,
  submittedAt: '2026-03-06T02:00:00.000Z',
  decidedAt: null,
};
const buyer = () => person('buyer', { id: 'org_buyer', name: '节水农业公司', type: 'enterprise' });
const seller = () => person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' });

afterEach(() => vi.restoreAllMocks());

describe('paying an invoice', () => {
  it("shows the payee's account and China dates, and sends the payer's advice with its receipt", async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, buyer());
      if (req.path === '/api/invoices') return json(200, { items: [invoice], nextCursor: null });
      if (req.path === '/api/invoices/inv_1/receipts')
        return json(201, { id: 'rcp_1', filename: 'slip.pdf', mimeType: 'application/pdf', size: 9, createdAt: '' });
      if (req.path === '/api/invoices/inv_1/advices') return json(201, { ...invoice, advices: [pending] });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/invoices');
    const card = (await screen.findByRole('heading', { name: /INV-2026-000001/ })).closest('article')!;
    const account = within(card).getByLabelText('收款账户');
    expect(account.textContent).toContain('石河子大学');
    expect(account.textContent).toContain('3006 0211 0902 4500 123');
    expect(within(card).getByText('2026年3月5日')).toBeTruthy();
    expect(within(card).getByText('待付款')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '我已付款' }));
    const form = screen.getByRole('form', { name: '发送发票 INV-2026-000001 的付款通知' });
    fireEvent.click(within(form).getByRole('button', { name: '发送付款通知' }));
    // A reference is required: nothing is sent without it.
    expect(await within(form).findByText('此项为必填项')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/invoices/inv_1/advices')).toBe(false);

    fireEvent.change(within(form).getByLabelText('银行流水号'), { target: { value: 'ABC-20260306' } });
    const slip = new File(['%PDF-1.4'], 'slip.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText(/付款回单/), { target: { files: [slip] } });
    fireEvent.click(within(form).getByRole('button', { name: '发送付款通知' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', '付款通知已发送，等待收款方确认到账。');
    const advice = sent.find((r) => r.path === '/api/invoices/inv_1/advices')!;
    expect(advice.body).toMatchObject({ amount: 12_000_000, reference: 'ABC-20260306', receiptId: 'rcp_1' });
    expect(advice.headers.get('idempotency-key')).toBeTruthy();
    expect(sent.findIndex((r) => r.path.endsWith('/receipts'))).toBeLessThan(sent.indexOf(advice));
    expect(within(card).getByText('待收款方确认')).toBeTruthy();
  });

  it('says plainly when the payee has no account yet', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, buyer());
      if (req.path === '/api/invoices')
        return json(200, { items: [{ ...invoice, payeeAccount: null }], nextCursor: null });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/invoices');
    expect(await screen.findByText('收款方尚未登记收款账户，请先联系收款方确认账户后再付款')).toBeTruthy();
  });

  it('lets the payee confirm a pending advice, and says the payment is recorded', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, seller());
      if (req.path === '/api/invoices')
        return json(200, { items: [{ ...invoice, advices: [pending] }], nextCursor: null });
      if (req.path === '/api/invoices/inv_1/advices/adv_1/confirm')
        return json(200, {
          ...invoice,
          status: 'paid',
          paid: 12_000_000,
          balance: 0,
          advices: [{ ...pending, status: 'confirmed', paymentId: 'pay_1' }],
        });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/invoices');
    expect(await screen.findByText('2026年3月6日')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '我已付款' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '确认到账' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已确认到账，收款已登记。'));
    expect(sent.filter((r) => r.path.endsWith('/confirm'))).toHaveLength(1);
    expect(screen.getByText('已确认到账')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认到账' })).toBeNull();
  });
});
