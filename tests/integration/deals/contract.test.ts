import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealDocuments, dealHistory, listings, organizations } from '../../../src/db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, LICENSE_TERMS, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { colleague } from '../../helpers/security/team-world.js';
import { readPdf, squash } from '../../unit/invoices/pdf-text.js';

let t: TestApp;
let seller: Session, buyer: Session, stranger: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  // An enterprise seller: no public notice stands between agreement and contracting.
  [seller, buyer, stranger, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

const contract = (s: Session, id: string) =>
  t.request({ method: 'GET', url: `/api/deals/${id}/contract`, token: s.accessToken });
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const pdfText = async (bytes: Buffer) => (await readPdf(bytes)).pages.map((p) => p.text).join('');

async function agreedLicence() {
  const listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
  const deal = await openDeal(t, buyer, listing.id, 'license');
  await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
  expect((await contract(buyer, deal.id)).statusCode).toBe(409); // no agreed terms yet
  await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', {
    terms: { ...LICENSE_TERMS, minimumAnnualRoyalty: 5_000_000 },
  });
  const agreed = await sendOk(t, seller, deal.id, 'ACCEPT_TERMS');
  expect(agreed.state).toBe('contracting.awaitingBoth');
  return { listing, deal };
}

const keptDocuments = (dealId: string) => t.ctx.db.select().from(dealDocuments).where(eq(dealDocuments.dealId, dealId));

describe('the contract document (DOMAIN.md "After agreement")', () => {
  it('is a PDF of the agreed terms in the model licence contract, named by the sha256 of its text', async () => {
    const { listing, deal } = await agreedLicence();
    const res = await contract(buyer, deal.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const hash = String(res.headers['x-contract-sha256']);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      '技术许可合同',
      `合同编号：${deal.id}`,
      `许可方）：${seller.user.organization.name}`,
      `被许可方）：${buyer.user.organization.name}`,
      listing.title,
      listing.registrationNo,
      'ZL201910123456.7',
      '独占许可',
      '新疆生产建设兵团',
      '棉花种植',
      '60个月',
      '入门费人民币200,000.00元',
      '净销售额的3%',
      '不低于人民币50,000.00元',
      '第一条名词和术语',
      '保密',
      '验收标准和方法',
      '第八百四十六条',
      '违约责任',
      '第八百七十五条',
      '争议解决',
    ])
      expect(text).toContain(squash(expected));
    // The same text downloads as the same bytes; the seller and the admin see the same contract; others 404.
    const again = await contract(seller, deal.id);
    expect(again.headers['x-contract-sha256']).toBe(hash);
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
    expect((await contract(admin, deal.id)).statusCode).toBe(200);
    expect((await contract(stranger, deal.id)).statusCode).toBe(404);
  });

  it('refuses a signature on a text that is no longer the current one (409 CONTRACT_CHANGED), changing nothing', async () => {
    const { listing, deal } = await agreedLicence();
    const shown = String((await contract(buyer, deal.id)).headers['x-contract-sha256']);
    await t.ctx.db
      .update(listings)
      .set({ title: `改名后的成果 ${deal.id}` })
      .where(eq(listings.id, listing.id));
    const before = (await getDeal(t, buyer, deal.id)).json();

    const res = await send(t, buyer, deal.id, 'SIGN_CONTRACT', { contractSha256: shown });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('CONTRACT_CHANGED');
    const after = (await getDeal(t, buyer, deal.id)).json();
    expect(after.version).toBe(before.version);
    expect(after.state).toBe('contracting.awaitingBoth');
    expect(await keptDocuments(deal.id)).toEqual([]);
    const history = await t.ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, deal.id));
    expect(history.map((h) => h.type)).not.toContain('SIGN_CONTRACT');

    const current = await contract(buyer, deal.id);
    expect(current.headers['x-contract-sha256']).not.toBe(shown);
    expect(await pdfText(current.rawPayload)).toContain(`改名后的成果${deal.id}`);
    const signed = await send(t, buyer, deal.id, 'SIGN_CONTRACT', {
      contractSha256: current.headers['x-contract-sha256'],
    });
    expect(signed.statusCode).toBe(200);
  });

  it('offers the second signer the text the first signed, though a party was renamed in between', async () => {
    const { deal } = await agreedLicence();
    const first = await contract(seller, deal.id);
    const hash = String(first.headers['x-contract-sha256']);
    await sendOk(t, seller, deal.id, 'SIGN_CONTRACT', { contractSha256: hash });
    const buyerOrg = buyer.user.organization;
    await t.ctx.db
      .update(organizations)
      .set({ name: `${buyerOrg.name}（更名）` })
      .where(eq(organizations.id, buyerOrg.id));
    try {
      const second = await contract(buyer, deal.id);
      expect(second.headers['x-contract-sha256']).toBe(hash);
      const text = await pdfText(second.rawPayload);
      expect(text).toContain(squash(`被许可方）：${buyerOrg.name}`));
      expect(text).not.toContain(squash('（更名）'));
      const signed = await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT', { contractSha256: hash });
      expect(signed.state).not.toMatch(/^contracting/);
      const kept = await keptDocuments(deal.id);
      expect(new Set(kept.map((d) => d.sha256))).toEqual(new Set([hash]));
    } finally {
      await t.ctx.db.update(organizations).set({ name: buyerOrg.name }).where(eq(organizations.id, buyerOrg.id));
    }
  });

  it('is signed only by a member the organization authorised to sign (403 otherwise, nothing written)', async () => {
    const { deal } = await agreedLicence();
    let n = 0;
    const member = await colleague(
      t,
      buyer,
      'buyer',
      () => `10.15.0.${++n}`,
      (res, what) => {
        if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
        return res.json();
      },
    );
    const hash = String((await contract(member, deal.id)).headers['x-contract-sha256']);
    const before = (await getDeal(t, buyer, deal.id)).json();
    const res = await send(t, member, deal.id, 'SIGN_CONTRACT', { contractSha256: hash });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await getDeal(t, buyer, deal.id)).json().version).toBe(before.version);
    expect(await keptDocuments(deal.id)).toEqual([]);

    // Authorised by the manager, the same member signs.
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${buyer.user.organization.id}/members/${member.user.id}`,
      token: buyer.accessToken,
      payload: { signatory: true },
    });
    expect(patch.statusCode).toBe(200);
    expect((await send(t, member, deal.id, 'SIGN_CONTRACT', { contractSha256: hash })).statusCode).toBe(200);
  });

  it('keeps each signed text with the signature, downloadable by the parties, its hash in the history', async () => {
    const { deal } = await agreedLicence();
    const shown = await contract(buyer, deal.id);
    const hash = String(shown.headers['x-contract-sha256']);
    await sendOk(t, buyer, deal.id, 'SIGN_CONTRACT', { contractSha256: hash });
    // Without a hash (API compatibility) the text rendered now is signed, and its hash recorded all the same.
    expect((await sendOk(t, seller, deal.id, 'SIGN_CONTRACT')).state).not.toMatch(/^contracting/);

    const docs = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/documents`, token: seller.accessToken })
    ).json().items;
    expect(docs.map((d: { filename: string }) => d.filename)).toEqual([
      '技术合同-contract-buyer.txt',
      '技术合同-contract-seller.txt',
    ]);
    for (const doc of docs) {
      const file = await t.request({
        method: 'GET',
        url: `/api/deals/${deal.id}/documents/${doc.id}`,
        token: buyer.accessToken,
      });
      expect(file.statusCode).toBe(200);
      expect(sha(file.body)).toBe(hash);
      expect(file.body).toContain('技术许可合同');
    }
    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: buyer.accessToken })
    ).json();
    expect(
      history.filter((h: { type: string }) => h.type === 'SIGN_CONTRACT').map((h: { payload: unknown }) => h.payload),
    ).toEqual([{ contractSha256: hash }, { contractSha256: hash }]);
  });

  it('follows the model contract of each form: transfer, with its instalments', async () => {
    const listing = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
    const deal = await openDeal(t, buyer, listing.id, 'transfer');
    await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, deal.id, 'PROPOSE_TERMS', {
      terms: {
        price: 30_000_000,
        payments: [
          { name: '首期款', amount: 10_000_000, dueDays: 30 },
          { name: '尾款', amount: 20_000_000, dueDays: 180 },
        ],
      },
    });
    await sendOk(t, seller, deal.id, 'ACCEPT_TERMS');
    const text = await pdfText((await contract(buyer, deal.id)).rawPayload);
    for (const expected of [
      '技术转让合同',
      `让与方）：${seller.user.organization.name}`,
      `受让方）：${buyer.user.organization.name}`,
      '转让价款总额人民币300,000.00元，一次总算、分期支付',
      '首期款：人民币100,000.00元，于本合同生效后30日内支付',
      '尾款：人民币200,000.00元，于本合同生效后180日内支付',
      '专利法》第十条',
    ])
      expect(text).toContain(squash(expected));
  });
});
