import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, registerUser } from '../../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { TAX_RATES_BP: 'brokerage=300,license_fee=500' } });
});
afterAll(async () => {
  await t.close();
});

describe('tax rates are configuration', () => {
  it('prices a brokerage line and a technology line of no registered contract at the configured rates', async () => {
    const [admin, agency, seller] = await Promise.all([
      adminSession(t),
      registerUser(t, 'broker'),
      registerUser(t, 'seller'),
    ]);
    const res = await t.request({
      method: 'POST',
      url: '/api/invoices',
      token: admin.accessToken,
      payload: {
        issuerOrganizationId: agency.user.organization.id,
        recipientOrganizationId: seller.user.organization.id,
        lines: [
          { kind: 'brokerage', description: '技术经纪服务费', amount: 100_050 },
          { kind: 'license_fee', description: '许可费', amount: 1_000 },
        ],
        dueAt: '2026-04-30T00:00:00.000Z',
      },
    });
    expect(res.statusCode).toBe(201);
    const lines = res.json().lines;
    // 3% of 1,000.50 yuan = 30.015 yuan → 3,002 fen (half up, per line)
    expect(lines[0]).toMatchObject({ taxRateBp: 300, taxAmount: 3_002 });
    // No deal, so no registered contract: the licence fee is standard, at the configured 5%.
    expect(lines[1]).toMatchObject({ taxTreatment: 'standard', taxRateBp: 500, taxAmount: 50 });
    expect(res.json().total).toBe(100_050 + 3_002 + 1_000 + 50);
  });
});
