import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invoice } from '../api/types.js';
import { validatePayment } from '../invoices/PaymentForm.js';
import { logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const party = (organizationId: string, name: string) => ({
  organizationId,
  name,
  taxId: null,
  address: null,
  bankName: null,
  bankAccount: null,
});
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
      description: '技术许可入门费 Upfront licence fee',
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
  issuedAt: '2026-03-05T00:00:00Z',
  dueAt: '2026-04-04T00:00:00Z',
  paid: 0,
  balance: 12_000_000,
  vouchers: [],
  payments: [],
  payeeAccount: {
    bankName: '中国工商银行石河子分行',
    bankAccount: '3006021109024500123',
    bankAccountName: '石河子大学',
  },
  advices: [],
  voidReason: null,
  voidedAt: null,
};

afterEach(() => vi.restoreAllMocks());

describe('validatePayment (POST /api/invoices/:id/payments, mirrored)', () => {
  it.each([
    [{ amount: '120,000', reference: 'B-1', paidOn: '2026-03-06' }, {}],
    [{ amount: '120,000.01', reference: 'B-1', paidOn: '2026-03-06' }, { amount: 'payment.overBalance' }],
    [{ amount: '0', reference: 'B-1', paidOn: '2026-03-06' }, { amount: 'terms.moneyPositive' }],
    [
      { amount: '1', reference: '  ', paidOn: '2026-03-07' },
      { reference: 'form.required', paidOn: 'event.dateFuture' },
    ],
  ])('%j → %j', (values, expected) => {
    const found = validatePayment(values, 12_000_000, '2026-03-06');
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v!.key]))).toEqual(expected);
  });
});

describe('Invoices page', () => {
  it('downloads the PDF with the bearer token and names it by its number', async () => {
    logIn();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:invoice';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const sent = installFetch((req) => {
      if (req.path === '/api/me')
        return json(200, person('buyer', { id: 'org_buyer', name: '节水农业公司', type: 'enterprise' }));
      if (req.path === '/api/invoices') return json(200, { items: [invoice], nextCursor: null });
      if (req.path === '/api/invoices/inv_1/pdf')
        return new Response('%PDF-1.7 test', { status: 200, headers: { 'content-type': 'application/pdf' } });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/invoices?direction=received');
    const card = (await screen.findByRole('heading', { name: 'INV-2026-000001 · 入门费' })).closest('article')!;
    expect(within(card).getAllByText('¥120,000.00').length).toBeGreaterThan(0);
    // The exempt licence fee says 免税 in its rate and tax cells, never 0%.
    expect(within(card).getAllByText('免税')).toHaveLength(2);
    expect(within(card).queryByText('0%')).toBeNull();
    expect(within(card).queryByRole('button', { name: '登记收款' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: '下载发票 INV-2026-000001 的 PDF' }));
    await waitFor(() => expect(clicks).toEqual(['INV-2026-000001.pdf']));
    expect(await created[0].text()).toBe('%PDF-1.7 test');
    const pdf = sent.find((r) => r.path === '/api/invoices/inv_1/pdf')!;
    expect(pdf.auth).toBe('Bearer acc');
    expect(sent.find((r) => r.path === '/api/invoices')?.query.get('direction')).toBe('received');
  });

  it('lets the issuer record a payment within the balance', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me')
        return json(200, person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' }));
      if (req.path === '/api/invoices') return json(200, { items: [invoice], nextCursor: null });
      if (req.path === '/api/invoices/inv_1/payments')
        return json(200, { ...invoice, status: 'paid', paid: 12_000_000, balance: 0 });
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/invoices');
    fireEvent.click(await screen.findByRole('button', { name: '登记收款' }));
    const form = screen.getByRole('form', { name: '登记发票 INV-2026-000001 的收款' });
    fireEvent.change(within(form).getByLabelText('银行流水号'), { target: { value: 'ICBC-20260306-01' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记收款' }));
    expect(await screen.findByText('已付清')).toBeTruthy();
    const body = sent.find((r) => r.path === '/api/invoices/inv_1/payments')!.body as Record<string, unknown>;
    expect(body).toMatchObject({ amount: 12_000_000, reference: 'ICBC-20260306-01' });
    expect(String(body.paidAt)).toMatch(/^\d{4}-\d{2}-\d{2}T16:00:00.000Z$/);
  });
});
