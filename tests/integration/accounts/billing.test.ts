import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/db/schema/accounts.js';
import { auditLog } from '../../../src/db/schema/platform.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, registerUser, type Session } from '../../helpers/factories.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';
import { dealWithParties, issue, licenceFee } from '../invoices/fixtures.js';

// An organization's tax id and bank account (issue #22): managers set them, members and admins read them, and
// the invoices the organization issues show the account to the payer.

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await adminSession(t);
});
afterAll(async () => {
  await t.close();
});

const USCC = '91110000802100433B'; // a valid code (check character B)
const GOOD = {
  taxId: USCC,
  bankName: '中国工商银行石河子分行',
  bankAccount: '3006 0211 0902 4500 123',
  bankAccountName: '石河子大学',
};
const put = (orgId: string, body: object, s: Session) =>
  t.request({ method: 'PUT', url: `/api/organizations/${orgId}/billing`, token: s.accessToken, payload: body });
const get = (orgId: string, s: Session) =>
  t.request({ method: 'GET', url: `/api/organizations/${orgId}/billing`, token: s.accessToken });

describe('organization billing details', () => {
  it('lets a manager set them, stores the account as digits, and shows them to members and admins', async () => {
    const manager = await registerUser(t, 'seller');
    const org = manager.user.organization.id;
    expect((await get(org, manager)).json()).toMatchObject({ taxId: null, bankAccount: null, bankAccountName: null });
    const res = await put(org, { ...GOOD, taxId: USCC.toLowerCase() }, manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      organizationId: org,
      taxId: USCC,
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006021109024500123',
      bankAccountName: '石河子大学',
    });
    expect((await get(org, admin)).json().bankAccount).toBe('3006021109024500123');
    const [row] = await t.ctx.db.select().from(organizations).where(eq(organizations.id, org));
    expect(row).toMatchObject({ taxId: USCC, bankAccount: '3006021109024500123' });
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, org));
    expect(trail.map((r) => r.action)).toContain('organization.billing_updated');
  });

  it('refuses a malformed tax id or account number with field errors, changing nothing', async () => {
    const manager = await registerUser(t, 'seller');
    const org = manager.user.organization.id;
    await put(org, GOOD, manager);
    const cases: [object, string][] = [
      [{ ...GOOD, taxId: '91110000802100433A' }, 'body.taxId'], // wrong check character
      [{ ...GOOD, taxId: '9111000080210043' }, 'body.taxId'], // too short
      [{ ...GOOD, taxId: '9111000080210O433B' }, 'body.taxId'], // O is not in the code set
      [{ ...GOOD, bankAccount: '6222-0200-1234' }, 'body.bankAccount'],
      [{ ...GOOD, bankAccount: '1234 567' }, 'body.bankAccount'], // 7 digits
      [{ ...GOOD, bankAccountName: '   ' }, 'body.bankAccountName'],
    ];
    for (const [body, path] of cases) {
      const res = await put(org, body, manager);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().errors)).toContain(path);
    }
    expect((await get(org, manager)).json()).toMatchObject({ taxId: USCC, bankAccount: '3006021109024500123' });
  });

  it('lets only managers change them: an admin gets 403, an outsider 404 (members: the access matrix)', async () => {
    const manager = await registerUser(t, 'seller');
    const outsider = await registerUser(t, 'buyer');
    const org = manager.user.organization.id;
    await t.ctx.db.update(organizations).set({ bankName: 'unchanged' }).where(eq(organizations.id, org));
    expect((await put(org, GOOD, admin)).statusCode).toBe(403);
    expect((await put(org, GOOD, outsider)).statusCode).toBe(404);
    expect((await get(org, outsider)).statusCode).toBe(404);
    const [row] = await t.ctx.db.select().from(organizations).where(eq(organizations.id, org));
    expect(row.bankName).toBe('unchanged');
  });

  it("puts the payee's account on the invoice and its PDF, or says plainly there is none yet", async () => {
    const p = await dealWithParties(t, admin);
    // The seller has given no account yet (the fixture gives every party one).
    await t.ctx.db
      .update(organizations)
      .set({ bankName: null, bankAccount: null, bankAccountName: null })
      .where(eq(organizations.id, p.seller.user.organization.id));
    const inv = await issue(t, p.deal, licenceFee(t));
    const pdfText = async () => {
      const res = await t.request({ method: 'GET', url: `/api/invoices/${inv.id}/pdf`, token: p.buyer.accessToken });
      expect(res.statusCode).toBe(200);
      return (await readPdf(res.rawPayload)).pages.map((x) => x.text).join('');
    };
    const view = () => t.request({ method: 'GET', url: `/api/invoices/${inv.id}`, token: p.buyer.accessToken });
    expect((await view()).json().payeeAccount).toBeNull();
    const before = await pdfText();
    expect(before).toContain(squash('收款方尚未登记收款账户'));
    expect(before).not.toContain('请向收款方索取');

    expect((await put(p.seller.user.organization.id, GOOD, p.seller)).statusCode).toBe(200);
    expect((await view()).json().payeeAccount).toEqual({
      bankName: '中国工商银行石河子分行',
      bankAccount: '3006021109024500123',
      bankAccountName: '石河子大学',
    });
    const after = await pdfText();
    expect(after).toContain('户名Accountname石河子大学');
    expect(after).toContain('开户银行Bank中国工商银行石河子分行');
    expect(after).toContain('账号Accountnumber3006021109024500123');
    expect(after).toContain('待付款Awaitingpayment');
    expect(after).not.toContain('收款方尚未登记收款账户');
  });
});
