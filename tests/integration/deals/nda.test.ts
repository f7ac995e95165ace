import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealDocuments, dealHistory, listings } from '../../../src/db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { getDeal, openDeal, send, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, stranger: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, stranger, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

const nda = (s: Session, id: string) => t.request({ method: 'GET', url: `/api/deals/${id}/nda`, token: s.accessToken });

async function dealInNda() {
  const listing = await createListing(t, seller, { publishWith: admin });
  const deal = await openDeal(t, buyer, listing.id, 'license');
  await sendOk(t, seller, deal.id, 'ACCEPT_INQUIRY');
  return { listing, deal };
}

describe('the NDA text', () => {
  it('is rendered with the parties, the listing, the date and the term, and named by its sha256', async () => {
    const { listing, deal } = await dealInNda();
    const [row] = await t.ctx.db.select().from(listings).where(eq(listings.id, listing.id));
    const res = await nda(buyer, deal.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.text).toContain('保密协议');
    expect(body.text).toContain(deal.seller.organization.name);
    expect(body.text).toContain(deal.buyer.organization.name);
    expect(body.text).toContain(`《${row.title}》`);
    expect(body.text).toContain(String(row.registrationNo));
    expect(body.text).toMatch(/签订日期：\d{4}-\d{2}-\d{2}/);
    expect(body.text).toContain('保密义务期限为3年');
    expect(body.sha256).toBe(createHash('sha256').update(body.text, 'utf8').digest('hex'));
    expect(body.signed).toEqual([]);
    expect((await nda(seller, deal.id)).json().sha256).toBe(body.sha256);
    expect((await nda(stranger, deal.id)).statusCode).toBe(404);
  });

  it('refuses a signature on a text that is no longer the current one (409 NDA_CHANGED), changing nothing', async () => {
    const { listing, deal } = await dealInNda();
    const shown = (await nda(buyer, deal.id)).json().sha256;
    await t.ctx.db
      .update(listings)
      .set({ title: `改名后的成果 ${deal.id}` })
      .where(eq(listings.id, listing.id));
    const before = (await getDeal(t, buyer, deal.id)).json();

    const res = await send(t, buyer, deal.id, 'SIGN_NDA', { ndaSha256: shown });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('NDA_CHANGED');

    const after = (await getDeal(t, buyer, deal.id)).json();
    expect(after.version).toBe(before.version);
    expect(after.nda.buyer).toBeNull();
    expect(await t.ctx.db.select().from(dealDocuments).where(eq(dealDocuments.dealId, deal.id))).toEqual([]);
    const history = await t.ctx.db.select().from(dealHistory).where(eq(dealHistory.dealId, deal.id));
    expect(history.map((h) => h.type)).not.toContain('SIGN_NDA');

    // The new text names the new title; signing it is accepted.
    const current = (await nda(buyer, deal.id)).json();
    expect(current.sha256).not.toBe(shown);
    expect(current.text).toContain(`改名后的成果 ${deal.id}`);
    expect((await send(t, buyer, deal.id, 'SIGN_NDA', { ndaSha256: current.sha256 })).statusCode).toBe(200);
  });

  it('keeps each signed text with the signature, readable and downloadable by the parties', async () => {
    const { deal } = await dealInNda();
    const shown = (await nda(buyer, deal.id)).json();
    await sendOk(t, buyer, deal.id, 'SIGN_NDA', { ndaSha256: shown.sha256 });
    // Without a hash (API.md's SIGN_NDA has no payload), the text rendered now is what is signed and kept.
    expect((await sendOk(t, seller, deal.id, 'SIGN_NDA')).state).toBe('negotiating');

    const after = (await nda(seller, deal.id)).json();
    expect(after.signed.map((d: { filename: string }) => d.filename)).toEqual([
      '保密协议-NDA-buyer.txt',
      '保密协议-NDA-seller.txt',
    ]);
    for (const doc of after.signed) {
      const file = await t.request({
        method: 'GET',
        url: `/api/deals/${deal.id}/documents/${doc.id}`,
        token: buyer.accessToken,
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe(shown.text);
      expect(
        (
          await t.request({
            method: 'GET',
            url: `/api/deals/${deal.id}/documents/${doc.id}`,
            token: stranger.accessToken,
          })
        ).statusCode,
      ).toBe(404);
    }
    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: buyer.accessToken })
    ).json();
    expect(history.find((h: { type: string }) => h.type === 'SIGN_NDA').payload).toEqual({ ndaSha256: shown.sha256 });
  });
});
