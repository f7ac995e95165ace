import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFetch, json, renderApp } from '../testing/app.js';
import { logIn, person } from '../testing/fixtures.js';
import { validateBilling } from './BillingForm.js';

const ORG = { id: 'org_seller', name: '石河子大学', type: 'university' as const };
const member = (orgRole: 'manager' | 'member') => ({
  userId: 'usr_seller',
  name: 'seller 用户',
  email: 'seller@example.cn',
  role: 'seller',
  orgRole,
  signatory: orgRole === 'manager',
});
const EMPTY = { organizationId: ORG.id, taxId: null, bankName: null, bankAccount: null, bankAccountName: null };

afterEach(() => vi.restoreAllMocks());

describe('validateBilling (PUT /api/organizations/:id/billing, mirrored)', () => {
  it.each([
    [{ taxId: '91110000802100433B', bankName: '工行', bankAccount: '6222 0200 1234', bankAccountName: '某单位' }, {}],
    [
      { taxId: '91110000802100433A', bankName: ' ', bankAccount: '6222-0200-1234', bankAccountName: '某单位' },
      { taxId: 'billing.badTaxId', bankName: 'form.required', bankAccount: 'billing.badAccount' },
    ],
  ])('%j → %j', (values, expected) => {
    expect(Object.fromEntries(Object.entries(validateBilling(values)).map(([k, v]) => [k, v!.key]))).toEqual(expected);
  });
});

describe('billing details on the organization page', () => {
  it('lets a manager save them, sending the account with its spaces for the server to normalize', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('seller', ORG));
      if (req.path.endsWith('/members')) return json(200, { items: [member('manager')] });
      if (req.path.endsWith('/billing') && req.method === 'PUT')
        return json(200, { ...EMPTY, ...(req.body as object), bankAccount: '3006021109024500123' });
      if (req.path.endsWith('/billing')) return json(200, EMPTY);
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/organization');
    const form = await screen.findByRole('form', { name: '开票与收款信息' });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    type('统一社会信用代码（纳税人识别号）', '91110000802100433A');
    type('开户行', '中国工商银行石河子分行');
    type('账号', '3006 0211 0902 4500 123');
    type('户名', '石河子大学');
    fireEvent.click(within(form).getByRole('button', { name: '保存收款信息' }));
    expect(await within(form).findByText('请输入 18 位统一社会信用代码')).toBeTruthy();
    expect(sent.some((r) => r.method === 'PUT')).toBe(false);

    type('统一社会信用代码（纳税人识别号）', '91110000802100433B');
    fireEvent.click(within(form).getByRole('button', { name: '保存收款信息' }));
    expect((await within(form).findByRole('status')).textContent).toBe('收款信息已保存。');
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({
      taxId: '91110000802100433B',
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006 0211 0902 4500 123',
      bankAccountName: '石河子大学',
    });
  });

  it('shows a plain member the details without a form', async () => {
    logIn();
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('seller', ORG));
      if (req.path.endsWith('/members')) return json(200, { items: [member('member')] });
      if (req.path.endsWith('/billing')) return json(200, { ...EMPTY, bankAccount: '3006021109024500123' });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/organization');
    expect(await screen.findByText('只有本单位管理员可以修改收款信息。')).toBeTruthy();
    expect(screen.getByText('3006 0211 0902 4500 123')).toBeTruthy();
    expect(screen.queryByRole('form', { name: '开票与收款信息' })).toBeNull();
  });
});
