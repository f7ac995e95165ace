import { chinaDate } from '../../../src/shared/china-time.js';
import type { TestApp } from '../../helpers/app.js';
import { LICENSE_TERMS, openDeal, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, unique, type Session } from '../../helpers/factories.js';

/**
 * A small market built through the API, with every figure the reports compute known by hand (DATASET_FIGURES).
 * Timeline (TestClock starts 2026-03-02T08:00Z):
 * - day 0: seller A (an enterprise) has L1 (modern agriculture, TRL 7) and L2 (new energy, TRL 5) published, L3
 *   (new materials, TRL 3) in draft and L4 (smart city, TRL 6) submitted; university U has L5 (modern
 *   agriculture, TRL 4) published. B1 and B2 open six deals: D1 licence L1 (B1), D2 transfer L2 (B1),
 *   D3 cooperation L1 (B2), D4 equity L2 (B2), D5 licence L2 (B2, declined at once), D6 transfer L1 (B2, left in
 *   inquiry).
 * - day 1: D1 signed (upfront-fee invoice 200,000.00); paid on 2026-02-28T16:30Z (1 March in China); registered.
 * - day 3: D2 signed (instalments 40,000.00 + 60,000.00); B1's voucher (10,000.00) pays 4,000.00 of the first
 *   and 5,000.00 of the second.
 * - day 6: D3 signed (budget 30,000.00) and registered; D4 signed (valuation 50,000.00) and registered.
 * - 2026-04-10: the rest of D2's first instalment (36,000.00) paid; D2 registered.
 */
export interface Dataset {
  admin: Session;
  sellerA: Session;
  university: Session;
  institute: Session;
  broker: Session;
  b1: Session;
  b2: Session;
  deals: Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6', string>;
  /** D2's second instalment invoice (carries 5,000.00 of B1's voucher). */
  secondInstalmentId: string;
  registrationNos: Record<'d1' | 'd2' | 'd3' | 'd4', string>;
}

// Registration numbers that a spreadsheet would run as formulas, with a comma and quotes to force RFC 4180 quoting.
export const REGISTRATION_NOS = {
  d1: '6590012026000101',
  d2: '=1+2,"x"',
  d3: '6590012026000103',
  d4: '@2026-004',
} as const;

/** Registries the dataset's contracts were registered with; the second starts with a formula character. */
export const REGISTRIES = {
  d1: '兵团技术市场',
  d2: '+石河子技术市场',
  d3: '兵团技术市场',
  d4: '兵团技术市场',
} as const;
/** Certified technology income (认定技术交易额) per registered deal, fen. */
export const CERTIFIED_INCOMES = { d1: 9_000_000, d2: 10_000_000, d3: 3_000_000, d4: 5_000_000 } as const;

export async function buildDataset(t: TestApp): Promise<Dataset> {
  // Registered today by the registry, for the certified income above.
  const registration = (deal: keyof typeof REGISTRATION_NOS) => ({
    registrationNo: REGISTRATION_NOS[deal],
    registry: REGISTRIES[deal],
    registeredOn: chinaDate(t.clock.now()),
    certifiedIncome: CERTIFIED_INCOMES[deal],
  });
  const admin = await adminSession(t);
  const [sellerA, university, institute, broker] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'seller', 'university'),
    registerUser(t, 'buyer', 'institute'),
    registerUser(t, 'broker'),
  ]);
  // B1's name starts with a formula character and holds a comma and quotes: the CSV must neither run nor split it.
  const b1 = await registerUser(t, 'buyer', 'enterprise', {
    organization: { name: `+天山"节水",科技 ${unique('b')}`, type: 'enterprise' },
  });
  const b2 = await registerUser(t, 'buyer', 'enterprise');
  const publish = (seller: Session, body: Record<string, unknown>) =>
    createListing(t, seller, { publishWith: admin, body: { ndaRequired: false, ...body } });
  const l1 = await publish(sellerA, {
    field: 'modern_agriculture',
    trl: 7,
    dealTypes: ['license', 'transfer', 'cooperation'],
  });
  const l2 = await publish(sellerA, { field: 'new_energy', trl: 5, dealTypes: ['license', 'transfer', 'equity'] });
  await createListing(t, sellerA, { body: { field: 'new_materials', trl: 3 } });
  const l4 = await createListing(t, sellerA, { body: { field: 'smart_city', trl: 6 } });
  await expectOk(t.request({ method: 'POST', url: `/api/listings/${l4.id}/submit`, token: sellerA.accessToken }));
  await publish(university, { field: 'modern_agriculture', trl: 4 });

  const d1 = (await openDeal(t, b1, l1.id, 'license')).id;
  const d2 = (await openDeal(t, b1, l2.id, 'transfer')).id;
  const d3 = (await openDeal(t, b2, l1.id, 'cooperation')).id;
  const d4 = (await openDeal(t, b2, l2.id, 'equity')).id;
  const d5 = (await openDeal(t, b2, l2.id, 'license')).id;
  const d6 = (await openDeal(t, b2, l1.id, 'transfer')).id;
  await sendOk(t, sellerA, d5, 'DECLINE', { reason: '已独家许可他方' });

  const agreeAndSign = async (buyer: Session, dealId: string, terms: Record<string, unknown>) => {
    await sendOk(t, sellerA, dealId, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, dealId, 'PROPOSE_TERMS', { terms });
    await sendOk(t, sellerA, dealId, 'ACCEPT_TERMS');
  };
  const sign = async (buyer: Session, dealId: string) => {
    await sendOk(t, buyer, dealId, 'SIGN_CONTRACT');
    return sendOk(t, sellerA, dealId, 'SIGN_CONTRACT');
  };
  const invoicesOf = async (dealId: string) =>
    (await expectOk(t.request({ method: 'GET', url: `/api/invoices?dealId=${dealId}`, token: admin.accessToken })))
      .items as { id: string; total: number }[];

  t.clock.advanceDays(1);
  await agreeAndSign(b1, d1, { ...LICENSE_TERMS, upfrontFee: 20_000_000 });
  await sign(b1, d1);
  const [upfront] = await invoicesOf(d1);
  await expectOk(
    t.request({
      method: 'POST',
      url: `/api/invoices/${upfront.id}/payments`,
      token: sellerA.accessToken,
      payload: { amount: upfront.total, reference: 'ICBC-D1-1', paidAt: '2026-02-28T16:30:00Z' },
    }),
  );
  await sendOk(t, b1, d1, 'REGISTER_CONTRACT', registration('d1'));

  t.clock.advanceDays(2);
  await agreeAndSign(b1, d2, {
    price: 10_000_000,
    payments: [
      { name: '首付款', amount: 4_000_000, dueDays: 10 },
      { name: '尾款', amount: 6_000_000, dueDays: 200 },
    ],
  });
  await sign(b1, d2);
  const [first, second] = (await invoicesOf(d2)).sort((a, b) => a.total - b.total);
  const voucher = await expectOk(
    t.request({
      method: 'POST',
      url: '/api/vouchers',
      token: admin.accessToken,
      payload: {
        organizationId: b1.user.organization.id,
        amount: 1_000_000,
        expiresAt: '2027-12-31T00:00:00Z',
        serviceKinds: ['transfer_fee'],
      },
    }),
    201,
  );
  await expectOk(
    t.request({
      method: 'POST',
      url: `/api/invoices/${first.id}/vouchers`,
      token: b1.accessToken,
      payload: { voucherId: voucher.id, amount: 400_000 },
    }),
  );
  await expectOk(
    t.request({
      method: 'POST',
      url: `/api/invoices/${second.id}/vouchers`,
      token: b1.accessToken,
      payload: { voucherId: voucher.id, amount: 500_000 },
    }),
  );

  t.clock.advanceDays(3);
  await agreeAndSign(b2, d3, {
    scope: '研发南疆滴灌控制器',
    budget: 3_000_000,
    ipOwnership: 'joint',
    milestones: [{ name: '样机', amount: 3_000_000, deliverable: '样机及测试报告', dueDate: '2026-09-30' }],
  });
  await sign(b2, d3);
  await sendOk(t, b2, d3, 'REGISTER_CONTRACT', registration('d3'));
  await agreeAndSign(b2, d4, {
    valuation: 5_000_000,
    equityPercentBp: 1000,
    companyName: '石河子绿洲新能源有限公司',
    registeredCapital: 50_000_000,
    inventorRewardBp: 7000,
  });
  await sendOk(t, sellerA, d4, 'SUBMIT_APPRAISAL', {
    appraiser: '新疆天山资产评估有限公司',
    reportNo: '天山评报字〔2026〕第21号',
    appraisedValue: 5_000_000,
  });
  await sign(b2, d4);
  await sendOk(t, sellerA, d4, 'REGISTER_CONTRACT', registration('d4'));

  t.clock.set('2026-04-10T02:00:00Z');
  await expectOk(
    t.request({
      method: 'POST',
      url: `/api/invoices/${first.id}/payments`,
      token: sellerA.accessToken,
      payload: { amount: 3_600_000, reference: 'ICBC-D2-1', paidAt: t.clock.now().toISOString() },
    }),
  );
  await sendOk(t, sellerA, d2, 'REGISTER_CONTRACT', registration('d2'));

  return {
    admin,
    sellerA,
    university,
    institute,
    broker,
    b1,
    b2,
    deals: { d1, d2, d3, d4, d5, d6 },
    secondInstalmentId: second.id,
    registrationNos: { ...REGISTRATION_NOS },
  };
}

async function expectOk(res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json();
}
